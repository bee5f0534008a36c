// Runs every bench/*.bench.ts in its own Node process, one after another, so that the figures
// do not disturb each other. Each benchmark prints its figures as `BENCH <name> <value> <unit>`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`# ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`# ${file} failed with exit code ${result.status ?? 'signal ' + result.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
