import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentPage } from '../../../shared/contract/documents';
import type { OutboxState } from '../../../shared/contract/outbox';
import type { EventPayload } from '../../../shared/contract';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';
import { startFiscalHarmonySandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { outboxBecomes } from '../../test-support/outbox-becomes';
import { useSandboxAccount } from '../../test-support/sandbox-connection';

// The documents and outbox channels through the IPC router, in training mode against the
// built-in sandbox over HTTP: draft, queue, send, result.

let app: ComposedApp;
const { call, value } = ipcOf(() => app);
const changed: string[] = [];

beforeAll(async () => {
  app = await composeTestApp(fastTraining);
  app.events.subscribe((name, payload) => {
    if (name === 'documents:changed') changed.push(...(payload as EventPayload<'documents:changed'>).changes.map((change) => change.state));
  });
});
afterAll(async () => {
  await app.dispose();
});

async function settled(): Promise<void> {
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
}

describe('documents over IPC in training mode', () => {
  it('saves a half-typed draft as typed, without a number', async () => {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice({ lines: [typedLine({ quantity: '2.', unitAmount: '' })] }) });
    expect(draft.state).toBe('draft');
    expect(draft.number).toBeNull();
    expect(draft.draft.lines[0]?.quantity).toBe('2.');
    expect(draft.lines[0]?.lineAmount).toBeNull();
    const again = await value<DocumentDetail>('documents:get', { id: draft.id });
    expect(again.draft).toEqual(draft.draft);
  });

  it('refuses a credit-note draft for an invoice the journal does not have, on its field', async () => {
    const result = await call('documents:saveDraft', { draft: typedInvoice({ kind: 'credit-note', originalInvoiceId: '7d1c8a40-1b5e-4c39-9f0a-2a6b8c9d0e1f' }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { originalInvoiceId: expect.stringMatching(/invoice/) } } });
  });

  it('refuses to queue a draft with problems, each on its field, and gives no number', async () => {
    const draft = await value<DocumentDetail>('documents:saveDraft', {
      draft: typedInvoice({ lines: [typedLine({ hsCode: '1234', taxCode: 'NOPE' })], buyer: { ...typedInvoice().buyer, tin: '123' } }),
    });
    const result = await call('documents:queue', { id: draft.id });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields?.['lines.0.hsCode']).toMatch(/8 digits/);
    expect(result.error.fields?.['lines.0.taxCode']).toMatch(/NOPE.*no tax mapping/);
    expect(result.error.fields?.['buyer.tin']).toMatch(/10 digits/);
    expect((await value<DocumentDetail>('documents:get', { id: draft.id })).number).toBeNull();
  });

  it('queues, sends and fiscalises an invoice, with its QR data and history', async () => {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    const queued = await value<DocumentDetail>('documents:queue', { id: draft.id });
    expect(queued.state).toBe('queued');
    expect(queued.number).toMatch(/^INV-[0-9A-Z]{4}-\d{6}$/);
    // 2 x 4.60 = 9.20 incl. 15.5% VAT (1.23) + 3 x 1.15 = 3.45 zero rated.
    expect(queued.totals).toEqual({ subTotal: '11.42', totalTax: '1.23', total: '12.65' });
    await settled();
    const done = await value<DocumentDetail>('documents:get', { id: draft.id });
    expect(done.state).toBe('fiscalised');
    expect(done.qr?.verificationCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(done.zimraNumber).toMatch(/^\d+\/\d+$/);
    expect(done.pdfAvailable).toBe(true);
    expect(done.training).toBe(true);
    expect(done.events.map((event) => event.to)).toEqual(['draft', 'queued', 'sending', 'submitted', 'fiscalised']);
    expect(changed).toContain('fiscalised');
    const page = await value<DocumentPage>('documents:list', { search: done.qr?.verificationCode ?? '' });
    expect(page.items.map((item) => item.id)).toEqual([draft.id]);
  });

  it('gives consecutive numbers and never changes a queued document', async () => {
    const a = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    const b = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    const first = await value<DocumentDetail>('documents:queue', { id: a.id });
    const second = await value<DocumentDetail>('documents:queue', { id: b.id });
    expect(Number(second.number?.slice(-6))).toBe(Number(first.number?.slice(-6)) + 1);
    expect(second.number?.slice(0, -6)).toBe(first.number?.slice(0, -6));
    const edit = await call('documents:saveDraft', { id: a.id, draft: typedInvoice({ reference: 'changed' }) });
    expect(edit.ok).toBe(false);
    const discard = await call('documents:discardDraft', { id: a.id });
    expect(discard.ok).toBe(false);
    await settled();
  });

  it('keeps training documents apart from a live connection\'s', async () => {
    const training = await value<DocumentPage>('documents:list', {});
    expect(training.total).toBeGreaterThan(0);
    const sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
    try {
      const { profileId } = await useSandboxAccount(app, sandbox, 'shop');
      expect(await value<DocumentPage>('documents:list', {})).toMatchObject({ items: [], total: 0 });
      const live = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      expect(live.profileId).toBe(profileId);
      expect(live.training).toBe(false);
      await value('connections:activate', { id: 'training' });
      const back = await value<DocumentPage>('documents:list', {});
      expect(back.total).toBe(training.total);
      expect(back.items.map((item) => item.id)).not.toContain(live.id);
    } finally {
      await sandbox.close();
    }
  });

  it('reports the outbox state with counts', async () => {
    const state = await value<OutboxState>('outbox:state');
    expect(state).toMatchObject({ paused: null, queued: 0, sending: 0, submitted: 0 });
    expect((await value<OutboxState>('outbox:pause')).paused).toBe('manual');
    expect((await value<OutboxState>('outbox:resume')).paused).toBeNull();
  });
});

