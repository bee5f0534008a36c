import { Dec } from '../../../shared/domain/money';
import type { ImportTable } from './import-table';

/** `12,50`, `1.234,50`: a decimal comma (with points between thousands). */
const COMMA_DECIMAL = /^-?(\d{1,3}(\.\d{3})+|\d+),\d+$/;
/** `12.50`, `1,234.50`, `.5`: a decimal point (with commas between thousands). */
const POINT_DECIMAL = /^-?(\d{1,3}(,\d{3})+|\d*)\.\d+$/;
/** `1,234` and `1.234` say nothing: a thousand and some, or one and a fraction. */
const EITHER = /^-?\d{1,3}([.,])\d{3}$/;

/**
 * Whether the file writes decimals with a comma (`12,50`): some cells do and none uses a point.
 * Looked for in the columns given (the amounts), so a comma in a description counts for nothing.
 * When no cell tells (every amount whole, or like `39,935`), a file separated by semicolons is
 * taken to use commas, as spreadsheets write them where the comma is the decimal sign.
 */
export function usesDecimalComma(table: ImportTable, columns: readonly number[], separator: string | null): boolean {
  let comma = 0;
  for (const row of table.rows) {
    for (const column of columns) {
      const text = (row.cells[column] ?? '').trim().replace(/(?<=\d)[\u00a0\u202f ](?=\d)/g, '');
      if (EITHER.test(text)) continue;
      if (POINT_DECIMAL.test(text)) return false;
      if (COMMA_DECIMAL.test(text)) comma += 1;
    }
  }
  return comma > 0 || separator === ';';
}

/**
 * An amount cell as decimal text, digit for digit: spaces and thousands separators taken out,
 * a decimal comma made a point, an exponent written out. Anything else is left as typed, so the
 * shared check says it is not a number, on its cell.
 */
export function amountText(cell: string, decimalComma: boolean): string {
  const text = cell.trim().replace(/(?<=\d)[\u00a0\u202f ](?=\d)/g, '');
  if (decimalComma) {
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return text.replaceAll('.', '').replace(',', '.');
    if (/^-?\d+(,\d+)?$/.test(text)) return text.replace(',', '.');
    return text;
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return text.replaceAll(',', '');
  if (/^-?\d+(\.\d+)?e[-+]?\d+$/i.test(text)) return new Dec(text).toFixed();
  return text;
}
