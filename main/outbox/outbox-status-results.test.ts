import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../logging/logger';
import { createDemoAccount, uniqueCredentials } from '../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../sandbox/fiscal-harmony-sandbox';
import { openHarness, queueInvoices, seeded, type Harness } from './test-support/outbox-harness';
import { startStatusProxy, type StatusProxy, type StatusRewrite } from './test-support/status-proxy';

// What the outbox makes of /status answers: how many ids it asks about per call (counted on the
// way to the sandbox), an answer that lists one document twice with different verdicts, and a
// status call refused outright. Driven round by round on a test clock, as in outbox.test.ts.

let sandbox: RunningSandbox;
const credentials = uniqueCredentials('outbox-status');
let now = Date.parse('2026-11-30T08:00:00Z');
const clock = () => new Date(now);
const open: { harness: Harness; proxy: StatusProxy }[] = [];

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 3_600_000, onError: () => undefined });
  sandbox.addAccount(createDemoAccount('shop', credentials));
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  for (const { harness, proxy } of open.splice(0)) {
    await harness.close();
    await proxy.close();
  }
});

function recordingLogger(): Logger & { errors: { message: string; meta: Record<string, unknown> | undefined }[] } {
  const errors: { message: string; meta: Record<string, unknown> | undefined }[] = [];
  const nothing = () => undefined;
  return { debug: nothing, info: nothing, warn: nothing, error: (message, meta) => errors.push({ message, meta }), errors };
}

async function start(options: { rewrite?: StatusRewrite; logger?: Logger; target?: RunningSandbox } = {}) {
  const proxy = await startStatusProxy((options.target ?? sandbox).baseUrl, options.rewrite);
  const harness = openHarness({
    dataDirectory: mkdtempSync(join(tmpdir(), 'fd-outbox-status-')),
    baseUrl: proxy.baseUrl,
    credentials,
    clock,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    outbox: { concurrency: 8, polls: { stepsMs: [2_000, 5_000, 30_000] }, random: () => 0.5 },
  });
  open.push({ harness, proxy });
  return { harness, proxy, row: (id: string) => harness.documents.repo.get(id) };
}

/** After the sandbox answered for them: asks once, when the first poll is due. */
async function sendAndAsk(harness: Harness, target: RunningSandbox = sandbox): Promise<void> {
  await harness.outbox.tick();
  target.processNow();
  now += 2_000;
  await harness.outbox.tick();
}

type WireResult = { RequestId: string; Success: boolean; IsActionable: boolean; Error: string | null; FiscalInvoicePdf: string | null; QrData: unknown };
const refusedForGood = (result: WireResult): WireResult => ({ ...result, Success: false, IsActionable: false, Error: 'Invalid device signature', FiscalInvoicePdf: null, QrData: null });

