/** A sheet as the import reads it: its headings and each data row's cells as text, with the row's number in the file. */
export interface ImportTable {
  headers: string[];
  rows: ImportRow[];
}

export interface ImportRow {
  /** The row's number as a spreadsheet shows it (the heading row is 1). */
  number: number;
  cells: string[];
}

/** How the file was read, shown to the manager. */
export interface FileReading {
  format: 'csv' | 'tsv' | 'xlsx';
  /** `UTF-8`, `UTF-8 with BOM`, `UTF-16`, `Windows-1252`; null for XLSX (always UTF-8 inside). */
  encoding: string | null;
  /** The column separator of a text file (`,` `;` tab `|`), null for XLSX. */
  separator: string | null;
}

/** Column letters as a spreadsheet names them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
