import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

// Issue 24, item 13: what a newcomer sees after `npm start`. Run for real (it builds the app,
// then starts browser mode on a temporary data folder), read until the address, then stopped.

const repoRoot = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/;

let stop: (() => void) | undefined;
let dataDirectory: string | undefined;
afterEach(() => {
  stop?.();
  if (dataDirectory !== undefined) rmSync(dataDirectory, { recursive: true, force: true });
});

/** Everything `npm start` writes (stdout and stderr, in order) until the line with the address, or until it exits. */
function outputUntilAddress(env: Record<string, string>): Promise<string> {
  const child = spawn(npm, ['start'], { cwd: repoRoot, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // Its own process group: npm, tsx and the server stop together.
  stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  return new Promise((done, fail) => {
    let text = '';
    const read = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      // The block ends with "Press Ctrl+C to stop." after the address.
      if (ADDRESS.test(text) && text.includes('Press Ctrl+C to stop.')) done(text);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => fail(new Error(`npm start exited (${code}) before printing an address:\n${text}`)));
  });
}

describe('npm start', () => {
  it('prints one short block (the address, the data folder and the log file) without the build\'s report', async (context) => {
    if (findElectronBinary().available) context.skip('an Electron binary is installed: npm start opens the desktop app instead of printing an address');
    dataDirectory = mkdtempSync(join(tmpdir(), 'fd-start-'));
    const text = await outputUntilAddress({ FISCAL_DESK_DATA_DIR: dataDirectory, FISCAL_DESK_PORT: '0' });
    // npm's own two-line banner ("> fiscal-desk@… start", "> tsx scripts/start.ts") is not ours.
    const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('> '));
    expect(lines.length, text).toBeLessThanOrEqual(8);
    expect(text).not.toMatch(/vite|chunk|built in|out\/renderer|\.js\s+\d|kB/i);
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
    expect(text).toContain(`Data folder: ${dataDirectory}`);
    expect(text).toContain(`Log file:    ${join(dataDirectory, 'logs', 'main.log')}`);
    expect(lines[0]).toMatch(/^Browser mode: .*\. Building Fiscal Desk…$/);
  }, 240_000);
});
