// The body of `POST /invoice` and `POST /creditnote` as fh-api.md asks for it: amounts as JSON
// numbers ("send JSON numbers, money with 2 decimals"), written from their decimal text digit
// for digit, so `"115.50"` goes out as 115.50 and never through a float.
import { exactJsonNumber, type RawJsonNumber } from '../exact-json';
import type { CreditNote, Invoice, LineItem } from './schemas';

type Amount = RawJsonNumber;

export type LineItemBody = Omit<LineItem, 'Quantity' | 'UnitAmount' | 'LineAmount' | 'DiscountAmount'> & {
  Quantity: Amount;
  UnitAmount: Amount;
  LineAmount: Amount;
  DiscountAmount?: Amount | null;
};

export type DocumentBody<D extends Invoice | CreditNote> = Omit<D, 'LineItems' | 'SubTotal' | 'TotalTax' | 'Total'> & {
  LineItems: LineItemBody[];
  SubTotal: Amount;
  TotalTax: Amount;
  Total: Amount;
};

// Spreading first keeps each field where it was: the body reads in the document's own order.
function lineBody(line: LineItem): LineItemBody {
  const { DiscountAmount, ...rest } = line;
  return {
    ...rest,
    Quantity: exactJsonNumber(line.Quantity),
    UnitAmount: exactJsonNumber(line.UnitAmount),
    LineAmount: exactJsonNumber(line.LineAmount),
    ...(DiscountAmount === undefined ? {} : { DiscountAmount: DiscountAmount === null ? null : exactJsonNumber(DiscountAmount) }),
  };
}

/**
 * A validated invoice or credit note (InvoiceSchema/CreditNoteSchema output, amounts as decimal
 * text) with its amounts as exact JSON numbers, for FiscalHarmonyClient.submitInvoice/
 * submitCreditNote (which write it with stringifyExactJson). Everything else is kept as is.
 */
export function documentBody<D extends Invoice | CreditNote>(document: D): DocumentBody<D> {
  return {
    ...document,
    LineItems: document.LineItems.map(lineBody),
    SubTotal: exactJsonNumber(document.SubTotal),
    TotalTax: exactJsonNumber(document.TotalTax),
    Total: exactJsonNumber(document.Total),
  };
}
