import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { readCsvTable } from './csv-table';
import { checkFileIsWhatItSays, type ImportFormat } from './file-sniff';
import { IMPORT_LIMITS } from './import-limits';
import type { FileReading, ImportTable } from './import-table';
import { readXlsxTable, tooManyRows } from './xlsx-table';
import { headingKey } from './column-mapping';

export interface ReadFile {
  table: ImportTable;
  reading: FileReading;
  /** SHA-256 of the bytes, hex. */
  fingerprint: string;
}

/**
 * A chosen file's bytes as a table, or a plain refusal: checked to be what its name says,
 * read (CSV, TSV or XLSX), and its headings and size checked. Nothing is saved from a refused file.
 */
export async function readImportFile(format: ImportFormat, bytes: Buffer): Promise<ReadFile> {
  checkFileIsWhatItSays(format, bytes);
  const { table, reading } = format === 'xlsx' ? await readXlsxTable(bytes) : readCsvTable(bytes, format);
  checkHeadings(table);
  if (table.rows.length === 0) throw new AppError('INVALID_INPUT', 'The file has column headings but no sales below them. Choose the file with your sales.');
  if (table.rows.length > IMPORT_LIMITS.maxRows) throw tooManyRows();
  return { table, reading, fingerprint: createHash('sha256').update(bytes).digest('hex') };
}

function checkHeadings(table: ImportTable): void {
  const { headers } = table;
  if (headers.length > IMPORT_LIMITS.maxColumns) throw new AppError('INVALID_INPUT', `The file has ${headers.length} columns; a sales file has far fewer. Check it is the right file, or remove the columns you do not need.`);
  const width = Math.max(headers.length, ...table.rows.slice(0, 1000).map((row) => row.cells.length));
  for (let i = 0; i < width; i += 1) {
    const heading = (headers[i] ?? '').trim();
    const used = table.rows.some((row) => (row.cells[i] ?? '').trim() !== '');
    if (heading === '' && used) {
      throw new AppError('INVALID_INPUT', `Column ${i + 1} has values but no heading in the first row. Give every column a heading (for example "Description" or "Quantity"), then import again.`);
    }
  }
  const seen = new Map<string, string>();
  for (const heading of headers) {
    const key = headingKey(heading);
    if (key === '') continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new AppError('INVALID_INPUT', `Two columns have the same heading ("${earlier}" and "${heading.trim()}"). Give each column its own heading, then import again.`);
    seen.set(key, heading.trim());
  }
}