describe('the status poll', () => {
  it('asks about 250 waiting documents in calls of at most 100 ids, each id once, and fiscalises them all', async () => {
    const { harness, proxy, row } = await start();
    const ids = await queueInvoices(harness.documents, 250, seeded(7));
    await sendAndAsk(harness);
    const sizes = proxy.statusCalls.map((call) => call.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(250);
    expect(new Set(proxy.statusCalls.flat()).size).toBe(250);
    expect(ids.filter((id) => row(id)?.state !== 'fiscalised')).toEqual([]);
  }, 60_000);

  it('logs a refused status call as a defect and says so, instead of treating it as "no result yet"', async () => {
    // A service that takes fewer ids than Fiscal Desk believes: every status call is refused (400).
    const strict = await startFiscalHarmonySandbox({ processingDelayMs: 3_600_000, maxStatusIds: 2, onError: () => undefined });
    try {
      strict.addAccount(createDemoAccount('shop', credentials));
      const logger = recordingLogger();
      const { harness, proxy, row } = await start({ logger, target: strict });
      const ids = await queueInvoices(harness.documents, 3, seeded(8));
      await sendAndAsk(harness, strict);
      expect(proxy.statusCalls.map((call) => call.length)).toEqual([3]);
      expect(logger.errors.map((entry) => entry.message)).toEqual([expect.stringMatching(/^Defect: a status call was refused/)]);
      expect(harness.outbox.state().message).toMatch(/fault in Fiscal Desk.*report this/);
      // Still waiting, and the refusal did not count as a poll: the schedule does not slow down.
      for (const id of ids) expect(row(id)).toMatchObject({ state: 'submitted', polls: 0, next_poll_at: now + 2_000 });
    } finally {
      await strict.close();
    }
  });
});

describe('an answer that lists one document twice', () => {
  const conflicts: [string, StatusRewrite][] = [
    ['a success, then a failure for good', (answer) => (answer as WireResult[]).flatMap((result) => [result, refusedForGood(result)])],
    ['a failure for good, then a success', (answer) => (answer as WireResult[]).flatMap((result) => [refusedForGood(result), result])],
  ];
  it.each(conflicts)('never downgrades a success (%s): the document needs attention, with both answers in its history', async (_, rewrite) => {
    const { harness, row } = await start({ rewrite });
    const [id] = await queueInvoices(harness.documents, 1, seeded(9));
    if (id === undefined) throw new Error('nothing queued');
    await sendAndAsk(harness);
    const code = sandbox.documents(credentials.apiKey).find((doc) => doc.documentId === id)?.result?.fiscal?.verificationCode;
    expect(code).toMatch(/\S/);
    expect(row(id)?.state).toBe('needs-attention');
    const detail = harness.documents.get(id);
    const last = detail.events.at(-1)?.note ?? '';
    expect(last).toContain(`verification code ${code ?? ''}`);
    expect(last).toContain('refused for good ("Invalid device signature")');
    expect(detail.explanation.detail).toMatch(/answers disagree/);
    expect(detail.explanation.nextStep).toMatch(/portal/);
  });

  it('takes the same answer repeated as one answer', async () => {
    const { harness, row } = await start({ rewrite: (answer) => [...answer, ...answer] });
    const [id] = await queueInvoices(harness.documents, 1, seeded(10));
    if (id === undefined) throw new Error('nothing queued');
    await sendAndAsk(harness);
    expect(row(id)?.state).toBe('fiscalised');
  });
});

describe('asking again about a document that needs attention', () => {
  it('asks by its request ids, keeps it while the answers still disagree, then takes the result or the refusal, each in its timeline', async () => {
    let answer: StatusRewrite = (results) => (results as WireResult[]).flatMap((result) => [result, refusedForGood(result)]);
    const { harness, proxy, row } = await start({ rewrite: (results) => answer(results) });
    const [fiscalised, refused] = await queueInvoices(harness.documents, 2, seeded(11));
    if (fiscalised === undefined || refused === undefined) throw new Error('nothing queued');
    await sendAndAsk(harness);
    expect([row(fiscalised)?.state, row(refused)?.state]).toEqual(['needs-attention', 'needs-attention']);
    const requestIds = (id: string) => harness.documents.get(id).events.flatMap((event) => /as request (\S+);/.exec(event.note)?.[1] ?? []);
    expect(requestIds(fiscalised)).toEqual([row(fiscalised)?.request_id]);

    const calls = proxy.statusCalls.length;
    expect(await harness.documents.checkAttention(fiscalised)).toMatchObject({ outcome: 'conflicting', document: { state: 'needs-attention' } });
    expect(proxy.statusCalls.slice(calls)).toEqual([[row(fiscalised)?.request_id]]);
    expect(harness.documents.get(fiscalised).events.at(-1)?.note).toMatch(/^Checked with Fiscal Harmony: fiscal harmony gave conflicting results/i);

    answer = (results) => results;
    const done = await harness.documents.checkAttention(fiscalised);
    const code = sandbox.documents(credentials.apiKey).find((doc) => doc.documentId === fiscalised)?.result?.fiscal?.verificationCode;
    expect(done).toMatchObject({ outcome: 'fiscalised', document: { state: 'fiscalised', verificationCode: code } });
    expect(done.document.events.at(-1)?.note).toContain(`Checked with Fiscal Harmony: fiscalised (verification code ${code ?? '?'}`);

    answer = (results) => (results as WireResult[]).map(refusedForGood);
    expect(await harness.documents.checkAttention(refused)).toMatchObject({ outcome: 'rejected', document: { state: 'rejected', serviceError: 'Invalid device signature' } });
    expect(harness.documents.get(refused).events.at(-1)?.note).toBe('Checked with Fiscal Harmony: refused for good ("Invalid device signature")');
  });
});
