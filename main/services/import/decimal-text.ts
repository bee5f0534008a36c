import { Dec } from '../../../shared/domain/money';
import type { ImportTable } from './import-table';

const COMMA_DECIMAL = /^-?\d+,\d+$/;
const POINT_DECIMAL = /^-?\d*\.\d+$/;

/**
 * Whether the file writes decimals with a comma (`12,50`): some cells do and none uses a point.
 * Looked for in the columns given (the amounts), so a comma in a description counts for nothing.
 */
export function usesDecimalComma(table: ImportTable, columns: readonly number[]): boolean {
  let comma = 0;
  for (const row of table.rows) {
    for (const column of columns) {
      const text = (row.cells[column] ?? '').trim();
      if (POINT_DECIMAL.test(text)) return false;
      if (COMMA_DECIMAL.test(text)) comma += 1;
    }
  }
  return comma > 0;
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
