// Invoices and credit notes as sent to `POST /invoice` and `POST /creditnote`.
// These schemas check structure only (what the service answers with 400). Business rules
// (HS codes, arithmetic, buyer, mappings, credit limits) are in ../document-checks and ../arithmetic.
import { z } from 'zod';
import { DecimalString, FhDateString, OptionalText, requiredOr } from '../wire-values';

export const PAYMENT_METHODS = ['Cash', 'Card', 'MobileWallet', 'Coupon', 'Credit', 'BankTransfer', 'Other'] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS, { error: `must be one of ${PAYMENT_METHODS.join(', ')}` });
export type PaymentMethod = z.output<typeof PaymentMethodSchema>;

export const BuyerAddressSchema = z.object({
  Province: OptionalText,
  Street: OptionalText,
  HouseNo: OptionalText,
  City: OptionalText,
});
export type BuyerAddress = z.output<typeof BuyerAddressSchema>;

export const BuyerContactSchema = z.object({
  /** A buyer without a TIN is written `Cash <name>`. */
  Name: z.string({ error: requiredOr('must be text') }),
  TradeName: OptionalText,
  /** 10 digits. */
  Tin: OptionalText,
  /** Only together with a TIN. */
  VatNumber: OptionalText,
  Phone: OptionalText,
  Email: OptionalText,
  Address: BuyerAddressSchema.nullish(),
}, { error: requiredOr('must be an object') });
export type BuyerContact = z.output<typeof BuyerContactSchema>;

export const LineItemSchema = z.object({
  Description: z.string({ error: requiredOr('must be text') }),
  /** Up to 3 decimals. */
  Quantity: DecimalString,
  UnitAmount: DecimalString,
  LineAmount: DecimalString,
  DiscountAmount: DecimalString.nullish(),
  /** The seller's tax code; must have a tax mapping. */
  TaxCode: OptionalText,
  /** The 8-digit HS code, mandatory (checked as a document rule, not structurally). */
  ProductCode: OptionalText,
}, { error: requiredOr('must be an object') });
export type LineItem = z.output<typeof LineItemSchema>;

const requiredText = z.string({ error: requiredOr('must be text') }).trim().min(1, 'is required');

const documentFields = {
  Reference: OptionalText,
  IsDiscounted: z.boolean().nullish(),
  IsTaxInclusive: z.boolean({ error: requiredOr('must be true or false') }),
  BuyerContact: BuyerContactSchema,
  Date: FhDateString,
  LineItems: z.array(LineItemSchema, { error: requiredOr('must be a list of line items') }).min(1, 'must contain at least one line'),
  SubTotal: DecimalString,
  TotalTax: DecimalString,
  Total: DecimalString,
  CurrencyCode: requiredText,
  PaymentMethod: PaymentMethodSchema.nullish(),
  IsRetry: z.boolean().nullish(),
};

export const InvoiceSchema = z.object({
  InvoiceId: requiredText,
  InvoiceNumber: requiredText,
  ...documentFields,
});
export type Invoice = z.output<typeof InvoiceSchema>;
/** What a client may send (numbers as numbers or strings). */
export type InvoiceInput = z.input<typeof InvoiceSchema>;

export const CreditNoteSchema = z.object({
  CreditNoteId: requiredText,
  CreditNoteNumber: requiredText,
  /** The `InvoiceId` of the credited invoice. */
  OriginalInvoiceId: requiredText,
  ...documentFields,
});
export type CreditNote = z.output<typeof CreditNoteSchema>;
export type CreditNoteInput = z.input<typeof CreditNoteSchema>;
