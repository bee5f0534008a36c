export interface Finding {
  check: string;
  file: string;
  location: string;
  sample: string;
}

export interface Accepted {
  check: string;
  /** A path prefix; the finding's file must start with it. */
  file: string;
  reason: string;
}

/** Splits one CSV line of Electronegativity's output (quoted fields may contain commas). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') {
      if (quoted && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(current.trim());
      current = '';
    } else current += char;
  }
  fields.push(current.trim());
  return fields;
}

export function parseFindings(csv: string): Finding[] {
  return csv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [check = '', , , file = '', location = '', sample = ''] = csvFields(line);
      return { check, file, location, sample };
    });
}

/** Rows of the README table under the heading "Accepted Electronegativity findings". */
export function parseAccepted(readme: string): Accepted[] {
  const start = readme.indexOf('### Accepted Electronegativity findings');
  if (start < 0) return [];
  const section = readme.slice(start).split('\n').slice(1);
  const rows: Accepted[] = [];
  for (const line of section) {
    if (line.startsWith('#')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 5) continue;
    const [, check = '', file = '', reason = ''] = cells;
    const cleanCheck = check.replace(/`/g, '');
    if (!/^[A-Z_]+$/.test(cleanCheck)) continue;
    rows.push({ check: cleanCheck, file: file.replace(/`/g, ''), reason });
  }
  return rows;
}

export function unexplained(findings: readonly Finding[], accepted: readonly Accepted[]): Finding[] {
  return findings.filter(
    (finding) => !accepted.some((entry) => entry.check === finding.check && finding.file.startsWith(entry.file) && entry.reason.length > 20),
  );
}
