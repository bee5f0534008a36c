// `npm test`: every check the project has, in order, with one summary line at the end.
// Keychain and e2e stages run with a private, unlocked Secret Service on Linux (with-keyring.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { playwrightStageArgs, skippedTestNotes, skippedTestsReporter, vitestStageArgs } from './test-stages';

const repoRoot = resolve(import.meta.dirname, '..');
const results = join(repoRoot, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const withKeyring = process.platform === 'win32' ? [] : [join(repoRoot, 'scripts', 'with-keyring.sh')];

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const failedStages: string[] = [];
const notes: string[] = [];

function stage(name: string, command: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${name}: ${command.join(' ')}`);
  const started = Date.now();
  const [program, ...args] = command;
  const run = spawnSync(program!, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failedStages.push(name);
  return ok;
}

function addVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}

interface PlaywrightSpec {
  tests: { projectName: string; annotations?: { type: string; description?: string }[]; results: { status: string }[] }[];
}
interface PlaywrightSuite {
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

function addPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number }; suites: PlaywrightSuite[] };
  total.passed += report.stats.expected + report.stats.flaky;
  total.failed += report.stats.unexpected;
  total.skipped += report.stats.skipped;
  // Say why tests were skipped (the Electron mode without a binary), never silently.
  const reasons = new Map<string, number>();
  const visit = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.results.every((result) => result.status === 'skipped')) {
          const reason = test.annotations?.find((annotation) => annotation.type === 'skip')?.description ?? 'no reason given';
          const key = `[${test.projectName}] ${reason}`;
          reasons.set(key, (reasons.get(key) ?? 0) + 1);
        }
      }
    }
    suite.suites?.forEach(visit);
  };
  report.suites.forEach(visit);
  for (const [reason, count] of reasons) notes.push(`${count} e2e tests skipped: ${reason}`);
}

const keyringEnv = { FISCAL_DESK_PRIVATE_KEYRING: '1' };
stage('typecheck', [npx, 'tsc', '--noEmit', '-p', 'tsconfig.node.json']);
stage('typecheck (renderer)', [npx, 'tsc', '--noEmit', '-p', 'tsconfig.web.json']);
stage('lint', [npx, 'eslint', '--max-warnings', '0', '.']);
stage('workflow lint (actionlint)', [npx, 'tsx', join('scripts', 'workflows', 'check.ts')]);
const unitSkipped = skippedTestsReporter(join(results, 'unit-skipped.json'));
stage('unit and integration tests', [npx, ...vitestStageArgs(['--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`, ...unitSkipped.args])], unitSkipped.env);
addVitest(join(results, 'unit.json'));
notes.push(...skippedTestNotes('unit', join(results, 'unit-skipped.json')));
const keychainSkipped = skippedTestsReporter(join(results, 'keychain-skipped.json'));
stage(
  'keychain tests (real Secret Service)',
  [...withKeyring, npx, ...vitestStageArgs(['--config', 'vitest.keychain.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'keychain.json')}`, ...keychainSkipped.args])],
  { ...keyringEnv, ...keychainSkipped.env },
);
addVitest(join(results, 'keychain.json'));
notes.push(...skippedTestNotes('keychain', join(results, 'keychain-skipped.json')));
if (stage('build', [npx, 'electron-vite', 'build'])) {
  stage('e2e (Playwright: browser mode in Chromium, Electron mode where a binary exists)', [...withKeyring, npx, ...playwrightStageArgs(['--reporter=list,json'])], {
    ...keyringEnv,
    PLAYWRIGHT_JSON_OUTPUT_FILE: join(results, 'e2e.json'),
  });
  addPlaywright(join(results, 'e2e.json'));
  stage('electronegativity', [npx, 'tsx', join('scripts', 'electronegativity', 'check.ts')]);
} else {
  notes.push('e2e and electronegativity did not run because the build failed');
}

console.log('');
for (const note of notes) console.log(`note: ${note}`);
if (failedStages.length > 0) console.log(`failed stages: ${failedStages.join(', ')}`);
console.log(`Summary: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStages.length === 0 && total.failed === 0 ? 0 : 1);
