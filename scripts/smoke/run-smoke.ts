// `npm run smoke -- <packaged app>`: launches an installer's app once and checks it really works.
// See scripts/smoke/smoke-test.ts for what is checked and docs/releasing.md for where it runs.
// Exit codes: 0 all checks passed, 1 a check failed, 2 the smoke test could not run at all.
import { resolve } from 'node:path';
import { findElectronBinary } from '../electron-binary';
import { parseSmokeArguments } from './arguments';
import { findPackagedApp } from './find-app';
import { runSmokeTest } from './smoke-test';

const parsed = parseSmokeArguments(process.argv.slice(2));
if (!parsed.ok) {
  if (parsed.help) console.log(parsed.message);
  else console.error(parsed.message);
  process.exit(parsed.help ? 0 : 2);
}

const found = findPackagedApp(resolve(parsed.options.appPath));
if (!found.found) {
  console.error(`Smoke test NOT RUN: ${found.reason}.`);
  const electron = findElectronBinary();
  if (!electron.available) {
    console.error(`This machine cannot package or run Fiscal Desk: ${electron.reason}.`);
    console.error('Run it where Electron can be downloaded: `npm run dist` (or the release workflow) packages the app, then `npm run smoke -- release`.');
  }
  process.exit(2);
}

console.log(`Smoke test of ${found.executable}`);
const report = await runSmokeTest(found.executable, parsed.options, (line) => console.log(line));
console.log(`Smoke test: ${report.passed.length} passed, ${report.problems.length} failed`);
process.exit(report.problems.length === 0 ? 0 : 1);
