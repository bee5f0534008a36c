// Browser mode as `npm run web` runs it (same runner: messages, exit codes, Ctrl+C), in its own
// process, for the single-instance test. The renderer is not needed, so no build is: the page
// folder holds a stand-in page, and secrets stay in memory instead of the keychain.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryVault } from '../../vault/memory-vault';
import { runBrowserMode } from '../run-browser-mode';

const [dataDirectory] = process.argv.slice(2);
if (dataDirectory === undefined) throw new Error('usage: browser-mode-child <dataDirectory>');
const staticDirectory = mkdtempSync(join(tmpdir(), 'fd-web-pages-'));
writeFileSync(join(staticDirectory, 'index.html'), '<!doctype html><title>Fiscal Desk</title>');
await runBrowserMode({ dataDirectory, staticDirectory, vault: new MemoryVault(), consoleLog: true });
