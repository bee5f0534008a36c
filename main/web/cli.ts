import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { SettingsFileError } from '../store/settings-file';
import { startBrowserMode } from './start-browser-mode';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const staticDirectory = join(repoRoot, 'out', 'renderer');
if (!existsSync(join(staticDirectory, 'index.html'))) {
  console.error('The renderer is not built yet. Run `npm run web` (it builds first) or `npm run build`.');
  process.exit(1);
}
const dataDirectory = process.env.FISCAL_DESK_DATA_DIR ?? join(homedir(), '.fiscal-desk-web');
const port = process.env.FISCAL_DESK_PORT === undefined ? 0 : Number(process.env.FISCAL_DESK_PORT);

const serveSourceMaps = process.env.NODE_ENV === 'development';
// npm names the script it runs: a tab with a stale token is told the command that was actually used.
const startCommand = { start: 'npm start', web: 'npm run web' }[process.env.npm_lifecycle_event ?? ''];
const mode = await startBrowserMode({ dataDirectory, staticDirectory, port, consoleLog: true, serveSourceMaps, ...(startCommand === undefined ? {} : { startCommand }) }).catch((error: unknown) => {
  // A settings file that cannot be read is explained, not shown as a stack trace.
  if (!(error instanceof SettingsFileError)) throw error;
  console.error(error.message);
  process.exit(1);
});
console.log('Fiscal Desk is running in browser mode.');
console.log(`Open this address in Chromium or Chrome (it contains this run's access token):\n\n  ${mode.server.url}\n`);
console.log(`Data folder: ${dataDirectory}`);
console.log(`Log file:    ${mode.logFile}`);
console.log('Press Ctrl+C to stop.');

const stop = () => {
  mode.stop().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
