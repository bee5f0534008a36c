import type { PAYMENT_METHODS } from '../../shared/domain/fiscal-harmony/schemas/documents';

/** Fiscal Harmony's payment methods in a shop manager's words. */
export const PAYMENT_LABEL: Record<(typeof PAYMENT_METHODS)[number], string> = {
  Cash: 'Cash',
  Card: 'Card',
  MobileWallet: 'Mobile wallet',
  Coupon: 'Coupon',
  Credit: 'On credit',
  BankTransfer: 'Bank transfer',
  Other: 'Other',
};
