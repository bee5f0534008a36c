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

// RCPT030's "previous receipt" is the one before in the service's chain, which follows the order
// documents arrived in: one that arrived earlier but took longer to process is not overtaken by
// those that came after it. Kept per account from its documents (not part of the saved state).
interface Receipt {
  receivedAt: string;
  time: number;
}
interface ReceiptChain {
  receipts: Receipt[];
  latestReceivedAt: string;
  latestTime: number | null;
}
const chains = new WeakMap<AccountState, ReceiptChain>();

function chainOf(account: AccountState): ReceiptChain {
  let chain = chains.get(account);
  if (chain === undefined) {
    chain = { receipts: [], latestReceivedAt: '', latestTime: null };
    chains.set(account, chain);
    for (const doc of account.documents.values()) if (doc.result?.success === true) addReceipt(chain, doc);
  }
  return chain;
}

function addReceipt(chain: ReceiptChain, doc: StoredDocument): void {
  const time = parseFhDate(doc.payload.Date)?.getTime();
  if (time === undefined) return;
  chain.receipts.push({ receivedAt: doc.receivedAt, time });
  if (doc.receivedAt > chain.latestReceivedAt) chain.latestReceivedAt = doc.receivedAt;
  if (chain.latestTime === null || time > chain.latestTime) chain.latestTime = time;
}

/** The latest date among receipts that arrived no later than `doc` (ISO instants compare as text). */
function previousReceiptTime(account: AccountState, doc: StoredDocument): number | null {
  const chain = chainOf(account);
  // Processed in the order it arrived, as nearly every document is: every receipt came before it.
  if (doc.receivedAt >= chain.latestReceivedAt) return chain.latestTime;
  let latest: number | null = null;
  for (const receipt of chain.receipts) {
    if (receipt.receivedAt <= doc.receivedAt && (latest === null || receipt.time > latest)) latest = receipt.time;
  }
  return latest;
}

/** Records a fiscalised document in its account's chain of receipts. */
export function recordReceiptDate(account: AccountState, doc: StoredDocument): void {
  addReceipt(chainOf(account), doc);
}

function dateProblems(account: AccountState, doc: StoredDocument, now: Date): string[] {
  const date = parseFhDate(doc.payload.Date);
  if (date === undefined) return [];
  if (date.getTime() - now.getTime() > CLOCK_TOLERANCE_MS) return [`Date ${doc.payload.Date} is in the future`];
  const last = previousReceiptTime(account, doc);
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