describe('checking the status of selected documents', () => {
  it('asks Fiscal Harmony only about those waiting for a result, and records what comes back', async () => {
    // Results are polled an hour apart here: only the manager's check can bring one in.
    const checking = await composeTestApp({ outbox: { polls: { stepsMs: [3_600_000] }, retry: { baseMs: 20, capMs: 200 } } });
    const sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 1, onError: () => undefined });
    const ipc = ipcOf(() => checking);
    try {
      if (!checking.documents.ok) throw checking.documents.error;
      await useSandboxAccount(checking, sandbox, 'shop');
      /** Once the outbox has sent everything and one document waits for its result. */
      const oneWaitingForResult = () => outboxBecomes(checking, (state) => state.submitted === 1 && state.queued === 0 && state.sending === 0);
      const submitted = oneWaitingForResult();
      const sent = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      await ipc.value('documents:queue', { id: sent.id });
      await submitted;
      const waiting = await ipc.value<DocumentDetail>('documents:get', { id: sent.id });
      const draft = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      expect(waiting.state).toBe('submitted');

      expect(await ipc.value('documents:checkStatus', { ids: [waiting.id, draft.id] })).toEqual({ checked: 1, changed: 1 });
      const done = await ipc.value<DocumentDetail>('documents:get', { id: waiting.id });
      expect(done.state).toBe('fiscalised');
      expect(done.qr?.verificationCode).toMatch(/\S/);
      // Nothing left to ask about: a fiscalised document and a draft.
      expect(await ipc.value('documents:checkStatus', { ids: [waiting.id, draft.id] })).toEqual({ checked: 0, changed: 0 });

      // "Try now" asks about every document waiting for its result at once, without a selection.
      const second = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      const waitingAgain = oneWaitingForResult();
      await ipc.value('documents:queue', { id: second.id });
      await waitingAgain;
      expect((await ipc.value<OutboxState>('outbox:retryNow')).submitted).toBe(1);
      await checking.documents.module.outbox.settled();
      expect((await ipc.value<DocumentDetail>('documents:get', { id: second.id })).state).toBe('fiscalised');
    } finally {
      await checking.dispose();
      await sandbox.close();
    }
  });
});

describe('every call scoped to its connection', () => {
  it('finds, changes and sends only the active connection\'s documents, and checks each result with its own connection', async () => {
    // Results are polled an hour apart: only a check brings one in.
    const scoped = await composeTestApp({ trainingProcessingDelayMs: 1, outbox: { polls: { stepsMs: [3_600_000] }, retry: { baseMs: 20, capMs: 200 } } });
    const sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 1, onError: () => undefined });
    const ipc = ipcOf(() => scoped);
    try {
      if (!scoped.documents.ok) throw scoped.documents.error;
      const waitingForResults = (count: number) => outboxBecomes(scoped, (state) => state.submitted === count && state.queued === 0 && state.sending === 0);
      const trainingSent = waitingForResults(1);
      const training = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      await ipc.value('documents:queue', { id: training.id });
      await trainingSent;
      const trainingDraft = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });

      await useSandboxAccount(scoped, sandbox, 'shop');
      const elsewhere: [string, unknown][] = [
        ['documents:get', { id: training.id }],
        ['documents:checkStatus', { ids: [training.id] }],
        ['documents:queue', { id: trainingDraft.id }],
        ['documents:resend', { id: training.id }],
        ['documents:saveDraft', { id: trainingDraft.id, draft: typedInvoice({ reference: 'changed from another connection' }) }],
        ['documents:discardDraft', { id: trainingDraft.id }],
      ];
      for (const [channel, input] of elsewhere) {
        expect({ channel, result: await ipc.call(channel, input) }).toMatchObject({ channel, result: { ok: false, error: { code: 'NOT_FOUND' } } });
      }
      const credit = await ipc.call('documents:saveDraft', { draft: typedInvoice({ kind: 'credit-note', originalInvoiceId: training.id }) });
      expect(credit).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { originalInvoiceId: expect.any(String) } } });

      const liveSent = waitingForResults(2);
      const live = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      await ipc.value('documents:queue', { id: live.id });
      await liveSent;
      // The outbox's check of both at once asks each connection about its own document.
      expect(await scoped.documents.module.outbox.checkNow([training.id, live.id])).toEqual({ checked: 2, changed: 2 });
      expect((await ipc.value<DocumentDetail>('documents:get', { id: live.id })).state).toBe('fiscalised');
      await ipc.value('connections:activate', { id: 'training' });
      expect(await ipc.value<DocumentDetail>('documents:get', { id: trainingDraft.id })).toMatchObject({ state: 'draft', number: null, draft: { reference: typedInvoice().reference } });
      expect((await ipc.value<DocumentDetail>('documents:get', { id: training.id })).state).toBe('fiscalised');
    } finally {
      await scoped.dispose();
      await sandbox.close();
    }
  });
});
