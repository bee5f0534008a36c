import { describe, expect, it } from 'vitest';
import { readImportFile } from './import-file';
import { IMPORT_LIMITS } from './import-limits';
import { workbook, zipFile } from './test-support/zip-file';
import { detectSeparator } from './csv-table';

// Reading a chosen file: what it really is, its encoding and separator, its limits, and XLSX
// number cells digit for digit. Every refusal says what to do, and nothing is read past it.

const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

async function refusal(format: 'csv' | 'tsv' | 'xlsx', bytes: Buffer): Promise<string> {
  try {
    await readImportFile(format, bytes);
  } catch (error) {
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    return (error as Error).message;
  }
  throw new Error('the file was read');
}

describe('what a file really is', () => {
  it('refuses a renamed PDF, an old .xls, a picture, a zip named .csv and an empty file, saying what it is', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
    expect(await refusal('csv', pdf)).toMatch(/named as a CSV but it is a PDF document/);
    expect(await refusal('xlsx', pdf)).toMatch(/named .xlsx but it is a PDF document/);
    expect(await refusal('xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/old Excel \(.xls\)/);
    expect(await refusal('csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatch(/PNG picture/);
    expect(await refusal('csv', zipFile(workbook([['A']])))).toMatch(/zip archive or an Excel workbook/);
    expect(await refusal('xlsx', csv('Invoice,Qty\nA,1\n'))).toMatch(/a text file \(perhaps a CSV renamed/);
    expect(await refusal('csv', Buffer.alloc(0))).toMatch(/empty/);
    expect(await refusal('csv', Buffer.from([0x41, 0x00, 0x42, 0x0a]))).toMatch(/not text/);
  });
});

describe('CSV and TSV', () => {
  it('detects UTF-8 with and without BOM, UTF-16 and Windows-1252, and shows which', async () => {
    const plain = await readImportFile('csv', csv('Description,Qty\nCafé crème,1\n'));
    expect(plain.reading).toEqual({ format: 'csv', encoding: 'UTF-8', separator: ',' });
    expect(plain.table.rows[0]?.cells[0]).toBe('Café crème');
    const bom = await readImportFile('csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv('Description,Qty\nCafé,1\n')]));
    expect(bom.reading.encoding).toBe('UTF-8 with BOM');
    expect(bom.table.headers[0]).toBe('Description');
    // é is 0xE9 and € 0x80 in Windows-1252; neither is valid UTF-8 alone.
    const ansi = await readImportFile('csv', Buffer.concat([csv('Description;Price\nCaf'), Buffer.from([0xe9]), csv(' '), Buffer.from([0x80]), csv(';1,50\n')]));
    expect(ansi.reading).toEqual({ format: 'csv', encoding: 'Windows-1252', separator: ';' });
    expect(ansi.table.rows[0]?.cells).toEqual(['Café €', '1,50']);
    const utf16 = await readImportFile('tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Description\tQty\r\nCafé\t2\r\n', 'utf16le')]));
    expect(utf16.reading).toEqual({ format: 'tsv', encoding: 'UTF-16', separator: '\t' });
    expect(utf16.table.rows[0]?.cells).toEqual(['Café', '2']);
  });

  it('finds the separator outside quotes, and keeps quoted separators, quotes and line breaks in their cell', async () => {
    expect(detectSeparator('a;b;c\n1;"x;y";3\n', false)).toBe(';');
    expect(detectSeparator('a,b\t c\n"1,5",2\t3\n', false)).toBe(',');
    expect(detectSeparator('a\tb\n1\t2\n', true)).toBe('\t');
    expect(detectSeparator('a|b|c\n1|2|3\n', false)).toBe('|');
    const read = await readImportFile('csv', csv('Description,Qty\n"Nails, 3 ""inch""\nbox",2\n\nBread,1\n'));
    expect(read.table.rows).toEqual([
      { number: 2, cells: ['Nails, 3 "inch"\nbox', '2'] },
      // The blank line counts: a spreadsheet shows Bread on row 4.
      { number: 4, cells: ['Bread', '1'] },
    ]);
  });

  it('keeps a cell starting with =, +, - or @ as the text it is', async () => {
    const read = await readImportFile('csv', csv('Description,Qty\n=1+2,@SUM(A1)\n+3,-4\n'));
    expect(read.table.rows.map((row) => row.cells)).toEqual([['=1+2', '@SUM(A1)'], ['+3', '-4']]);
  });

  it('refuses a file with no rows, headings only, a column without a heading, or two columns with one heading', async () => {
    expect(await refusal('csv', csv('\n\n'))).toMatch(/no rows/);
    expect(await refusal('csv', csv('Description,Qty\n'))).toMatch(/headings but no sales/);
    expect(await refusal('csv', csv('Description,Qty\nBread,1,oops\n'))).toMatch(/Column 3 has values but no heading/);
    expect(await refusal('csv', csv('Qty,Description,QTY\n1,Bread,2\n'))).toMatch(/same heading \("Qty" and "QTY"\)/);
  });

  it(`stops reading past ${IMPORT_LIMITS.maxRows.toLocaleString('en')} rows (a million-row file is refused, not read whole)`, async () => {
    const million = Buffer.from(`Description,Qty\n${'a,1\n'.repeat(1_000_000)}`);
    const started = performance.now();
    expect(await refusal('csv', million)).toMatch(/more than 50,000 rows/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('XLSX', () => {
  it('reads number cells as the text the sheet stores, never through a float', async () => {
    const bytes = zipFile(workbook([['Description', 'Qty', 'Price'], ['Bread', { n: '3' }, { n: '0.30000000000000004' }], ['Oil', { n: '2.50' }, { n: '1.5E-3' }], ['Big', { n: '12345678901234567.89' }, { n: '-0' }], ['=1+2', '@SUM(A1)', '-4']]));
    const read = await readImportFile('xlsx', bytes);
    expect(read.reading).toEqual({ format: 'xlsx', encoding: null, separator: null });
    expect(read.table.rows.map((row) => row.cells)).toEqual([
      ['Bread', '3', '0.30000000000000004'],
      ['Oil', '2.50', '0.0015'],
      ['Big', '12345678901234567.89', '-0'],
      // Text that looks like a formula stays the text it is.
      ['=1+2', '@SUM(A1)', '-4'],
    ]);
  });

  it('refuses a formula cell, naming it, and merged heading cells; merged cells below the headings are fine', async () => {
    expect(await refusal('xlsx', zipFile(workbook([['Description', 'Qty'], ['Bread', { f: 'B1*2', v: '2' }]])))).toMatch(/Cell B2 holds a formula/);
    expect(await refusal('xlsx', zipFile(workbook([['Sales', null], ['Bread', '1']], { merge: ['A1:B1'] })))).toMatch(/headings in row 1 have merged cells \(A1:B1\)/);
    const below = await readImportFile('xlsx', zipFile(workbook([['Description', 'Qty'], ['Bread', '1'], ['Note', null]], { merge: ['A3:B3'] })));
    expect(below.table.rows).toHaveLength(2);
  });

  it('refuses an empty sheet, and a workbook whose zip is damaged', async () => {
    expect(await refusal('xlsx', zipFile(workbook([])))).toMatch(/first sheet of this workbook is empty/);
    const damaged = zipFile(workbook([['A']]));
    expect(await refusal('xlsx', damaged.subarray(0, damaged.length - 30))).toMatch(/cannot be read as an Excel workbook/);
  });

  it('refuses a sheet of more than 50,000 rows before reading it', async () => {
    const rows = [['Description', 'Qty'], ...Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => [`Item ${i}`, { n: '1' }])];
    expect(await refusal('xlsx', zipFile(workbook(rows)))).toMatch(/more than 50,000 rows/);
  });

  it('refuses a zip bomb before inflating it: by its declared growth, and by a size that lies', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const bomb = zipFile({ ...workbook([['Description'], ['Bread']]), 'xl/media/padding.bin': zeros });
    const before = process.memoryUsage().arrayBuffers;
    expect(await refusal('xlsx', bomb)).toMatch(/unpacks to far more data/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10 * 1024 * 1024);
    // The sheet says it is 100 bytes; zlib stops at 100 and the file is refused.
    const liar = zipFile(workbook([['Description'], ...Array.from({ length: 200 }, () => ['Bread'])]), { declareSize: (name, size) => (name.endsWith('sheet1.xml') ? 100 : size) });
    expect(await refusal('xlsx', liar)).toMatch(/unpacks to far more data/);
  });
});
