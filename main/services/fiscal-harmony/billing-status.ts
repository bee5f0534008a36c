import type { z } from 'zod';
import type { billingStatusSchema } from '../../../shared/contract/account';

type BillingStatusView = z.infer<typeof billingStatusSchema>;

/** What a billing status means for a shop manager. */
export function describeBillingStatus(value: string | null | undefined): BillingStatusView | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  switch (value.trim().toLowerCase()) {
    case 'active':
      return { value, severity: 'ok', explanation: 'The subscription is paid up.' };
    case 'overdue':
      return {
        value,
        severity: 'warning',
        explanation: 'Payment is overdue. Documents are still fiscalised for now, but Fiscal Harmony may interrupt fiscalisation: pay the open invoice in the Fiscal Harmony portal now.',
      };
    case 'suspended':
      return {
        value,
        severity: 'blocking',
        explanation: 'The subscription is suspended. No document can be fiscalised until Fiscal Harmony reactivates it: contact Fiscal Harmony support.',
      };
    case 'cancelled':
      return { value, severity: 'blocking', explanation: 'The subscription is cancelled. No document is fiscalised on this account: subscribe again in the Fiscal Harmony portal, or use another account.' };
    default:
      return { value, severity: 'unknown', explanation: 'Fiscal Desk does not know this billing status. Check it in the Fiscal Harmony portal.' };
  }
}
