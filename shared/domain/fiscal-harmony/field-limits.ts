// What Fiscal Harmony's fields can hold, from ZIMRA's field types (zimra-rules.md: price and
// quantity Decimal(19,3), totals Decimal(19,2), line name String(200), invoiceNo String(50)).
// Decimal(19,3) leaves 16 digits before the point, Decimal(19,2) 17. A figure past these is
// not rounded by the app: the document is stopped, as the service would stop it.
export const FH_FIELD_LIMITS = {
  /** Digits before the point of Quantity and UnitAmount. */
  quantityAndPriceIntegerDigits: 16,
  /** Decimals of Quantity and UnitAmount. */
  quantityAndPriceDecimals: 3,
  /** Digits before the point of LineAmount, DiscountAmount, SubTotal, TotalTax and Total. */
  amountIntegerDigits: 17,
  /** Characters of a line's Description. */
  descriptionLength: 200,
  /** Characters of the seller's InvoiceNumber / CreditNoteNumber. */
  documentNumberLength: 50,
} as const;

/**
 * How far ahead of the app's clock a document's date may be. The form picks the time to the
 * minute, so a manager who types the current minute can be up to a minute ahead, and a shop PC
 * whose clock is not synchronised is commonly a few minutes off the service's; five minutes
 * absorbs both, while a date typed on the wrong day or hour is still stopped (ZIMRA RCPT031).
 */
export const FUTURE_DATE_ALLOWANCE_MS = 5 * 60_000;

/** A credit note may credit an invoice of at most this many months before it (ZIMRA RCPT033). */
export const CREDIT_NOTE_MAX_AGE_MONTHS = 12;
