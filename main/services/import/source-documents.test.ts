import { describe, expect, it } from 'vitest';
import type { ImportSettings } from '../../../shared/contract/import';
import { layoutKey, matchColumns, missingFields } from './column-mapping';
import { amountText, usesDecimalComma } from './decimal-text';
import { dateText, sourceDocuments } from './source-documents';
import type { ImportTable } from './import-table';

const table = (headers: string[], rows: string[][]): ImportTable => ({ headers, rows: rows.map((cells, i) => ({ number: i + 2, cells })) });

describe('column mapping', () => {
  it('matches clear headings, leaves the rest to the manager, and names what is still needed', () => {
    const mapping = matchColumns(['Receipt No', 'Item', 'Qty', 'Unit Price', 'VAT code', 'HS Code', 'Colour']);
    expect(mapping).toMatchObject({ reference: 0, description: 1, quantity: 2, unitAmount: 3, taxCode: 4, hsCode: 5, currency: null });
    expect(missingFields(mapping, 7)).toEqual(['currency']);
  });

  it('knows a layout by its headings in order, whatever their case and spacing', () => {
    expect(layoutKey(['Invoice', 'Qty'])).toBe(layoutKey(['INVOICE ', 'qty']));
    expect(layoutKey(['Invoice', 'Qty'])).not.toBe(layoutKey(['Qty', 'Invoice']));
  });
});

describe('amounts digit for digit', () => {
  it('takes out thousands separators and spaces, turns a decimal comma into a point, and leaves what is not a number as typed', () => {
    expect(amountText(' 1,234.50 ', false)).toBe('1234.50');
    expect(amountText('1 234.5', false)).toBe('1234.5');
    expect(amountText('1.234,50', true)).toBe('1234.50');
    expect(amountText('12,5', true)).toBe('12.5');
    expect(amountText('0.100', false)).toBe('0.100');
    expect(amountText('1E-2', false)).toBe('0.01');
    expect(amountText('$4.60', false)).toBe('$4.60');
    expect(amountText('1,5', false)).toBe('1,5');
  });

  it('detects a decimal comma only when no amount uses a point', () => {
    expect(usesDecimalComma(table(['Qty', 'Price'], [['1', '4,60'], ['2', '1,15']]), [0, 1], ',')).toBe(true);
    expect(usesDecimalComma(table(['Qty', 'Price'], [['1', '4,60'], ['2', '1.15']]), [0, 1], ',')).toBe(false);
    expect(usesDecimalComma(table(['Description', 'Price'], [['Nails 3,5 cm', '2']]), [1], ',')).toBe(false);
    // Thousands grouped: 7.756,64 is a comma; 1.234 alone could be either and decides nothing.
    expect(usesDecimalComma(table(['Qty', 'Price'], [['1.234', '7.756,64']]), [0, 1], ',')).toBe(true);
    expect(usesDecimalComma(table(['Qty', 'Price'], [['1,234', '7,756.64']]), [0, 1], ',')).toBe(false);
    expect(usesDecimalComma(table(['Qty', 'Price'], [['2', '1.234']]), [0, 1], ',')).toBe(false);
    // Nothing tells: a file separated by semicolons writes decimals with a comma.
    expect(usesDecimalComma(table(['Qty', 'Price'], [['10', '39,935']]), [0, 1], ';')).toBe(true);
    expect(usesDecimalComma(table(['Qty', 'Price'], [['10', '39,935']]), [0, 1], ',')).toBe(false);
  });

  it('reads day-first dates and ISO dates, and keeps anything else for the check to refuse', () => {
    expect(dateText('21/11/2026 09:30')).toBe('2026-11-21T09:30:00+02:00');
    expect(dateText('21.11.2026')).toBe('2026-11-21');
    expect(dateText('2026-11-21 09:30')).toBe('2026-11-21 09:30');
    expect(dateText('31/02/2026')).toBe('31/02/2026');
    expect(dateText('yesterday')).toBe('yesterday');
  });
});

