// ZIMRA's entry rules that Fiscal Harmony passes on (zimra-rules.md): what its fields can hold,
// the document date (not in the future, not before the connection's last fiscalised document:
// RCPT031/030), and a credit note's invoice (at most 12 months old, RCPT033; the same buyer,
// Paynow's rule). The app's own implementation: the sandbox has its own
// (main/sandbox/processing/zimra-entry-rules.ts), and the property test holds the two together.
import { Dec, type DecimalInput } from '../money';
import type { DocumentProblem } from './document-checks';
import { CREDIT_NOTE_MAX_AGE_MONTHS, FH_FIELD_LIMITS, FUTURE_DATE_ALLOWANCE_MS } from './field-limits';
import { catParts, formatFhDate } from './fh-date';
import type { BuyerContact, LineItem } from './schemas/documents';

const TEN = new Dec(10);

/** More digits before the point than `digits` (1e16 has 17). */
export function exceedsIntegerDigits(value: DecimalInput, digits: number): boolean {
  return new Dec(value).abs().gte(TEN.pow(digits));
}

const characters = (text: string): number => [...text].length;

/** Field limits of one line (1-based `n`). */
export function checkLineLimits(line: LineItem, n: number): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const add = (rule: DocumentProblem['rule'], message: string): void => {
    problems.push({ rule, line: n, message });
  };
  const description = characters(line.Description.trim());
  if (description > FH_FIELD_LIMITS.descriptionLength) add('description-length', `Line ${n}: Description has ${description} characters, more than ${FH_FIELD_LIMITS.descriptionLength}`);
  const digits = FH_FIELD_LIMITS.quantityAndPriceIntegerDigits;
  if (exceedsIntegerDigits(line.Quantity, digits)) add('quantity-limit', `Line ${n}: Quantity has more than ${digits} digits before the point`);
  if (exceedsIntegerDigits(line.UnitAmount, digits)) add('unit-price-limit', `Line ${n}: UnitAmount has more than ${digits} digits before the point`);
  else if (new Dec(line.UnitAmount).decimalPlaces() > FH_FIELD_LIMITS.quantityAndPriceDecimals) {
    add('unit-price-decimals', `Line ${n}: UnitAmount has more than ${FH_FIELD_LIMITS.quantityAndPriceDecimals} decimals`);
  }
  const amountDigits = FH_FIELD_LIMITS.amountIntegerDigits;
  if (exceedsIntegerDigits(line.LineAmount, amountDigits)) add('amount-limit', `Line ${n}: LineAmount has more than ${amountDigits} digits before the point`);
  if (line.DiscountAmount !== null && line.DiscountAmount !== undefined && exceedsIntegerDigits(line.DiscountAmount, amountDigits)) {
    add('amount-limit', `Line ${n}: DiscountAmount has more than ${amountDigits} digits before the point`);
  }
  return problems;
}

/** Field limits of the document's totals. */
export function checkTotalLimits(doc: { SubTotal: DecimalInput; TotalTax: DecimalInput; Total: DecimalInput }): DocumentProblem[] {
  const digits = FH_FIELD_LIMITS.amountIntegerDigits;
  return (['SubTotal', 'TotalTax', 'Total'] as const)
    .filter((field) => exceedsIntegerDigits(doc[field], digits))
    .map((field) => ({ rule: 'amount-limit' as const, message: `${field} has more than ${digits} digits before the point` }));
}

/**
 * The seller's InvoiceNumber / CreditNoteNumber. Not part of the check while typing: the number
 * is given when the document is queued, and the numbering's prefixes (at most 20 characters, in
 * shared/contract/documents.ts) keep every number well within the limit.
 */
export function checkDocumentNumber(number: string): Array<{ rule: 'number-length'; message: string }> {
  const length = characters(number);
  const max = FH_FIELD_LIMITS.documentNumberLength;
  return length > max ? [{ rule: 'number-length', message: `The document number has ${length} characters, more than ${max}` }] : [];
}

export interface DateFacts {
  /** The app's clock. */
  now: Date;
  /** The date of the last document this connection fiscalised, or null before the first. */
  lastFiscalised: Date | null;
}

/** Not in the future (beyond the clock allowance), not before the last fiscalised document. */
export function checkDocumentDate(date: Date, facts: DateFacts): DocumentProblem[] {
  if (date.getTime() > facts.now.getTime() + FUTURE_DATE_ALLOWANCE_MS) {
    return [{ rule: 'date-future', message: `Date ${formatFhDate(date)} is in the future` }];
  }
  if (facts.lastFiscalised !== null && date.getTime() < facts.lastFiscalised.getTime()) {
    return [{ rule: 'date-before-last', message: `Date ${formatFhDate(date)} is before the last fiscalised document (${formatFhDate(facts.lastFiscalised)})` }];
  }
  return [];
}

/** The last moment a credit note may carry: the invoice's CAT date and time, 12 months on (29 February rolls to 1 March). */
export function creditDeadline(invoiceDate: Date): Date {
  const p = catParts(invoiceDate);
  const wallClock = (monthsOn: number): number => Date.UTC(p.year, p.month - 1 + monthsOn, p.day, p.hour, p.minute, p.second, invoiceDate.getUTCMilliseconds());
  // The same CAT wall-clock time, months on: CAT has one fixed offset, so shift back by it.
  return new Date(invoiceDate.getTime() + wallClock(CREDIT_NOTE_MAX_AGE_MONTHS) - wallClock(0));
}

const identity = (buyer: BuyerContact): string => [buyer.Name, buyer.Tin, buyer.VatNumber].map((v) => (v ?? '').trim()).join('\u0000');

/** A credit note is dated within 12 months of its invoice and is for the invoice's buyer (name, TIN, VAT number). */
export function checkCreditAgainstInvoice(invoice: { date: Date | null; buyer: BuyerContact }, note: { date: Date; buyer: BuyerContact }): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  if (invoice.date !== null && note.date.getTime() > creditDeadline(invoice.date).getTime()) {
    problems.push({ rule: 'credit-age', message: `The original invoice (${formatFhDate(invoice.date)}) is more than ${CREDIT_NOTE_MAX_AGE_MONTHS} months before the credit note` });
  }
  if (identity(invoice.buyer) !== identity(note.buyer)) problems.push({ rule: 'credit-buyer', message: 'The credit note buyer differs from the original invoice buyer' });
  return problems;
}
