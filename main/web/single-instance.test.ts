import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock';

// Two real processes on one data folder, started as `npm run web` starts browser mode: the second
// is refused with a plain message before it reads or writes anything, and the lock dies with the
// process that held it, however it ended.

const child = join(import.meta.dirname, 'test-support', 'browser-mode-child.ts');
const running = new Set<ChildProcess>();

afterEach(() => {
  for (const proc of running) proc.kill('SIGKILL');
  running.clear();
});

interface Run {
  proc: ChildProcess;
  /** Resolves with the address once it serves, or null if it exited first. */
  serving: Promise<string | null>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function start(dataDirectory: string): Run {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDirectory], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  let stdout = '';
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    proc.once('exit', (code, signal) => {
      running.delete(proc);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  const serving = new Promise<string | null>((resolve) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      stdout += `${line}\n`;
      const address = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)$/.exec(line)?.[1];
      if (address !== undefined) resolve(address);
    });
    void exited.then(() => resolve(null));
  });
  return { proc, serving, exited };
}

describe('browser mode on one data folder', () => {
  it('refuses a second copy with a plain message and exit code 1, and the lock goes with the process that held it', { timeout: 90_000 }, async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-web-single-'));
    const first = start(dataDirectory);
    const address = await first.serving;
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:/);

    const second = start(dataDirectory);
    expect(await second.serving).toBeNull();
    const refused = await second.exited;
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `Fiscal Desk is already running on the data folder ${dataDirectory}. Use the copy that is running (its address is in the window where it was started), or stop it with Ctrl+C and start again.`,
    );
    expect(refused.stdout).not.toMatch(/running in browser mode/);
    // The first copy was not disturbed.
    expect((await fetch(address ?? '')).status).toBe(200);

    // Killed outright: nothing tidies up, yet the next start is not blocked by a stale lock.
    first.proc.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const third = start(dataDirectory);
    expect(await third.serving).toMatch(/^http:\/\/127\.0\.0\.1:/);
    third.proc.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    const fourth = start(dataDirectory);
    expect(await fourth.serving).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});

describe('the data folder lock in one process', () => {
  it('is refused while held and can be taken again once released (a restart in place)', () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-web-lock-'));
    const held = lockDataFolder(dataDirectory);
    expect(() => lockDataFolder(dataDirectory)).toThrow(DataFolderInUseError);
    held.release();
    held.release();
    lockDataFolder(dataDirectory).release();
  });
});
