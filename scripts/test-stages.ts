// The commands of `npm test`'s test stages, in one place so that their own test runs exactly them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const reporterPath = join(import.meta.dirname, 'vitest-skipped-reporter.ts');

/** Vitest, refusing a stray `it.only` / `describe.only` (which would silently skip the rest). */
export function vitestStageArgs(extra: readonly string[]): string[] {
  return ['vitest', 'run', '--allowOnly=false', ...extra];
}

/** Playwright, refusing a stray `test.only`. */
export function playwrightStageArgs(extra: readonly string[]): string[] {
  return ['playwright', 'test', '--forbid-only', ...extra];
}

export interface SkippedTest {
  file: string;
  name: string;
  /** What the test gave to `context.skip(reason)`; null when it said nothing. */
  reason: string | null;
}

/** The reporter that lists skipped tests, and where it writes them. */
export function skippedTestsReporter(outputFile: string): { args: string[]; env: Record<string, string> } {
  return { args: [`--reporter=${reporterPath}`], env: { FISCAL_DESK_SKIPPED_TESTS_FILE: outputFile } };
}

/** One line per skipped test, with its reason, for the summary. */
export function skippedTestNotes(stage: string, outputFile: string): string[] {
  if (!existsSync(outputFile)) return [];
  const skipped = JSON.parse(readFileSync(outputFile, 'utf8')) as SkippedTest[];
  return skipped.map((test) => `${stage} test skipped: ${test.file} > ${test.name}: ${test.reason ?? 'no reason given'}`);
}
