// A draft's figures as typed in the form, computed with the shared arithmetic: the entry screen
// shows them live, the pre-submission check and the wire use exactly the same numbers.
import type { BuyerDraft, DocumentDraft, LineDraft } from '../../contract/documents';
import { Dec, formatMoney, sum } from '../money';
import { documentTotals, lineAmount, lineTax } from './arithmetic';

export type TypedDecimal = { ok: true; value: string } | { ok: false; empty: boolean };

const TYPED_DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** A number as typed in a form field: "12", "12.5", "-3", ".5"; "" and "1,5" are not numbers. */
export function parseTypedDecimal(text: string): TypedDecimal {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, empty: true };
  if (!TYPED_DECIMAL.test(trimmed)) return { ok: false, empty: false };
  return { ok: true, value: new Dec(trimmed).toFixed() };
}

export interface ParsedLine {
  quantity: string;
  unitAmount: string;
  /** null when the discount field is empty. */
  discountAmount: string | null;
}

/** The line's numbers, or null when one of them is not (yet) a number. */
export function parseLine(line: LineDraft): ParsedLine | null {
  const quantity = parseTypedDecimal(line.quantity);
  const unit = parseTypedDecimal(line.unitAmount);
  const discount = parseTypedDecimal(line.discountAmount);
  if (!quantity.ok || !unit.ok) return null;
  if (!discount.ok && !discount.empty) return null;
  return { quantity: quantity.value, unitAmount: unit.value, discountAmount: discount.ok ? discount.value : null };
}

/** A line's tax percent: decimal text, null = exempt, undefined = unknown (unmapped code). */
export type PercentOf = (taxCode: string) => string | null | undefined;

export interface LineFigures {
  /** `LineAmount` to the cent, or null while the line's numbers are incomplete. */
  lineAmount: string | null;
  /** The line's tax, or null while unknown. */
  tax: string | null;
}

export interface RateFigures {
  taxCode: string;
  percent: string | null;
  /** Sum of the line amounts with this tax code. */
  amount: string;
  tax: string;
}

export interface DraftFigures {
  lines: LineFigures[];
  /** Per tax code, in the order they first appear; only lines whose numbers are complete. */
  rates: RateFigures[];
  /** Null while a line is incomplete or a tax code's percent is unknown. */
  totals: { subTotal: string; totalTax: string; total: string } | null;
}

export function draftFigures(draft: Pick<DocumentDraft, 'lines' | 'taxInclusive'>, percentOf: PercentOf): DraftFigures {
  const complete: Array<{ code: string; amount: Dec; percent: string | null | undefined }> = [];
  const lines = draft.lines.map((line): LineFigures => {
    const parsed = parseLine(line);
    if (parsed === null) return { lineAmount: null, tax: null };
    const amount = lineAmount(parsed);
    const code = line.taxCode.trim();
    const percent = code === '' ? undefined : percentOf(code);
    complete.push({ code, amount, percent });
    return { lineAmount: formatMoney(amount), tax: percent === undefined ? null : formatMoney(lineTax(amount, percent, draft.taxInclusive)) };
  });
  const rates: RateFigures[] = [];
  for (const { code, amount, percent } of complete) {
    if (percent === undefined) continue;
    let rate = rates.find((r) => r.taxCode === code);
    if (rate === undefined) {
      rate = { taxCode: code, percent, amount: '0.00', tax: '0.00' };
      rates.push(rate);
    }
    rate.amount = formatMoney(sum([rate.amount, amount]));
    rate.tax = formatMoney(sum([rate.tax, lineTax(amount, percent, draft.taxInclusive)]));
  }
  const allKnown = complete.length === draft.lines.length && draft.lines.length > 0 && complete.every((l) => l.percent !== undefined);
  const totals = allKnown ? documentTotals(complete.map((l) => ({ lineAmount: l.amount, taxPercent: l.percent })), draft.taxInclusive) : null;
  return {
    lines,
    rates,
    totals: totals === null ? null : { subTotal: formatMoney(totals.subTotal), totalTax: formatMoney(totals.totalTax), total: formatMoney(totals.total) },
  };
}

const CASH_PREFIX = /^cash\s/i;

/** The name as sent: a buyer without a TIN is written `Cash <name>` (fh-api.md section 4). */
export function buyerNameSent(buyer: Pick<BuyerDraft, 'name' | 'tin'>): string {
  const name = buyer.name.trim();
  if (name === '' || buyer.tin.trim() !== '' || CASH_PREFIX.test(name)) return name;
  return `Cash ${name}`;
}
