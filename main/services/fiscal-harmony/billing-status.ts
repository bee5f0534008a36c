import type { z } from 'zod';
import type { billingStatusSchema } from '../../../shared/contract/account';

type BillingStatusView = z.infer<typeof billingStatusSchema>;

/** What a billing status means for a shop manager. */
export function describeBillingStatus(value: string | null | undefined): BillingStatusView | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  switch (value.trim().toLowerCase()) {
    case 'active':
      return { value, severity: 'ok', explanation: 'The subscription is paid up. Fiscalisation works.' };
    case 'overdue':
      return {
        value,
        severity: 'blocking',
        explanation: 'Payment is overdue. Fiscal Harmony stops fiscalising your documents until it is paid: pay the invoice in the Fiscal Harmony portal now.',
      };
    case 'suspended':
      return {
        value,
        severity: 'blocking',
        explanation: 'The subscription is suspended. No document can be fiscalised until Fiscal Harmony reactivates it: contact Fiscal Harmony support.',
      };
    case 'cancelled':
      return { value, severity: 'blocking', explanation: 'The subscription is cancelled. Documents cannot be fiscalised on this account.' };
    default:
      return { value, severity: 'unknown', explanation: 'Fiscal Desk does not know this billing status. Check it in the Fiscal Harmony portal.' };
  }
}
