import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { FiscalHarmonyClient } from '../providers/fiscal-harmony/fh-client';
import { createDemoAccount, DEMO_APPLICATION, uniqueCredentials } from '../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../sandbox/fiscal-harmony-sandbox';
import type { DocumentRow } from '../store/journal/document-rows';
import { OutboxStore } from './outbox-store';
import { openHarness, queueInvoices, seeded, type Harness } from './test-support/outbox-harness';
import { typedInvoice, typedLine } from '../test-support/sample-drafts';

// The outbox driven round by round (`tick()`) on a test clock against the sandbox over HTTP;
// the sandbox processes documents only when told (`processNow()`), so nothing here waits on time.

let sandbox: RunningSandbox;
const credentials = uniqueCredentials('outbox');
let now = Date.parse('2026-11-30T08:00:00Z');
const clock = () => new Date(now);
let harness: Harness;
let reachable = true;

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 3_600_000, onError: () => undefined });
  sandbox.addAccount(createDemoAccount('shop', credentials));
});
afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  reachable = true;
  sandbox.resetFaults();
  // A closed port: "could not connect", the way an offline computer fails.
  const offline = new FiscalHarmonyClient({
    profileName: 'Offline',
    baseUrl: 'http://127.0.0.1:9/api',
    applicationName: DEMO_APPLICATION,
    stationId: 'station',
    appVersion: '0.1.0',
    credentials: async () => credentials,
    timeoutMs: 2_000,
    logger: silentLogger,
  });
  harness = openHarness({
    dataDirectory: mkdtempSync(join(tmpdir(), 'fd-outbox-')),
    baseUrl: sandbox.baseUrl,
    credentials,
    timeoutMs: 300,
    clock,
    extraTaxCodes: { GONE: '15.5' },
    clientFor: async (client) => (reachable ? client : offline),
    outbox: { concurrency: 4, retry: { baseMs: 1_000, capMs: 60_000 }, polls: { stepsMs: [2_000, 5_000, 30_000] }, offlineProbeMaxMs: 10_000, random: () => 0.5 },
  });
});
afterEach(async () => {
  await harness.close();
});

const row = (id: string): DocumentRow => {
  const found = harness.documents.repo.get(id);
  if (found === undefined) throw new Error(`no document ${id}`);
  return found;
};
const submissions = (id: string) => sandbox.documents(credentials.apiKey).filter((doc) => doc.documentId === id);
async function queueOne(): Promise<string> {
  const [id] = await queueInvoices(harness.documents, 1, seeded(1));
  if (id === undefined) throw new Error('nothing queued');
  return id;
}
async function queueDraft(draft = typedInvoice()): Promise<string> {
  const saved = harness.documents.saveDraft({ draft });
  await harness.documents.queue(saved.id, 'first');
  return saved.id;
}