describe('rows into documents', () => {
  const headers = ['Invoice', 'Type', 'Currency', 'Customer', 'Description', 'Qty', 'Price', 'Tax', 'HS', 'Original', 'Reason'];
  const settings: ImportSettings = { mapping: matchColumns(['Invoice', 'Type', 'Currency', 'Customer', 'Description', 'Qty', 'Price', 'Tax', 'HS Code', 'Original invoice', 'Reason']), grouping: 'reference', decimalComma: null, taxInclusive: true };

  it('groups rows by reference (one row per line), takes the document from its first row, and flags a row that disagrees', () => {
    const docs = sourceDocuments(
      table(headers, [
        ['A1', '', 'usd', '', 'Bread', '2', '1.15', 'ZR', '19059000', '', ''],
        ['A2', 'Credit note', 'USD', 'Rudo', 'Bread', '1', '1.15', 'ZR', '19059000', 'A1', 'Returned'],
        ['A1', '', 'ZWG', '', 'Oil', '1', '4.60', 'VAT15', '15079000', '', ''],
      ]),
      settings,
      false,
    );
    expect(docs.map((d) => [d.name, d.rows.map((r) => r.number), d.draft.kind, d.draft.currency])).toEqual([
      ['A1', [2, 4], 'invoice', 'USD'],
      ['A2', [3], 'credit-note', 'USD'],
    ]);
    expect(docs[0]?.draft.buyer.name).toBe('Walk-in customer');
    expect(docs[0]?.draft.reference).toBe('A1');
    expect(docs[0]?.draft.lines.map((l) => [l.description, l.quantity, l.unitAmount])).toEqual([['Bread', '2', '1.15'], ['Oil', '1', '4.60']]);
    expect(docs[0]?.problems).toEqual([expect.objectContaining({ row: 4, cell: 'C4', column: 'Currency', message: 'Row 4 gives currency "ZWG", but row 2 of the same document gives "usd".' })]);
    expect(docs[1]).toMatchObject({ originalInvoice: 'A1', draft: { reference: 'Returned', buyer: { name: 'Rudo' } } });
    expect(docs.map((d) => d.sourceKey)).toEqual(['ref:A1', 'ref:A2']);
  });

  it('one row per document: identical rows are two sales with two keys, the same in any file', () => {
    const rowSettings: ImportSettings = { ...settings, mapping: { ...settings.mapping, reference: null }, grouping: 'row' };
    const rows = [['', '', 'USD', '', 'Bread', '1', '1.15', 'ZR', '19059000', '', ''], ['', '', 'USD', '', 'Bread', '1', '1.15', 'ZR', '19059000', '', '']];
    const once = sourceDocuments(table(headers, rows), rowSettings, false).map((d) => d.sourceKey);
    expect(new Set(once).size).toBe(2);
    expect(sourceDocuments(table(headers, rows.slice(0, 1)), rowSettings, false).map((d) => d.sourceKey)).toEqual(once.slice(0, 1));
  });

  it('refuses a row without a reference and an unknown document type, on their cells', () => {
    const docs = sourceDocuments(table(headers, [['', 'Quote', 'USD', '', 'Bread', '1', '1', 'ZR', '19059000', '', '']]), settings, false);
    expect(docs[0]?.problems.map((p) => [p.cell, p.message])).toEqual([
      ['A2', 'Row 2 has no invoice reference, so it belongs to no document.'],
      ['B2', 'Document type "Quote" is neither an invoice nor a credit note.'],
    ]);
  });
});

describe('the template', () => {
  it('has a heading for every field that the matching finds, and reads as an invoice of two lines and a credit note for it', async () => {
    const { importTemplateCsv } = await import('./import-template');
    const { readImportFile } = await import('./import-file');
    const read = await readImportFile('csv', Buffer.from(importTemplateCsv(), 'utf8'));
    expect(read.reading.encoding).toBe('UTF-8 with BOM');
    const mapping = matchColumns(read.table.headers);
    expect(Object.values(mapping).every((column) => column !== null)).toBe(true);
    const docs = sourceDocuments(read.table, { mapping, grouping: 'reference', decimalComma: null, taxInclusive: true }, false);
    expect(docs.map((d) => [d.name, d.draft.kind, d.draft.lines.length, d.problems.length])).toEqual([
      ['T-1001', 'invoice', 2, 0],
      ['T-1002', 'credit-note', 1, 0],
    ]);
    expect(docs[1]).toMatchObject({ originalInvoice: 'T-1001', draft: { reference: 'Goods returned' } });
  });
});
