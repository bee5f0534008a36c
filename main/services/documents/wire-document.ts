import type { DocumentDraft, DocumentKind } from '../../../shared/contract/documents';
import { exactJsonNumber } from '../../../shared/domain/exact-json';
import { buyerNameSent, parseLine, type DraftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';

// `JSON.parse`'s reviver gets each number's source text (Node 21+); TypeScript's lib lacks it.
type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;
const parseWithSource = JSON.parse as (text: string, reviver: Reviver) => unknown;
const exact = exactJsonNumber;

export interface WireSource {
  id: string;
  kind: DocumentKind;
  number: string;
  /** ISO date with offset, CAT. */
  date: string;
  draft: DocumentDraft;
  figures: DraftFigures & { totals: NonNullable<DraftFigures['totals']> };
  /** Credit notes: the credited invoice's id. */
  originalInvoiceId: string | null;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The Invoice or CreditNote body of fh-api.md section 4, built once when the document is queued
 * and kept as JSON text: every attempt sends the same document. Amounts are JSON numbers written
 * from their decimal text (money with 2 places, quantities as typed), never through a float.
 */
export function wireDocumentJson(source: WireSource): string {
  const { draft, figures } = source;
  const buyer = draft.buyer;
  const address = buyer.address;
  const hasAddress = Object.values(address).some((value) => value.trim() !== '');
  const lines = draft.lines.map((line, i) => {
    const parsed = parseLine(line);
    const amount = figures.lines[i]?.lineAmount;
    if (parsed === null || amount === null || amount === undefined) throw new Error('A queued document has an incomplete line');
    const discount = parsed.discountAmount;
    return {
      Description: line.description.trim(),
      Quantity: exact(parsed.quantity),
      UnitAmount: exact(money(parsed.unitAmount)),
      LineAmount: exact(amount),
      DiscountAmount: discount === null || discount === '0' ? null : exact(money(discount)),
      TaxCode: line.taxCode.trim(),
      ProductCode: line.hsCode.trim(),
    };
  });
  const ids =
    source.kind === 'invoice'
      ? { InvoiceId: source.id, InvoiceNumber: source.number }
      : { CreditNoteId: source.id, CreditNoteNumber: source.number, OriginalInvoiceId: source.originalInvoiceId };
  const body = {
    ...ids,
    Reference: orNull(draft.reference),
    IsDiscounted: lines.some((line) => line.DiscountAmount !== null),
    IsTaxInclusive: draft.taxInclusive,
    BuyerContact: {
      Name: buyerNameSent(buyer),
      TradeName: orNull(buyer.tradeName),
      Tin: orNull(buyer.tin),
      VatNumber: orNull(buyer.vatNumber),
      Phone: orNull(buyer.phone),
      Email: orNull(buyer.email),
      Address: hasAddress
        ? { Province: orNull(address.province), Street: orNull(address.street), HouseNo: orNull(address.houseNo), City: orNull(address.city) }
        : null,
    },
    Date: source.date,
    LineItems: lines,
    SubTotal: exact(figures.totals.subTotal),
    TotalTax: exact(figures.totals.totalTax),
    Total: exact(figures.totals.total),
    CurrencyCode: draft.currency.trim(),
    PaymentMethod: draft.paymentMethod,
  };
  return JSON.stringify(body);
}

/** Unit amounts keep their typed precision beyond cents only when they have it. */
function money(decimal: string): string {
  const [whole, fraction = ''] = decimal.split('.');
  return `${whole ?? '0'}.${fraction.padEnd(2, '0')}`;
}

/**
 * The stored body, ready to send, with `IsRetry` set. Numbers are revived from their source text
 * so the body sent is the body stored, to the last digit.
 */
export function wireBodyToSend(wireJson: string, isRetry: boolean): Record<string, unknown> {
  const body = parseWithSource(wireJson, (_key, value, context) =>
    typeof value === 'number' && context?.source !== undefined ? exactJsonNumber(context.source) : value,
  ) as Record<string, unknown>;
  body.IsRetry = isRetry;
  return body;
}
