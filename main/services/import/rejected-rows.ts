import type { ImportTable } from './import-table';
import type { CheckedDocument } from './import-check';
import { csvFile } from './csv-text';

/**
 * The rows left out of an import, as the file had them, with the row number and the reason in
 * columns of their own (every reason of the row; a row of a refused document without a problem
 * of its own says which row holds it).
 */
export function rejectedRowsCsv(table: ImportTable, checked: readonly CheckedDocument[]): string {
  const lines: string[][] = [['Row', 'Reason', ...table.headers]];
  const width = table.headers.length;
  for (const document of checked) {
    if (document.status !== 'problem') continue;
    for (const row of document.source.rows) {
      const own = document.problems.filter((p) => p.row === row.number);
      const reason =
        own.length > 0
          ? own.map((p) => `${p.cell === null ? '' : `${p.cell}: `}${p.message} ${p.fix}`).join(' | ')
          : `Left out with the rest of ${document.source.name}: see row ${document.problems[0]?.row ?? '?'}.`;
      const cells = [...row.cells];
      while (cells.length < width) cells.push('');
      lines.push([String(row.number), reason, ...cells]);
    }
  }
  return csvFile(lines);
}
