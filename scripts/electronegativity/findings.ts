export interface Finding {
  check: string;
  file: string;
  location: string;
}

export interface Accepted {
  check: string;
  /** A path prefix; the finding's file must start with it. */
  file: string;
  reason: string;
}

interface SarifLog {
  runs: {
    results: {
      ruleId: string;
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[];
    }[];
  }[];
}

/**
 * Reads Electronegativity's SARIF report. (Its CSV writer appends the rows while the header is
 * still being written, so the first row is sometimes overwritten: SARIF is written in one go.)
 */
export function parseFindings(sarif: string): Finding[] {
  const log = JSON.parse(sarif) as SarifLog;
  return log.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        check: result.ruleId,
        file: location?.artifactLocation?.uri ?? '',
        location: `${location?.region?.startLine ?? 0}:${location?.region?.startColumn ?? 0}`,
      };
    }),
  );
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
