/**
 * A cell a spreadsheet would run as a formula when the CSV is opened (`=`, `+`, `-`, `@`, and the
 * tab and carriage return that hide one), made text with a leading apostrophe.
 */
export function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV line: every cell neutralised, quoted when it holds a separator, a quote or a line break. */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((raw) => {
      const cell = neutralised(raw);
      return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    })
    .join(',');
}

/** A CSV file as Excel opens it correctly: UTF-8 with its byte-order mark, CRLF line ends. */
export function csvFile(lines: readonly (readonly string[])[]): string {
  return `\ufeff${lines.map(csvLine).join('\r\n')}\r\n`;
}
