import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoAccount, uniqueCredentials } from '../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../sandbox/fiscal-harmony-sandbox';
import { auditJournal } from './test-support/journal-audit';
import { openHarness, queueInvoices, seeded } from './test-support/outbox-harness';

// Two app processes on one data folder (a second copy started by hand, a stale single-instance
// lock): they share the work through the journal's leases and never send a document twice.

const COUNT = 200;
let sandbox: RunningSandbox;
const credentials = uniqueCredentials('two');
const dataDirectory = mkdtempSync(join(tmpdir(), 'fd-two-'));
const child = join(import.meta.dirname, 'test-support', 'outbox-child.ts');

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 10, onError: () => undefined });
  sandbox.addAccount(createDemoAccount('shop', credentials));
  sandbox.setFaults({ latencyMs: 5, latencyJitterMs: 20 });
  const harness = openHarness({ dataDirectory, baseUrl: sandbox.baseUrl, credentials });
  await queueInvoices(harness.documents, COUNT, seeded(11));
  await harness.close();
});
afterAll(async () => {
  await sandbox.close();
});

/** Runs one process until the outbox is empty; answers its exit code and how many documents it sent. */
function drain(seed: number): Promise<{ code: number | null; sent: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDirectory, sandbox.baseUrl, credentials.apiKey, credentials.apiSecret, '0', String(seed), 'no-queue'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let sent = -1;
  createInterface({ input: proc.stdout }).on('line', (line) => {
    if (line.startsWith('SENT ')) sent = Number(line.slice(5));
  });
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, sent })));
}

it(`two processes drain ${COUNT} documents together and the service receives each exactly once`, { timeout: 120_000 }, async () => {
  const [first, second] = await Promise.all([drain(1), drain(2)]);
  expect([first.code, second.code]).toEqual([0, 0]);
  // Both processes sent documents (the leases shared the work), and together exactly all of them.
  expect(first.sent).toBeGreaterThan(0);
  expect(second.sent).toBeGreaterThan(0);
  expect(first.sent + second.sent).toBe(COUNT);
  const submissions = new Map<string, number>();
  for (const doc of sandbox.documents(credentials.apiKey)) submissions.set(doc.documentId, (submissions.get(doc.documentId) ?? 0) + 1);
  expect(submissions.size).toBe(COUNT);
  const twice = sandbox.documents(credentials.apiKey).filter((doc) => (submissions.get(doc.documentId) ?? 0) > 1);
  expect(twice.map((doc) => `${doc.documentId} ${doc.receivedAt} retry=${String(doc.payload.IsRetry)} ${doc.result?.error ?? "ok"}`)).toEqual([]);
  const harness = openHarness({ dataDirectory, baseUrl: sandbox.baseUrl, credentials });
  try {
    const audit = auditJournal(harness.journal, sandbox, credentials.apiKey);
    expect(audit.byState).toEqual({ fiscalised: COUNT });
  } finally {
    await harness.close();
  }
});
