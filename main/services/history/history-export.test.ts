import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { ExportResult } from '../../../shared/contract/history';
import { catParts, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { Dec } from '../../../shared/domain/money';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';
import { TOTALS_HEADING } from './history-export';

// The export an accountant opens (issue 24, items 4 and 11), through the IPC router in training
// mode: an invoice at two rates and a credit note of part of it, fiscalised by the sandbox, then
// the CSV parsed and the XLSX read back with read-excel-file.

let app: ComposedApp;
const { value } = ipcOf(() => app);
let invoice: DocumentDetail;
let credit: DocumentDetail;

async function fiscalise(draft: ReturnType<typeof typedInvoice>): Promise<DocumentDetail> {
  const saved = await value<DocumentDetail>('documents:saveDraft', { draft });
  await value('documents:queue', { id: saved.id });
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
  const document = await value<DocumentDetail>('documents:get', { id: saved.id });
  expect(document.state).toBe('fiscalised');
  return document;
}

beforeAll(async () => {
  app = await composeTestApp(fastTraining);
  const buyer = { ...typedInvoice().buyer, name: '=HYPERLINK("http://x")' };
  invoice = await fiscalise(typedInvoice({ buyer }));
  credit = await fiscalise(typedInvoice({ kind: 'credit-note', buyer, originalInvoiceId: invoice.id, reference: 'Returned: damaged bottle', lines: [typedLine({ quantity: '1' })] }));
}, 60_000);
afterAll(async () => {
  await app?.dispose();
});

async function exported(format: 'csv' | 'xlsx'): Promise<Buffer> {
  const result = await value<ExportResult>('history:export', { format });
  if (result.file.kind !== 'download') throw new Error('expected a download');
  return Buffer.from(result.file.base64, 'base64');
}

const pad = (n: number) => String(n).padStart(2, '0');
const catText = (date: string) => {
  const p = catParts(parseFhDate(date)!);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
};
const negative = (amount: string) => new Dec(amount).neg().toFixed(2);

describe('the documents export', () => {
  it('CSV: credit notes negative, states in words, CAT dates, net and VAT per rate, totals that are the rows\' sums', async () => {
    const text = (await exported('csv')).toString('utf8').replace(/^\uFEFF/, '');
    const [documents, totals] = text.split(`\r\n\r\n${TOTALS_HEADING}\r\n`);
    const rows = parse(documents!, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['Number', 'Type', 'State', 'Date (CAT)', 'Buyer', 'Buyer TIN', 'Currency', 'Net 15.5%', 'VAT 15.5%', 'Net 0%', 'VAT 0%', 'Total', 'ZIMRA number', 'Verification code', 'Service message']);
    const invoiceRow = rows.find((row) => row.Number === invoice.number)!;
    const creditRow = rows.find((row) => row.Number === credit.number)!;
    expect(invoiceRow).toMatchObject({ Type: 'Invoice', State: 'Fiscalised', Total: invoice.total, 'Date (CAT)': catText(invoice.date!) });
    // A buyer's name that starts like a formula is quoted; a negative amount stays a number.
    expect(invoiceRow.Buyer).toBe('\'=HYPERLINK("http://x")');
    expect(creditRow).toMatchObject({ Type: 'Credit note', State: 'Fiscalised', Total: negative(credit.total!), 'Date (CAT)': catText(credit.date!) });
    // The credit note is one VAT15 line of 4.60, 15.5% included: VAT 0.62 (4.60 × 15.5 / 115.5), net 3.98, both negative.
    expect(creditRow).toMatchObject({ 'Net 15.5%': '-3.98', 'VAT 15.5%': '-0.62', 'Net 0%': '', 'VAT 0%': '' });
    expect(new Dec(invoiceRow['Net 15.5%']!).plus(invoiceRow['VAT 15.5%']!).plus(invoiceRow['Net 0%']!).plus(invoiceRow['VAT 0%']!).toFixed(2)).toBe(invoice.total);
    const totalRows = parse(totals!, { columns: true }) as Record<string, string>[];
    const sumOf = (column: string) => rows.reduce((acc, row) => acc.plus(row[column] || '0'), new Dec(0)).toFixed(2);
    expect(totalRows).toEqual([{ Currency: 'USD', Documents: '2', 'Net 15.5%': sumOf('Net 15.5%'), 'VAT 15.5%': sumOf('VAT 15.5%'), 'Net 0%': sumOf('Net 0%'), 'VAT 0%': sumOf('VAT 0%'), Total: sumOf('Total') }]);
    expect(sumOf('Total')).toBe(new Dec(invoice.total!).minus(credit.total!).toFixed(2));
  });

  it('XLSX: a documents sheet with number and date cells (exact), and the totals on their own sheet', async () => {
    const sheets = await readXlsxFile(await exported('xlsx'), { parseNumber: (digits: string) => ({ digits }) });
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Documents', 'Totals']);
    const [headings, ...rows] = sheets[0]!.data;
    const column = (name: string) => headings!.indexOf(name);
    const creditRow = rows.find((row) => row[0] === credit.number)!;
    const invoiceRow = rows.find((row) => row[0] === invoice.number)!;
    expect(creditRow[column('Type')]).toBe('Credit note');
    expect(creditRow[column('State')]).toBe('Fiscalised');
    expect(creditRow[column('Total')]).toEqual({ digits: negative(credit.total!).replace(/0+$/, '').replace(/\.$/, '') });
    expect(creditRow[column('Net 15.5%')]).toEqual({ digits: '-3.98' });
    expect(creditRow[column('VAT 15.5%')]).toEqual({ digits: '-0.62' });
    expect(new Dec((invoiceRow[column('Total')] as { digits: string }).digits).toFixed(2)).toBe(invoice.total);
    // A date cell showing the CAT wall-clock time.
    const date: unknown = invoiceRow[column('Date (CAT)')];
    if (!(date instanceof Date)) throw new Error(`expected a date cell, got ${String(date)}`);
    const shown = date.toISOString();
    expect(`${shown.slice(0, 10)} ${shown.slice(11, 16)}`).toBe(catText(invoice.date!));
    const [heading, totalHeadings, usd] = sheets[1]!.data;
    expect(heading![0]).toBe(TOTALS_HEADING);
    expect(totalHeadings).toEqual(['Currency', 'Documents', 'Net 15.5%', 'VAT 15.5%', 'Net 0%', 'VAT 0%', 'Total']);
    expect(usd![0]).toBe('USD');
    expect(new Dec((usd![6] as { digits: string }).digits).toFixed(2)).toBe(new Dec(invoice.total!).minus(credit.total!).toFixed(2));
  });
});
