import { readSheet } from 'read-excel-file/node';
import { AppError } from '../../../shared/errors';
import { Dec } from '../../../shared/domain/money';
import { guardZip } from './zip-guard';
import type { FileReading, ImportTable } from './import-table';
import { IMPORT_LIMITS } from './import-limits';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** The part holding the workbook's first sheet (the one read-excel-file reads by default). */
function firstSheetPath(parts: Map<string, Buffer>): string | null {
  const workbook = parts.get(WORKBOOK)?.toString('utf8') ?? '';
  const relationId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rels = parts.get(WORKBOOK_RELS)?.toString('utf8') ?? '';
  if (relationId !== undefined) {
    for (const rel of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!rel[0].includes(`Id="${relationId}"`)) continue;
      const target = /Target="([^"]+)"/.exec(rel[0])?.[1];
      if (target !== undefined) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return [...parts.keys()].find((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name)) ?? null;
}

/** Cells that compute their value: never evaluated here, and never taken as typed values. */
function firstFormulaCell(sheet: string): string | null {
  const formula = /<(?:\w+:)?f[\s>/]/.exec(sheet);
  if (formula === null) return null;
  const before = sheet.slice(0, formula.index);
  const cell = before.lastIndexOf('<c ');
  return /\br="([A-Z]+\d+)"/.exec(before.slice(cell))?.[1] ?? '?';
}

/** Merged ranges (`A1:C1`) that cover the heading row. */
function mergedOnRow(sheet: string, row: number): string[] {
  const out: string[] = [];
  for (const merge of sheet.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const from = Number(merge[2]);
    const to = Number(merge[4]);
    if (from <= row && row <= to) out.push(`${merge[1]}${merge[2]}:${merge[3]}${merge[4]}`);
  }
  return out;
}

export const tooManyRows = (): AppError =>
  new AppError('INVALID_INPUT', `The file has more than ${IMPORT_LIMITS.maxRows.toLocaleString('en')} rows. Split it into smaller files (a day or a week each) and import them one by one.`);

/** A number cell's stored text, digit for digit (`1.5E-3` written out as `0.0015`, never through a float). */
export function numberCellText(stored: string): string {
  const text = stored.trim();
  return /e/i.test(text) && /^-?\d+(\.\d+)?e[-+]?\d+$/i.test(text) ? new Dec(text).toFixed() : text;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date cell: Excel keeps the wall-clock time with no zone, which for a Zimbabwe shop is CAT. */
function dateCellText(cell: Date): string {
  // The serial day is a float: 09:30 comes back as 09:29:59.999.
  const date = new Date(Math.round(cell.getTime() / 1000) * 1000);
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0) return day;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}+02:00`;
}

/**
 * The first sheet of a workbook as a table. The zip is checked before anything is inflated
 * (zip-guard.ts); a formula cell or merged heading cells refuse the file with the cell named;
 * number cells come as the text the sheet stores (read-excel-file's `parseNumber`), never a float.
 */
export async function readXlsxTable(bytes: Buffer): Promise<{ table: ImportTable; reading: FileReading }> {
  const parts = guardZip(bytes, (name) => name === WORKBOOK || name === WORKBOOK_RELS || /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  const sheetPath = firstSheetPath(parts);
  const sheetXml = sheetPath === null ? undefined : parts.get(sheetPath)?.toString('utf8');
  if (sheetXml === undefined) throw new AppError('INVALID_INPUT', 'This workbook has no sheet to read. Open it in your spreadsheet program, check your sales are on the first sheet, and save it again.');
  // Counted in the sheet before it is read, so a million-row sheet is refused without being read whole.
  let rowTags = 0;
  for (const _ of sheetXml.matchAll(/<(?:\w+:)?row[\s>]/g)) if (++rowTags > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
  const formula = firstFormulaCell(sheetXml);
  if (formula !== null) {
    throw new AppError('INVALID_INPUT', `Cell ${formula} holds a formula. Fiscal Desk imports typed values only, never what a formula computes: copy the sheet, paste it as values only, save, and import that.`);
  }
  let data: unknown[][];
  try {
    data = (await readSheet(bytes, { parseNumber: (text: string) => new NumberCell(text), trim: false })) as unknown[][];
  } catch {
    throw new AppError('INVALID_INPUT', 'This workbook could not be read. Open it in your spreadsheet program, save it as .xlsx again, and import that.');
  }
  const rows = data
    .map((cells, i) => ({ number: i + 1, cells: cells.map(cellText) }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const [headers, ...rest] = rows;
  if (headers === undefined) throw new AppError('INVALID_INPUT', 'The first sheet of this workbook is empty. Put your sales on the first sheet, with column headings in the first row.');
  const merged = mergedOnRow(sheetXml, headers.number);
  if (merged.length > 0) {
    throw new AppError('INVALID_INPUT', `The column headings in row ${headers.number} have merged cells (${merged.join(', ')}). Unmerge them so each column has its own heading, then import again.`);
  }
  return { table: { headers: headers.cells, rows: rest }, reading: { format: 'xlsx', encoding: null, separator: null } };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value);
  if (value instanceof NumberCell) return numberCellText(value.stored);
  return String(value as number);
}

/** A number cell as read-excel-file's `parseNumber` hands it over: the sheet's stored text. */
class NumberCell {
  constructor(readonly stored: string) {}
}

