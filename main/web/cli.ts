import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { runBrowserMode } from './run-browser-mode';

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
await runBrowserMode({ dataDirectory, staticDirectory, port, consoleLog: true, serveSourceMaps, ...(startCommand === undefined ? {} : { startCommand }) });
