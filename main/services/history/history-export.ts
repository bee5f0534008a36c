import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { CurrencyTotal, ExportFormat } from '../../../shared/contract/history';
import type { SummaryRow } from '../../store/journal/history-query';
import { CurrencyTotals } from './currency-totals';

/** An export is a file a manager opens in a spreadsheet: past this, the filters must narrow it. */
export const EXPORT_MAX_ROWS = 100_000;

export const EXPORT_HEADINGS = ['Number', 'Type', 'State', 'Date', 'Buyer', 'Buyer TIN', 'Currency', 'Total', 'ZIMRA number', 'Verification code', 'Service message'] as const;
/** Written under the rows, one line per currency. */
export const TOTALS_HEADING = 'Totals per currency (credit notes subtracted)';

const KIND_LABEL = { invoice: 'Invoice', 'credit-note': 'Credit note' } as const;

interface ExportRow {
  number: string;
  type: string;
  state: string;
  date: string;
  buyer: string;
  buyerTin: string;
  currency: string;
  /** Decimal string, or empty while a draft has none. */
  total: string;
  zimraNumber: string;
  verificationCode: string;
  serviceMessage: string;
}

function exportRow(row: SummaryRow): ExportRow {
  return {
    number: row.number ?? '',
    type: KIND_LABEL[row.kind],
    state: row.state,
    date: row.issued_at ?? row.created_at,
    buyer: row.buyer_name,
    buyerTin: row.buyer_tin ?? '',
    currency: row.currency,
    total: row.total ?? '',
    zimraNumber: row.zimra_number === null ? '' : `${row.zimra_number}/${row.fiscal_day ?? ''}`,
    verificationCode: row.verification_code ?? '',
    serviceMessage: row.service_error ?? '',
  };
}

const cells = (row: ExportRow): string[] => [row.number, row.type, row.state, row.date, row.buyer, row.buyerTin, row.currency, row.total, row.zimraNumber, row.verificationCode, row.serviceMessage];

/** A spreadsheet must not run what a buyer's name says: text that starts like a formula is quoted. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
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

/** The filtered list (in the list's order) as CSV or XLSX, with totals per currency under it. */
export async function buildExport(rows: Iterable<SummaryRow>, format: ExportFormat, at: Date): Promise<ExportFile> {
  const totals = new CurrencyTotals();
  const list: ExportRow[] = [];
  for (const row of rows) {
    totals.add(row.currency, row.kind, row.total);
    list.push(exportRow(row));
  }
  const perCurrency = totals.list();
  const fileName = exportFileName(format, at);
  if (format === 'csv') {
    const lines = [EXPORT_HEADINGS.join(','), ...list.map((row) => cells(row).map(csvCell).join(','))];
    lines.push('', TOTALS_HEADING, 'Currency,Documents,Total', ...perCurrency.map((entry) => [entry.currency, String(entry.documents), entry.total].map(csvCell).join(',')));
    // A byte-order mark, so that spreadsheet programs read the names as UTF-8.
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
    return { fileName, mimeType: 'text/csv', bytes, rows: list.length, totals: perCurrency };
  }
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  // Amounts go to the sheet as numbers so that the spreadsheet can add them; a two-place decimal
  // string read as a number prints back exactly the same.
  const amount = (value: string) => (value === '' ? null : { value: Number(value), type: Number, format: '#,##0.00' });
  const data: Row[] = [
    EXPORT_HEADINGS.map(bold),
    ...list.map((row): Row => cells(row).map((value, index) => (index === 7 ? amount(value) : value === '' ? null : { value, type: String }))),
    [],
    [bold(TOTALS_HEADING)],
    [bold('Currency'), bold('Documents'), bold('Total')],
    ...perCurrency.map((entry): Row => [{ value: entry.currency, type: String }, { value: entry.documents, type: Number }, amount(entry.total)]),
  ];
  const bytes = await writeXlsxFile(data, { columns: [14, 12, 15, 26, 30, 13, 9, 13, 13, 21, 40].map((width) => ({ width })) }).toBuffer();
  return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes, rows: list.length, totals: perCurrency };
}
