import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SettingsFileError } from '../store/settings-file';
import { DataFolderInUseError } from './data-folder-lock';
import { startBrowserMode, type BrowserModeOptions } from './start-browser-mode';
import { terminalJournalUpdate } from './terminal-journal-update';

/**
 * What `npm run web` runs: starts browser mode, says where to open it, stops on Ctrl+C. A start
 * refused for a reason the person can act on (an unreadable settings file, another copy on this
 * data folder) prints that reason alone, not a stack trace, and exits with 1.
 */
export async function runBrowserMode(options: BrowserModeOptions): Promise<void> {
  const mode = await startBrowserMode({ journalUpdate: terminalJournalUpdate(), ...options }).catch((error: unknown) => {
    if (error instanceof SettingsFileError || error instanceof DataFolderInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    // Anything else: one line here, the stack in a file, so the terminal stays readable.
    const file = join(options.dataDirectory, 'logs', 'start-error.log');
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${new Date().toISOString()} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    console.error(`Fiscal Desk could not start: ${error instanceof Error ? error.message : String(error)}\nThe details are in ${file}.`);
    process.exit(1);
  });
  console.log('Fiscal Desk is running in browser mode.');
  console.log(`Open this address in Chromium or Chrome (it contains this run's access token):\n\n  ${mode.server.url}\n`);
  console.log(`Data folder: ${options.dataDirectory}`);
  console.log(`Log file:    ${mode.logFile}`);
  console.log('Press Ctrl+C to stop.');

  const stop = () => {
    mode.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
