import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Each case starts a real test runner (Playwright takes a few seconds to start).
const timeout = 90_000;
import { playwrightStageArgs, skippedTestNotes, skippedTestsReporter, vitestStageArgs } from './test-stages';

// Runs the very commands `npm test` runs, on a throw-away test file each, not on the suite.
// The folder is inside node_modules so that the specs can import @playwright/test.
const repoRoot = resolve(import.meta.dirname, '..');
const cacheRoot = join(repoRoot, 'node_modules', '.cache');
mkdirSync(cacheRoot, { recursive: true });
const workspace = mkdtempSync(join(cacheRoot, 'fd-stage-test-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(npx, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: '', ...env }, timeout: 80_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(workspace, 'case-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const vitestConfig = "export default { test: { globals: true, include: ['*.test.mjs'], exclude: [] } };\n";
/** The stage's own arguments, pointed at a throw-away folder instead of the suite. */
const vitestIn = (folder: string, extra: string[] = []) => vitestStageArgs(['--root', folder, '--config', join(folder, 'vitest.config.mjs'), ...extra]);
const playwrightConfig = "export default { testDir: '.', testMatch: '*.spec.mjs' };\n";

describe('npm test refuses a stray .only', () => {
  // The same command passing without .only is shown by the skipped-tests case below.
  it('fails the Vitest stage on an it.only', { timeout }, () => {
    const focused = folderWith({ 'vitest.config.mjs': vitestConfig, 'a.test.mjs': "it.only('focused', () => {});\nit('other', () => {});\n" });
    const failing = run(vitestIn(focused));
    expect(failing.status).not.toBe(0);
    expect(failing.output).toContain('Unexpected .only modifier');

  });

  it('fails the Playwright stage on a test.only, and passes the same spec without it', { timeout }, () => {
    const spec = (only: boolean) => `import { test } from '@playwright/test';\ntest${only ? '.only' : ''}('focused', () => {});\ntest('other', () => {});\n`;
    const focused = folderWith({ 'playwright.config.mjs': playwrightConfig, 'a.spec.mjs': spec(true) });
    const failing = run(playwrightStageArgs(['--list', '--config', join(focused, 'playwright.config.mjs')]));
    expect(failing.status).not.toBe(0);
    expect(failing.output).toMatch(/forbid-only/);

    const plain = folderWith({ 'playwright.config.mjs': playwrightConfig, 'a.spec.mjs': spec(false) });
    expect(run(playwrightStageArgs(['--list', '--config', join(plain, 'playwright.config.mjs')])).status).toBe(0);
  });
});

describe('npm test names every skipped unit test with its reason', () => {
  it('lists each skipped test with the reason it gave, or says it gave none', { timeout }, () => {
    const folder = folderWith({
      'vitest.config.mjs': vitestConfig,
      'a.test.mjs': [
        "describe('keychain', () => {",
        "  it('reads a secret', (context) => context.skip('no Secret Service on this machine'));",
        '});',
        "it.skip('silent skip', () => {});",
        "it('runs', () => {});",
        '',
      ].join('\n'),
    });
    const outputFile = join(folder, 'skipped.json');
    const reporter = skippedTestsReporter(outputFile);
    const result = run(vitestIn(folder, ['--reporter=default', ...reporter.args]), reporter.env);
    expect(result.status).toBe(0);
    const notes = skippedTestNotes('unit', outputFile);
    expect(notes).toHaveLength(2);
    expect(notes).toContainEqual(expect.stringMatching(/^unit test skipped: .*a\.test\.mjs > keychain > reads a secret: no Secret Service on this machine$/));
    expect(notes).toContainEqual(expect.stringMatching(/^unit test skipped: .*a\.test\.mjs > silent skip: no reason given$/));
  });
});
