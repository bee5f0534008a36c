// ZIMRA's entry rules as the service passes them on (zimra-rules.md): its field types, the
// receipt date (RCPT031 not in the future, RCPT030 not before the previous receipt) and a credit
// note's invoice (RCPT033 at most 12 months old; the same buyer, Paynow's rule). Written apart
// from the app's check (shared/domain/fiscal-harmony/entry-rules.ts) on purpose: the property
// test then compares two implementations instead of one with itself.
import { formatFhDate, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { BuyerContact, CreditNote, Invoice, LineItem } from '../../../shared/domain/fiscal-harmony/schemas';
import { Dec } from '../../../shared/domain/money';
import { documentKey } from '../state/account-state';
import type { AccountState, StoredDocument } from '../state/account-state';

/** ZIMRA's Decimal(precision, scale) types of the document's figures. */
const DECIMAL_TYPES = {
  Quantity: { precision: 19, scale: 3 },
  UnitAmount: { precision: 19, scale: 3 },
  LineAmount: { precision: 19, scale: 2 },
  DiscountAmount: { precision: 19, scale: 2 },
  SubTotal: { precision: 19, scale: 2 },
  TotalTax: { precision: 19, scale: 2 },
  Total: { precision: 19, scale: 2 },
} as const;
type DecimalField = keyof typeof DECIMAL_TYPES;

/** ZIMRA's String(200) line name and String(50) invoiceNo. */
const DESCRIPTION_MAX = 200;
const NUMBER_MAX = 50;
/** The service tolerates a till whose clock runs a few minutes ahead of its own. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;
const CREDIT_WINDOW_MONTHS = 12;

/** Digits before the decimal point, written out (`1e30` has 31). */
function wholeDigits(value: string): number {
  const whole = new Dec(value).abs().trunc();
  return whole.isZero() ? 0 : whole.toFixed(0).length;
}

function fitsType(field: DecimalField, value: string): string | null {
  const { precision, scale } = DECIMAL_TYPES[field];
  const allowed = precision - scale;
  return wholeDigits(value) > allowed ? `${field} ${value} is too large (at most ${allowed} digits before the decimal point)` : null;
}

function lineProblems(line: LineItem, n: number): string[] {
  const problems: string[] = [];
  const description = Array.from(line.Description.trim()).length;
  if (description > DESCRIPTION_MAX) problems.push(`Line ${n}: Description is longer than ${DESCRIPTION_MAX} characters (${description})`);
  const priceTooLarge = fitsType('UnitAmount', line.UnitAmount);
  for (const problem of [fitsType('Quantity', line.Quantity), priceTooLarge, fitsType('LineAmount', line.LineAmount)]) {
    if (problem !== null) problems.push(`Line ${n}: ${problem}`);
  }
  if (line.DiscountAmount !== null && line.DiscountAmount !== undefined) {
    const discount = fitsType('DiscountAmount', line.DiscountAmount);
    if (discount !== null) problems.push(`Line ${n}: ${discount}`);
  }
  const decimals = new Dec(line.UnitAmount).decimalPlaces();
  if (priceTooLarge === null && decimals > DECIMAL_TYPES.UnitAmount.scale) problems.push(`Line ${n}: UnitAmount ${line.UnitAmount} has more than ${DECIMAL_TYPES.UnitAmount.scale} decimals`);
  return problems;
}

// The date of each account's last fiscalised receipt, worked out once from its documents and
// then kept up as receipts are made (not part of the saved state: it follows from the documents).
const lastReceipts = new WeakMap<AccountState, number | null>();

function lastReceiptTime(account: AccountState): number | null {
  if (!lastReceipts.has(account)) {
    let last: number | null = null;
    for (const doc of account.documents.values()) {
      const time = doc.result?.success === true ? parseFhDate(doc.payload.Date)?.getTime() : undefined;
      if (time !== undefined && (last === null || time > last)) last = time;
    }
    lastReceipts.set(account, last);
  }
  return lastReceipts.get(account) ?? null;
}

/** Records a fiscalised document's date as the account's latest receipt (RCPT030's "previous receipt"). */
export function recordReceiptDate(account: AccountState, doc: StoredDocument): void {
  const time = parseFhDate(doc.payload.Date)?.getTime();
  const last = lastReceiptTime(account);
  if (time !== undefined && (last === null || time > last)) lastReceipts.set(account, time);
}

function dateProblems(account: AccountState, doc: StoredDocument, now: Date): string[] {
  const date = parseFhDate(doc.payload.Date);
  if (date === undefined) return [];
  if (date.getTime() - now.getTime() > CLOCK_TOLERANCE_MS) return [`Date ${doc.payload.Date} is in the future`];
  const last = lastReceiptTime(account);
  if (last !== null && date.getTime() < last) return [`Date ${doc.payload.Date} is before the last fiscalised receipt (${formatFhDate(new Date(last))})`];
  return [];
}

/** The CAT wall-clock time of `date`, `months` on, as an instant (CAT has one offset all year). */
function monthsLater(date: Date, months: number): number {
  const catMs = 2 * 60 * 60 * 1000;
  const wall = new Date(date.getTime() + catMs);
  wall.setUTCMonth(wall.getUTCMonth() + months);
  return wall.getTime() - catMs;
}

const sameBuyer = (a: BuyerContact, b: BuyerContact): boolean =>
  (['Name', 'Tin', 'VatNumber'] as const).every((field) => (a[field] ?? '').trim() === (b[field] ?? '').trim());

function creditProblems(account: AccountState, note: CreditNote): string[] {
  const key = account.keys.get(documentKey('invoice', note.OriginalInvoiceId));
  const original = key?.status === 'fiscalised' ? account.documents.get(key.requestId) : undefined;
  if (original?.kind !== 'invoice') return []; // a missing or unfiscalised original is refused by the credit-note rules
  const problems: string[] = [];
  const invoiceDate = parseFhDate(original.payload.Date);
  const noteDate = parseFhDate(note.Date);
  if (invoiceDate !== undefined && noteDate !== undefined && noteDate.getTime() > monthsLater(invoiceDate, CREDIT_WINDOW_MONTHS)) {
    problems.push(`Original invoice "${note.OriginalInvoiceId}" is dated ${original.payload.Date}, more than ${CREDIT_WINDOW_MONTHS} months before the credit note`);
  }
  if (!sameBuyer(original.payload.BuyerContact, note.BuyerContact)) problems.push("BuyerContact differs from the original invoice's buyer (Name, Tin and VatNumber must match)");
  return problems;
}

/** Every entry rule above, as the refusal's parts. */
export function zimraEntryProblems(account: AccountState, doc: StoredDocument, now: Date): string[] {
  const payload: Invoice | CreditNote = doc.payload;
  const problems = payload.LineItems.flatMap((line, i) => lineProblems(line, i + 1));
  for (const field of ['SubTotal', 'TotalTax', 'Total'] as const) {
    const problem = fitsType(field, payload[field]);
    if (problem !== null) problems.push(problem);
  }
  const numberField = doc.kind === 'invoice' ? 'InvoiceNumber' : 'CreditNoteNumber';
  if (Array.from(doc.documentNumber).length > NUMBER_MAX) problems.push(`${numberField} is longer than ${NUMBER_MAX} characters`);
  problems.push(...dateProblems(account, doc, now));
  if (doc.kind === 'credit-note') problems.push(...creditProblems(account, doc.payload));
  return problems;
}
