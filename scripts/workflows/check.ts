// `npm test` stage: lints the GitHub workflows with actionlint, so a broken workflow fails here
// and not on its first push. Usage: tsx scripts/workflows/check.ts [folder or files ...]
// (default .github/workflows). Exits 1 on any finding, and when there is nothing to lint.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, lintWorkflowFiles, workflowFiles } from './actionlint';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const targets = process.argv.length > 2 ? process.argv.slice(2) : [resolve(repoRoot, '.github', 'workflows')];
const files = targets.flatMap((target) => (statSync(target).isDirectory() ? workflowFiles(target) : [resolve(target)]));

if (files.length === 0) {
  console.error(`No workflow files in ${targets.join(', ')}: nothing was checked.`);
  process.exit(1);
}
const problems = await lintWorkflowFiles(files, process.cwd());
for (const problem of problems) console.error(formatProblem(problem));
console.log(`actionlint: ${files.length} workflow file(s), ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
