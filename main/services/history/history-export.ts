import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import type { CurrencyTotal, ExportFormat, FileDelivery } from '../../../shared/contract/history';
import { KIND_LABELS, STATE_LABELS } from '../../../shared/domain/document-labels';
import { catParts, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { Dec, formatMoney } from '../../../shared/domain/money';
import { signedAmount } from '../../../shared/domain/signed-amount';
import type { TaxCopy } from '../../store/journal/fiscal-copies';
import type { SummaryRow } from '../../store/journal/history-query';
import { CurrencyTotals, type RateAmounts } from './currency-totals';
import type { FileSaver, FileToSave } from './history-service';

/** An export is a file a manager opens in a spreadsheet: past this, the filters must narrow it. */
export const EXPORT_MAX_ROWS = 100_000;

/** Written above the totals (the XLSX's second sheet; under the rows in a CSV). */
export const TOTALS_HEADING = 'Totals per currency (credit notes subtracted)';
export const TOTALS_SHEET = 'Totals';
export const DOCUMENTS_SHEET = 'Documents';

const HEADINGS_BEFORE_RATES = ['Number', 'Type', 'State', 'Date (CAT)', 'Buyer', 'Buyer TIN', 'Currency'] as const;
const HEADINGS_AFTER_RATES = ['Total', 'ZIMRA number', 'Verification code', 'Service message'] as const;

/** A rate as an accountant reads it: `15%`, `0%`, or `exempt` (no percent). */
export function rateLabel(percent: string | null): string {
  return percent === null ? 'exempt' : `${new Dec(percent).toString()}%`;
}

/** Highest rate first, exempt last. */
const byRate = (a: string, b: string) => (a === 'exempt' ? 1 : b === 'exempt' ? -1 : new Dec(b.slice(0, -1)).comparedTo(a.slice(0, -1)));

/** Net and VAT per rate; an exempt rate has no VAT column. */
const rateHeadings = (rates: readonly string[]) => rates.flatMap((rate) => (rate === 'exempt' ? [`Net ${rate}`] : [`Net ${rate}`, `VAT ${rate}`]));

/** The documents sheet's headings (and the CSV's) for the rates the exported documents have. */
export function exportHeadings(rates: readonly string[]): string[] {
  return [...HEADINGS_BEFORE_RATES, ...rateHeadings(rates), ...HEADINGS_AFTER_RATES];
}

export function totalsHeadings(rates: readonly string[]): string[] {
  return ['Currency', 'Documents', ...rateHeadings(rates), 'Total'];
}

/** What a cell holds, before it is written as CSV text or an XLSX cell. */
type Value = { text: string } | { amount: string } | { at: Date } | { count: number } | null;

const text = (value: string | null): Value => (value === null || value === '' ? null : { text: value });
const amount = (value: string | null | undefined): Value => (value === null || value === undefined ? null : { amount: value });

/** A rate the document does not have is left empty, as is every rate of one without tax per rate. */
function rateCells(rates: readonly string[], amounts: ReadonlyMap<string, RateAmounts> | null): Value[] {
  return rates.flatMap((rate) => {
    const figures = amounts?.get(rate);
    return rate === 'exempt' ? [amount(figures?.net)] : [amount(figures?.net), amount(figures?.tax)];
  });
}

interface ExportRow<R extends SummaryRow = SummaryRow> {
  row: R;
  /** Signed like the total; null when the journal has no tax per rate for the document (a draft, or sent before copies were kept). */
  rates: Map<string, RateAmounts> | null;
  total: string | null;
}

/** A document's tax per rate, signed as its total is, with the rates of the same percent together. */
function signedRates(kind: SummaryRow['kind'], taxes: readonly TaxCopy[] | null): Map<string, RateAmounts> | null {
  if (taxes === null) return null;
  const sums = new Map<string, { net: Dec; tax: Dec }>();
  for (const tax of taxes) {
    const label = rateLabel(tax.percent);
    const sum = sums.get(label) ?? { net: new Dec(0), tax: new Dec(0) };
    sums.set(label, { net: sum.net.plus(tax.net), tax: sum.tax.plus(tax.tax) });
  }
  return new Map([...sums].map(([label, sum]) => [label, { net: signedAmount(kind, formatMoney(sum.net)), tax: signedAmount(kind, formatMoney(sum.tax)) }]));
}

function documentCells<R extends SummaryRow>(entry: ExportRow<R>, rates: readonly string[], leading: LeadingColumns<R> | undefined): Value[] {
  const { row } = entry;
  const date = parseFhDate(row.issued_at ?? row.created_at);
  return [
    ...(leading?.values(row).map(text) ?? []),
    text(row.number),
    text(KIND_LABELS[row.kind]),
    text(STATE_LABELS[row.state]),
    date === undefined ? text(row.issued_at ?? row.created_at) : { at: date },
    text(row.buyer_name),
    text(row.buyer_tin),
    text(row.currency),
    ...rateCells(rates, entry.rates),
    amount(entry.total),
    text(row.zimra_number === null ? null : `${row.zimra_number}/${row.fiscal_day ?? ''}`),
    text(row.verification_code),
    text(row.service_error),
  ];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-03 14:30`: the moment in CAT, in a form every spreadsheet reads as a date. */
function catText(at: Date): string {
  const p = catParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** A spreadsheet must not run what a buyer's name says: text that starts like a formula is quoted. */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Amounts stay numbers (a credit note's `-12.50` too): only text is neutralised. */
function csvCell(value: Value): string {
  if (value === null) return '';
  if ('text' in value) return csvText(value.text);
  if ('amount' in value) return value.amount;
  if ('at' in value) return catText(value.at);
  return String(value.count);
}

const CAT_OFFSET_MS = 2 * 60 * 60 * 1000;

/**
 * An amount as a number cell, so that the spreadsheet adds it, when the number prints back as
 * exactly the decimal (every amount up to 15 significant digits); past that a spreadsheet's
 * number would change it, so it goes as text, digit for digit.
 */
function amountCell(value: string): Cell {
  const number = Number(value);
  return new Dec(String(number)).equals(value) ? { value: number, type: Number, format: '#,##0.00' } : { value, type: String };
}

function xlsxCell(value: Value): Cell {
  if (value === null) return null;
  if ('text' in value) return { value: value.text, type: String };
  if ('amount' in value) return amountCell(value.amount);
  // A spreadsheet's date has no time zone: it is written as the CAT wall-clock time.
  if ('at' in value) return { value: new Date(value.at.getTime() + CAT_OFFSET_MS), type: Date, format: 'dd/mm/yyyy hh:mm' };
  return { value: value.count, type: Number };
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  rows: number;
  totals: CurrencyTotal[];
}

export function exportFileName(format: ExportFormat, at: Date): string {
  return `fiscal-desk-documents-${at.toISOString().slice(0, 19).replace(/[T:]/g, '-')}.${format}`;
}

/** Looks up a document's tax per rate as sent (fiscalTaxesOf). */
export type TaxesOf = (documentId: string) => TaxCopy[] | null;

/** Text columns before the document's own (the back office's till and branch), with their widths in the XLSX. */
export interface LeadingColumns<R extends SummaryRow> {
  headings: readonly string[];
  widths: readonly number[];
  values: (row: R) => (string | null)[];
}

/** Hands a file to the manager: the save dialog's path (or cancelled), or, in browser mode, a download. */
export async function deliverFile(saveFile: FileSaver | null, file: FileToSave): Promise<FileDelivery> {
  if (saveFile === null) return { kind: 'download', fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
  const path = await saveFile(file);
  return path === null ? { kind: 'cancelled' } : { kind: 'saved', path };
}

/**
 * The filtered list (in the list's order) as CSV or XLSX: state in words, the date in CAT (a date
 * cell in XLSX), net and VAT per rate, credit notes negative; totals per currency on their own
 * sheet (under the rows in a CSV).
 */
export async function buildExport<R extends SummaryRow>(rows: Iterable<R>, format: ExportFormat, at: Date, taxesOf: TaxesOf, leading?: LeadingColumns<R>): Promise<ExportFile> {
  const totals = new CurrencyTotals();
  const list: ExportRow<R>[] = [];
  const seenRates = new Set<string>();
  for (const row of rows) {
    const rates = signedRates(row.kind, taxesOf(row.id));
    const total = row.total === null ? null : signedAmount(row.kind, row.total);
    for (const rate of rates?.keys() ?? []) seenRates.add(rate);
    totals.add(row.currency, total, rates ?? undefined);
    list.push({ row, rates, total });
  }
  const rates = [...seenRates].sort(byRate);
  const perCurrency = totals.list();
  const ratesPerCurrency = totals.rates();
  const documentRows = list.map((entry) => documentCells(entry, rates, leading));
  const documentHeadings = [...(leading?.headings ?? []), ...exportHeadings(rates)];
  const totalRows = perCurrency.map((entry, index): Value[] => [text(entry.currency), { count: entry.documents }, ...rateCells(rates, ratesPerCurrency[index]!), amount(entry.total)]);
  const fileName = exportFileName(format, at);
  if (format === 'csv') {
    const line = (values: readonly Value[]) => values.map(csvCell).join(',');
    const headingLine = (headings: readonly string[]) => headings.map(csvText).join(',');
    const lines = [headingLine(documentHeadings), ...documentRows.map(line), '', csvText(TOTALS_HEADING), headingLine(totalsHeadings(rates)), ...totalRows.map(line)];
    // A byte-order mark, so that spreadsheet programs read the names as UTF-8.
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
    return { fileName, mimeType: 'text/csv', bytes, rows: list.length, totals: perCurrency };
  }
  const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
  const rateWidths = rateHeadings(rates).map(() => 12);
  const bytes = await writeXlsxFile([
    {
      sheet: DOCUMENTS_SHEET,
      data: [documentHeadings.map(bold), ...documentRows.map((values): Row => values.map(xlsxCell))],
      columns: [...(leading?.widths ?? []), 14, 12, 18, 17, 30, 13, 9, ...rateWidths, 13, 13, 21, 40].map((width) => ({ width })),
      stickyRowsCount: 1,
    },
    {
      sheet: TOTALS_SHEET,
      data: [[bold(TOTALS_HEADING)], totalsHeadings(rates).map(bold), ...totalRows.map((values): Row => values.map(xlsxCell))],
      columns: [10, 11, ...rateWidths, 13].map((width) => ({ width })),
    },
  ]).toBuffer();
  return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes, rows: list.length, totals: perCurrency };
}
