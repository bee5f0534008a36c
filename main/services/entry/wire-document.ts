// A draft as Fiscal Harmony receives it: blank lines left out, numbers computed with the shared
// arithmetic, "Cash <name>" for a buyer without TIN. The pre-submission check judges exactly this.
import type { BuyerDraft, DocumentDraft, LineDraft } from '../../../shared/contract/documents';
import { buyerNameSent, parseLine, type PercentOf } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { documentTotals, lineAmount } from '../../../shared/domain/fiscal-harmony/arithmetic';
import type { BuyerContact, LineItem } from '../../../shared/domain/fiscal-harmony/schemas';
import { formatMoney } from '../../../shared/domain/money';

/** A line nobody typed anything on (the form keeps one ready at the end). */
export function isBlankLine(line: LineDraft): boolean {
  return Object.values(line).every((value) => value.trim() === '');
}

export interface WireLines {
  lines: LineItem[];
  /** For each wire line, its index in the draft (blank lines are left out). */
  draftIndex: number[];
  /** Draft indexes of lines whose numbers are not numbers yet. */
  unparsed: number[];
}

export function wireLines(draft: Pick<DocumentDraft, 'lines'>): WireLines {
  const lines: LineItem[] = [];
  const draftIndex: number[] = [];
  const unparsed: number[] = [];
  draft.lines.forEach((line, index) => {
    if (isBlankLine(line)) return;
    const parsed = parseLine(line);
    if (parsed === null) {
      unparsed.push(index);
      return;
    }
    lines.push({
      Description: line.description.trim(),
      Quantity: parsed.quantity,
      UnitAmount: parsed.unitAmount,
      LineAmount: formatMoney(lineAmount(parsed)),
      DiscountAmount: parsed.discountAmount,
      TaxCode: line.taxCode.trim(),
      ProductCode: line.hsCode.trim(),
    });
    draftIndex.push(index);
  });
  return { lines, draftIndex, unparsed };
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function wireBuyer(buyer: BuyerDraft): BuyerContact {
  const address = buyer.address;
  const hasAddress = Object.values(address).some((v) => v.trim() !== '');
  return {
    Name: buyerNameSent(buyer),
    TradeName: optional(buyer.tradeName),
    Tin: optional(buyer.tin),
    VatNumber: optional(buyer.vatNumber),
    Phone: optional(buyer.phone),
    Email: optional(buyer.email),
    Address: hasAddress
      ? { Province: optional(address.province), Street: optional(address.street), HouseNo: optional(address.houseNo), City: optional(address.city) }
      : null,
  };
}

export interface WireFigures {
  IsTaxInclusive: boolean;
  IsDiscounted: boolean;
  LineItems: LineItem[];
  SubTotal: string;
  TotalTax: string;
  Total: string;
}

/** Totals of complete lines; a line whose tax is unknown counts as exempt (the check reports it). */
export function wireFigures(draft: Pick<DocumentDraft, 'taxInclusive'>, lines: LineItem[], percentOf: PercentOf): WireFigures {
  const totals = documentTotals(
    lines.map((l) => ({ lineAmount: l.LineAmount, taxPercent: percentOf(l.TaxCode ?? '') ?? null })),
    draft.taxInclusive,
  );
  return {
    IsTaxInclusive: draft.taxInclusive,
    IsDiscounted: lines.some((l) => l.DiscountAmount !== null && l.DiscountAmount !== undefined),
    LineItems: lines,
    SubTotal: formatMoney(totals.subTotal),
    TotalTax: formatMoney(totals.totalTax),
    Total: formatMoney(totals.total),
  };
}

export interface WireIdentity {
  id: string;
  number: string;
  /** Fiscal Harmony date (CAT). */
  date: string;
  isRetry: boolean;
  /** For a credit note: the original invoice's id as sent (its `InvoiceId`). */
  originalInvoiceId?: string;
}

/** The body of `POST /invoice` or `POST /creditnote` (numbers as decimal text, which the service accepts). */
export function wireDocument(draft: DocumentDraft, identity: WireIdentity, percentOf: PercentOf): Record<string, unknown> {
  const figures = wireFigures(draft, wireLines(draft).lines, percentOf);
  const common = {
    Reference: optional(draft.reference),
    BuyerContact: wireBuyer(draft.buyer),
    Date: identity.date,
    CurrencyCode: draft.currency.trim(),
    PaymentMethod: draft.paymentMethod,
    IsRetry: identity.isRetry,
    ...figures,
  };
  return draft.kind === 'invoice'
    ? { InvoiceId: identity.id, InvoiceNumber: identity.number, ...common }
    : { CreditNoteId: identity.id, CreditNoteNumber: identity.number, OriginalInvoiceId: identity.originalInvoiceId ?? '', ...common };
}
