import { parse } from 'csv-parse/sync';
import { AppError } from '../../../shared/errors';
import { decodeText } from './text-decoding';
import { IMPORT_LIMITS } from './import-limits';
import type { FileReading, ImportTable } from './import-table';

const SEPARATORS = [',', ';', '\t', '|'] as const;

/** The column separator: the candidate found the same number of times on most of the first lines (quoted text left out). */
export function detectSeparator(text: string, preferTab: boolean): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .slice(0, 30)
    .map((line) => line.replace(/"(?:[^"]|"")*"/g, ''))
    .filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return preferTab ? '\t' : ',';
  let best: { separator: string; score: number } = { separator: preferTab ? '\t' : ',', score: 0 };
  for (const separator of SEPARATORS) {
    const count = (line: string): number => line.split(separator).length - 1;
    const expected = count(first);
    if (expected === 0) continue;
    const agreeing = lines.filter((line) => count(line) === expected).length;
    const score = agreeing * 1000 + expected + (preferTab && separator === '\t' ? 500 : 0);
    if (score > best.score) best = { separator, score };
  }
  return best.separator;
}

/** A CSV or TSV file as a table: decoded, its separator found, read by csv-parse (quotes, embedded separators and line breaks). */
export function readCsvTable(bytes: Uint8Array, format: 'csv' | 'tsv'): { table: ImportTable; reading: FileReading } {
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text, format === 'tsv');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separator,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One more than allowed, so a file past the cap is known without reading all of it.
      to: IMPORT_LIMITS.maxRows + 2,
      trim: false,
    }) as string[][];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? ` near line ${(error as { lines: number }).lines}` : '';
    throw new AppError('INVALID_INPUT', `The file could not be read as CSV${line}: a quote (") is probably not closed. Open it in your spreadsheet program, save it as CSV again, and import that.`);
  }
  // Row numbers count every line, blank ones too, as a spreadsheet program shows them.
  const numbered = records.map((cells, i) => ({ number: i + 1, cells })).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const [headers, ...rest] = numbered;
  if (headers === undefined) throw new AppError('INVALID_INPUT', 'The file has no rows. Choose the file your sales were saved in.');
  return {
    table: { headers: headers.cells, rows: rest },
    reading: { format, encoding, separator },
  };
}