describe('the outbox, round by round', () => {
  it('sends a queued document, polls on schedule, and stores the fiscal result', async () => {
    const id = await queueOne();
    await harness.outbox.tick();
    expect(row(id)).toMatchObject({ state: 'submitted', attempts: 1, polls: 0, next_poll_at: now + 2_000 });
    sandbox.processNow();
    await harness.outbox.tick();
    expect(row(id).state).toBe('submitted'); // not due yet: nothing asked
    now += 2_000;
    await harness.outbox.tick();
    const done = row(id);
    expect(done.state).toBe('fiscalised');
    expect(done.verification_code).toBe(submissions(id)[0]?.result?.fiscal?.verificationCode);
    expect(done.pdf_token).not.toBeNull();
    expect(submissions(id)).toHaveLength(1);
  });

  it('keeps polling slower and slower while the service is still processing', async () => {
    const id = await queueOne();
    await harness.outbox.tick();
    for (const [polls, delay] of [[1, 5_000], [2, 30_000], [3, 30_000]] as const) {
      now = row(id).next_poll_at ?? now;
      await harness.outbox.tick();
      expect(row(id)).toMatchObject({ state: 'submitted', polls, next_poll_at: now + delay });
    }
  });

  it('re-sends an ambiguous attempt that did arrive with IsRetry, and flags it instead of fiscalising twice', async () => {
    const id = await queueOne();
    sandbox.setFaults({ dropRate: 1, faultsAfterReceipt: true, paths: ['/invoice'] });
    await harness.outbox.tick();
    expect(row(id)).toMatchObject({ state: 'queued', ambiguous: 1, attempts: 1 });
    expect(submissions(id)).toHaveLength(1); // it arrived, but the answer was lost
    const due = row(id).next_attempt_at ?? 0;
    expect(due - now).toBeGreaterThanOrEqual(500);
    await harness.outbox.tick();
    expect(submissions(id)).toHaveLength(1); // not before its back-off
    sandbox.resetFaults();
    sandbox.processNow();
    now = due;
    await harness.outbox.tick();
    expect(submissions(id).map((doc) => doc.payload.IsRetry)).toEqual([false, true]);
    sandbox.processNow();
    now += 2_000;
    await harness.outbox.tick();
    expect(row(id)).toMatchObject({ state: 'needs-attention', service_error: 'Already fiscalised' });
    expect(submissions(id).filter((doc) => doc.result?.success === true)).toHaveLength(1);
  });

  it('re-sends an ambiguous attempt that did not arrive with IsRetry, and the service fiscalises it once', async () => {
    const id = await queueOne();
    sandbox.setFaults({ dropRate: 1, faultsAfterReceipt: false, paths: ['/invoice'] });
    await harness.outbox.tick();
    expect(row(id)).toMatchObject({ state: 'queued', ambiguous: 1 });
    expect(submissions(id)).toHaveLength(0);
    sandbox.resetFaults();
    now = row(id).next_attempt_at ?? now;
    await harness.outbox.tick();
    sandbox.processNow();
    now += 2_000;
    await harness.outbox.tick();
    expect(row(id).state).toBe('fiscalised');
    expect(submissions(id).map((doc) => doc.payload.IsRetry)).toEqual([true]);
  });

  it('keeps a fixable refusal with the service\'s words; the fixed document is re-sent with IsRetry and fiscalised', async () => {
    const id = await queueDraft(typedInvoice({ lines: [typedLine({ taxCode: 'GONE' })] }));
    await harness.outbox.tick();
    sandbox.processNow();
    now += 2_000;
    await harness.outbox.tick();
    const refused = row(id);
    expect(refused.state).toBe('needs-fix');
    expect(refused.service_error).toMatch(/GONE/);
    harness.documents.saveDraft({ id, draft: typedInvoice({ lines: [typedLine({ taxCode: 'VAT15' })] }) });
    await harness.documents.queue(id, 'resend');
    expect(row(id).number).toBe(refused.number); // same document, same number
    await harness.outbox.tick();
    sandbox.processNow();
    now += 2_000;
    await harness.outbox.tick();
    expect(row(id).state).toBe('fiscalised');
    expect(submissions(id).map((doc) => doc.payload.IsRetry)).toEqual([false, true]);
  });

  it('needs attention when no result comes within the 7-day status window', async () => {
    const id = await queueOne();
    await harness.outbox.tick();
    now += 7 * 24 * 3_600_000 + 1;
    await harness.outbox.tick();
    expect(row(id).state).toBe('needs-attention');
    expect(harness.documents.get(id).explanation.detail).toMatch(/7 days/);
  });

  it('pauses when offline, probes with one document, and resumes on its own', async () => {
    const ids = await queueInvoices(harness.documents, 3, seeded(2));
    reachable = false;
    await harness.outbox.tick();
    expect(harness.outbox.state()).toMatchObject({ paused: 'offline', queued: 3 });
    const attempts = () => ids.map((id) => row(id).attempts).reduce((a, b) => a + b, 0);
    expect(attempts()).toBe(3); // the round that found out
    await harness.outbox.tick();
    expect(attempts()).toBe(3); // nothing tried before the next probe
    now = Date.parse(harness.outbox.state().nextAttemptAt ?? '') + 1;
    await harness.outbox.tick();
    expect(attempts()).toBe(4); // one document probes; the others are not tried against a dead line
    expect(harness.outbox.state().paused).toBe('offline');
    reachable = true;
    now = Date.parse(harness.outbox.state().nextAttemptAt ?? '') + 1;
    await harness.outbox.tick();
    await harness.outbox.tick();
    expect(harness.outbox.state()).toMatchObject({ paused: null, queued: 0, submitted: 3 });
  });

  it('holds documents while paused by hand, and sends them on resume', async () => {
    const id = await queueOne();
    harness.outbox.pause();
    await harness.outbox.tick();
    expect(row(id).state).toBe('queued');
    expect(harness.outbox.state().paused).toBe('manual');
    harness.outbox.resume();
    await harness.outbox.tick();
    expect(row(id).state).toBe('submitted');
  });

  it('picks up a document left sending by an outbox that is gone, as an ambiguous retry', async () => {
    const id = await queueOne();
    // An outbox on another computer sharing this data folder claims it, then goes silent.
    const elsewhere = new OutboxStore(harness.journal, harness.documents.repo);
    expect(elsewhere.claimDue('elsewhere/1/gone', now, 60_000, () => true, 1)).toHaveLength(1);
    expect(row(id)).toMatchObject({ state: 'sending', lease_owner: 'elsewhere/1/gone' });
    await harness.outbox.tick();
    expect(row(id).state).toBe('sending'); // an owner on another machine: wait for its lease
    now += 60_001;
    await harness.outbox.tick();
    expect(row(id)).toMatchObject({ state: 'submitted', ambiguous: 1, attempts: 2 });
    expect(submissions(id).map((doc) => doc.payload.IsRetry)).toEqual([true]);
  });
});
