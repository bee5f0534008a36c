import { createHash } from 'node:crypto';
import type { DocumentDraft, LineDraft } from '../../../shared/contract/documents';
import { IMPORT_FIELD_LABELS, type ImportField, type ImportProblem, type ImportSettings } from '../../../shared/contract/import';
import { MAX_LINES } from '../../../shared/contract/documents';
import { PAYMENT_METHODS } from '../../../shared/domain/fiscal-harmony/schemas/documents';
import { isFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { amountText } from './decimal-text';
import { columnLetter, type ImportRow, type ImportTable } from './import-table';

/** One document as the file gives it: its rows (one per line), the draft they make, and its source key. */
export interface SourceDocument {
  /** As the file names it: its reference, or `Row 17`. */
  name: string;
  rows: ImportRow[];
  draft: DocumentDraft;
  /** For a credit note: the invoice it credits, as the file names it (a number or an imported reference). */
  originalInvoice: string;
  /** The same sale in any file gives the same key (see sourceKeyOf). */
  sourceKey: string;
  /** What the file itself gets wrong (an unknown document type, rows of one document that disagree). */
  problems: ImportProblem[];
}

const WALK_IN = 'Walk-in customer';
const emptyAddress = { province: '', street: '', houseNo: '', city: '' };

/** Reads the rows of a table as documents with the settings' mapping and grouping. */
export function sourceDocuments(table: ImportTable, settings: ImportSettings, decimalComma: boolean): SourceDocument[] {
  const cell = (row: ImportRow, field: ImportField): string => {
    const column = settings.mapping[field];
    return column === null || column === undefined ? '' : (row.cells[column] ?? '').trim();
  };
  const groups: ImportRow[][] = [];
  if (settings.grouping === 'row') {
    for (const row of table.rows) groups.push([row]);
  } else {
    const byReference = new Map<string, ImportRow[]>();
    for (const row of table.rows) {
      const reference = cell(row, 'reference');
      // A row without a reference cannot join a document: it stands alone and is refused below.
      const key = reference === '' ? `\u0000${row.number}` : reference;
      const rows = byReference.get(key);
      if (rows === undefined) {
        const fresh = [row];
        byReference.set(key, fresh);
        groups.push(fresh);
      } else rows.push(row);
    }
  }
  const occurrences = new Map<string, number>();
  return groups.map((rows) => documentOf(rows, settings, decimalComma, cell, table.headers, occurrences));
}

function documentOf(
  rows: ImportRow[],
  settings: ImportSettings,
  decimalComma: boolean,
  cell: (row: ImportRow, field: ImportField) => string,
  headers: readonly string[],
  occurrences: Map<string, number>,
): SourceDocument {
  const first = rows[0]!;
  const reference = cell(first, 'reference');
  const name = reference === '' ? `Row ${first.number}` : reference;
  const problems: ImportProblem[] = [];
  const at = (row: ImportRow, field: ImportField | null, rule: string, message: string, fix: string): void => {
    const column = field === null ? undefined : settings.mapping[field];
    const known = column !== null && column !== undefined;
    problems.push({ row: row.number, cell: known ? `${columnLetter(column)}${row.number}` : null, column: known ? (headers[column] ?? IMPORT_FIELD_LABELS[field!]) : null, document: name, rule, message, fix });
  };

  if (settings.grouping === 'reference' && reference === '') {
    at(first, 'reference', 'import-reference', `Row ${first.number} has no invoice reference, so it belongs to no document.`, 'Type the reference of the invoice this line is on, or choose Documents: "One per row".');
  }
  const kindText = cell(first, 'kind');
  const kind = kindOf(kindText);
  if (kind === null) at(first, 'kind', 'import-kind', `Document type "${kindText}" is neither an invoice nor a credit note.`, 'Write "Invoice" or "Credit note" (or leave it empty for an invoice).');
  const paymentText = cell(first, 'paymentMethod');
  const paymentMethod = paymentOf(paymentText);
  if (paymentMethod === null) at(first, 'paymentMethod', 'import-payment', `Payment method "${paymentText}" is not one Fiscal Harmony knows.`, `Use one of ${PAYMENT_METHODS.join(', ')} (or leave it empty for Cash).`);
  const inclusiveText = cell(first, 'taxInclusive');
  const taxInclusive = inclusiveOf(inclusiveText, settings.taxInclusive);
  if (taxInclusive === null) at(first, 'taxInclusive', 'import-tax-inclusive', `"${inclusiveText}" does not say whether prices include tax.`, 'Write Yes or No (or leave it empty to use the choice on this screen).');
  if (rows.length > MAX_LINES) at(rows[MAX_LINES]!, null, 'import-lines', `${name} has ${rows.length} lines; a document has at most ${MAX_LINES}.`, 'Split the sale over several references.');

  // A document's own values come from its first row; a later row that says otherwise is a mistake.
  for (const field of ['kind', 'date', 'currency', 'buyerName', 'buyerTin', 'originalInvoice'] as const) {
    const value = cell(first, field);
    for (const row of rows.slice(1)) {
      const other = cell(row, field);
      if (other !== '' && other.toUpperCase() !== value.toUpperCase()) {
        at(row, field, 'import-disagree', `Row ${row.number} gives ${IMPORT_FIELD_LABELS[field].toLowerCase()} "${other}", but row ${first.number} of the same document gives "${value}".`, `Make the rows of ${name} agree.`);
      }
    }
  }

  const buyerName = cell(first, 'buyerName');
  const buyerTin = cell(first, 'buyerTin');
  const buyerVat = cell(first, 'buyerVat');
  const isCredit = kind === 'credit-note';
  const draft: DocumentDraft = {
    kind: kind ?? 'invoice',
    date: dateText(cell(first, 'date')),
    currency: cell(first, 'currency').toUpperCase(),
    paymentMethod: paymentMethod ?? 'Cash',
    taxInclusive: taxInclusive ?? settings.taxInclusive,
    reference: isCredit ? cell(first, 'creditReason') : reference,
    buyer: {
      name: buyerName === '' && buyerTin === '' && buyerVat === '' ? WALK_IN : buyerName,
      tradeName: '',
      tin: buyerTin,
      vatNumber: buyerVat,
      phone: '',
      email: '',
      address: emptyAddress,
    },
    lines: rows.slice(0, MAX_LINES).map((row) => lineOf(row, cell, decimalComma)),
    originalInvoiceId: null,
  };
  const originalInvoice = isCredit ? cell(first, 'originalInvoice') : '';
  return { name, rows, draft, originalInvoice, sourceKey: sourceKeyOf(reference, draft, originalInvoice, occurrences), problems };
}

function lineOf(row: ImportRow, cell: (row: ImportRow, field: ImportField) => string, decimalComma: boolean): LineDraft {
  return {
    description: cell(row, 'description'),
    quantity: amountText(cell(row, 'quantity'), decimalComma),
    unitAmount: amountText(cell(row, 'unitAmount'), decimalComma),
    discountAmount: amountText(cell(row, 'discountAmount'), decimalComma),
    taxCode: cell(row, 'taxCode'),
    hsCode: cell(row, 'hsCode'),
  };
}

/**
 * The same sale gives the same key whichever file (or format) brings it: its reference when it
 * has one; otherwise what the row says, with how many identical rows came before it in the file
 * (two identical cash sales are two sales; the same two in an overlapping file match again).
 */
function sourceKeyOf(reference: string, draft: DocumentDraft, originalInvoice: string, occurrences: Map<string, number>): string {
  if (reference !== '') return `ref:${reference}`;
  const content = createHash('sha256').update(JSON.stringify({ ...draft, originalInvoice })).digest('hex');
  const seen = occurrences.get(content) ?? 0;
  occurrences.set(content, seen + 1);
  return `row:${content}#${seen}`;
}

function kindOf(text: string): DocumentDraft['kind'] | null {
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  if (['', 'invoice', 'inv', 'sale', 'fiscalinvoice', 'taxinvoice'].includes(key)) return 'invoice';
  if (['creditnote', 'credit', 'cn', 'refund', 'return'].includes(key)) return 'credit-note';
  return null;
}

function paymentOf(text: string): DocumentDraft['paymentMethod'] | null {
  if (text === '') return 'Cash';
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  const aliases: Record<string, DocumentDraft['paymentMethod']> = { swipe: 'Card', creditcard: 'Card', debitcard: 'Card', ecocash: 'MobileWallet', mobile: 'MobileWallet', mobilemoney: 'MobileWallet', transfer: 'BankTransfer', bank: 'BankTransfer', eft: 'BankTransfer', rtgs: 'BankTransfer' };
  return PAYMENT_METHODS.find((method) => method.toLowerCase() === key) ?? aliases[key] ?? null;
}

function inclusiveOf(text: string, fallback: boolean): boolean | null {
  if (text === '') return fallback;
  const key = text.toLowerCase();
  if (['yes', 'y', 'true', '1', 'incl', 'inclusive'].includes(key)) return true;
  if (['no', 'n', 'false', '0', 'excl', 'exclusive'].includes(key)) return false;
  return null;
}

/**
 * A date as Fiscal Harmony takes it: ISO dates as they are, `21/11/2026 09:30` (day first, as
 * Zimbabwe writes it) made ISO. Anything else is kept as typed: the shared check says it is not a date.
 */
export function dateText(text: string): string {
  if (text === '' || isFhDate(text)) return text;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m === null) return text;
  const [, d, mo, y, h, mi, s] = m;
  const pad = (n: string | undefined): string => (n ?? '0').padStart(2, '0');
  const iso = h === undefined ? `${y}-${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+02:00`;
  return isFhDate(iso) ? iso : text;
}
