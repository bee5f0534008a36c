import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintWorkflow, lintWorkflowFiles, workflowFiles } from './actionlint';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const workflowsFolder = join(repoRoot, '.github', 'workflows');

const goodWorkflow = `name: Good
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

describe('the repository workflows', () => {
  it('pass actionlint', async () => {
    const files = workflowFiles(workflowsFolder);
    expect(files.map((file) => basename(file))).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
    expect(await lintWorkflowFiles(files, repoRoot)).toEqual([]);
  });
});

describe('a broken workflow', () => {
  const broken: { what: string; text: string; kind: string; line: number }[] = [
    { what: 'YAML that does not parse', text: 'on: push\njobs:\n  test: [\n', kind: 'syntax-check', line: 3 },
    { what: 'a misspelt key', text: goodWorkflow.replace('steps:', 'step:'), kind: 'syntax-check', line: 6 },
    { what: 'a runner that does not exist', text: goodWorkflow.replace('ubuntu-latest', 'ubuntu-lastest'), kind: 'runner-label', line: 5 },
    { what: 'a job that needs a missing job', text: goodWorkflow.replace('    runs-on', '    needs: build\n    runs-on'), kind: 'job-needs', line: 4 },
    { what: 'an expression naming an unknown property', text: goodWorkflow.replace('npm test', 'npm test -- ${{ matrix.platfrom }}'), kind: 'expression', line: 8 },
    { what: 'an input the action does not have', text: goodWorkflow.replace('actions/checkout@v4', 'actions/checkout@v4\n        with:\n          fetch-dept: 0'), kind: 'action', line: 9 },
  ];

  it('a correct workflow has no findings (so the findings below are about the breakage)', async () => {
    expect(await lintWorkflow(goodWorkflow, 'good.yml')).toEqual([]);
  });

  for (const { what, text, kind, line } of broken) {
    it(`is refused: ${what}`, async () => {
      const problems = await lintWorkflow(text, 'broken.yml');
      expect(problems).toContainEqual(expect.objectContaining({ file: 'broken.yml', kind, line }));
    });
  }
});

describe('the `npm test` stage (scripts/workflows/check.ts)', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'fiscal-desk-workflows-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const check = (...targets: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'workflows', 'check.ts'), ...targets], { cwd: repoRoot, encoding: 'utf8' });

  it('fails on a broken workflow and says where', () => {
    writeFileSync(join(folder, 'good.yml'), goodWorkflow);
    writeFileSync(join(folder, 'ci.yml'), goodWorkflow.replace('ubuntu-latest', 'windows-lastest'));
    const run = check(folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ci.yml:5:14: label "windows-lastest" is unknown');
    expect(run.stdout).toContain('2 workflow file(s), 1 problem(s)');
  });

  it('passes the repository workflows', () => {
    const run = check(workflowsFolder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('fails when there is nothing to lint, rather than passing', () => {
    mkdirSync(join(folder, 'empty'));
    const run = check(join(folder, 'empty'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No workflow files');
  });
});
