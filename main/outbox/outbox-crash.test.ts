import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { createDemoAccount, uniqueCredentials } from '../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../sandbox/fiscal-harmony-sandbox';
import { JOURNAL_FILE_NAME, Journal } from '../store/journal/journal';
import { auditJournal } from './test-support/journal-audit';
import { seeded } from './test-support/outbox-harness';

// The outbox's process is killed with SIGKILL at random moments while it queues and drains,
// then restarted, again and again: no document is lost or fiscalised twice, numbers have no
// gap and no reuse, and SQLite's integrity check passes.

const seed = Number(process.env.CRASH_SEED ?? 7);
const TARGET = 150;
const KILLS = 6;
const child = join(import.meta.dirname, 'test-support', 'outbox-child.ts');
let sandbox: RunningSandbox;
const credentials = uniqueCredentials('crash');
const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-crash-'));

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 20, seed, onError: () => undefined });
  sandbox.addAccount(createDemoAccount('shop', credentials));
  // Requests take a while and some fail after arriving, so kills land mid-request too.
  sandbox.setFaults({ latencyMs: 5, latencyJitterMs: 30, serverErrorRate: 0.05, dropRate: 0.03, faultsAfterReceipt: true });
});
afterAll(async () => {
  await sandbox.close();
});

/** One run of the outbox's process; `progressed(n)` resolves once n documents have moved in it. */
function run(runSeed: number): { process: ChildProcess; progressed: (count: number) => Promise<void>; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDirectory, sandbox.baseUrl, credentials.apiKey, credentials.apiSecret, String(TARGET), String(runSeed), 'queue'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let moved = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    if (line !== 'PROGRESS') return;
    moved += 1;
    for (const waiter of waiting.filter((w) => w.count <= moved)) waiter.resolve();
  });
  const progressed = (count: number) => new Promise<void>((resolve) => waiting.push({ count, resolve }));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { process: proc, progressed, exited };
}

it(`keeps every guarantee across ${KILLS} SIGKILLs mid-drain (seed ${seed})`, { timeout: 240_000 }, async () => {
  const random = seeded(seed);
  for (let kill = 0; kill < KILLS; kill += 1) {
    const runner = run(seed * 100 + kill);
    // Killed after a random number of documents moved: always mid-drain, whatever the machine's speed.
    await runner.progressed(5 + Math.floor(random() * 30));
    runner.process.kill('SIGKILL');
    expect(await runner.exited).toBeNull();
  }
  const last = run(seed * 100 + KILLS);
  expect(await last.exited).toBe(0);

  const journal = Journal.open({ path: join(dataDirectory, JOURNAL_FILE_NAME), logger: silentLogger });
  try {
    expect(journal.integrityCheck()).toBe('ok');
    const audit = auditJournal(journal, sandbox, credentials.apiKey);
    const summary = JSON.stringify(audit.byState);
    expect(audit.unfinished, summary).toEqual([]);
    expect(audit.fiscalisedTwice, summary).toEqual([]);
    expect(audit.mismatched, summary).toEqual([]);
    expect(audit.numberProblems, summary).toEqual([]);
    expect(Object.values(audit.byState).reduce((a, b) => a + b, 0)).toBe(TARGET);
    // Some runs were killed with documents in flight: those were picked up as ambiguous retries.
    const interrupted = journal.db.prepare(`SELECT COUNT(*) AS n FROM document_events WHERE note LIKE 'Sending again%cut off%'`).get() as { n: number };
    expect(interrupted.n).toBeGreaterThan(0);
  } finally {
    journal.close();
  }
});
