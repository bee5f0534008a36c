// Runs Electronegativity over the repository (sources and built bundles) and fails on any
// finding that the README's "Accepted Electronegativity findings" table does not explain.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAccepted, parseFindings, unexplained } from './findings';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const output = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.sarif');
const cli = join(repoRoot, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

const run = spawnSync(
  process.execPath,
  ['-r', join(import.meta.dirname, 'offline-got.cjs'), cli, '-i', repoRoot, '-r', '-e', electronVersion, '-o', output],
  { cwd: repoRoot, encoding: 'utf8', timeout: 5 * 60_000 },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error(`Electronegativity failed to run (exit ${run.status ?? run.signal})`);
  process.exit(1);
}

const findings = parseFindings(readFileSync(output, 'utf8'));
const accepted = parseAccepted(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
const open = unexplained(findings, accepted);
console.log(`Electronegativity ${electronVersion}: ${findings.length} findings, ${findings.length - open.length} accepted with a reason in README.md.`);
for (const finding of open) console.error(`UNEXPLAINED ${finding.check} ${finding.file}:${finding.location}`);
process.exit(open.length === 0 ? 0 : 1);
