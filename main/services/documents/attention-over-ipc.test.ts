import { afterEach, describe, expect, it } from 'vitest';
import type { AttentionCheck, DocumentDetail } from '../../../shared/contract/documents';
import type { ComposedApp, HostDeps } from '../../compose';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { composeTestApp, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice } from '../../test-support/sample-drafts';
import { useSandboxAccount } from '../../test-support/sandbox-connection';

// The ways out of "needs attention" through the IPC router, against the sandbox over HTTP:
// "Check with Fiscal Harmony", "I found it in the portal" and "It never arrived".

let app: ComposedApp | undefined;
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await app?.dispose();
  await sandbox?.close();
  app = undefined;
  sandbox = undefined;
});

const quick: Partial<HostDeps> = { outbox: { polls: { stepsMs: [20, 50] }, retry: { baseMs: 20, capMs: 100 } } };

async function start(overrides: Partial<HostDeps> = quick) {
  const composed = await composeTestApp(overrides);
  app = composed;
  const running = await startFiscalHarmonySandbox({ processingDelayMs: 1, onError: () => undefined });
  sandbox = running;
  const { seed } = await useSandboxAccount(composed, running, 'shop');
  return { ...ipcOf(() => composed), sandbox: running, seed };
}

type Ipc = Awaited<ReturnType<typeof start>>;

async function queued(ipc: Ipc): Promise<string> {
  const draft = await ipc.value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
  await ipc.value('documents:queue', { id: draft.id });
  return draft.id;
}

async function stateOf(ipc: Ipc, id: string, state: DocumentDetail['state']): Promise<DocumentDetail> {
  await expect.poll(async () => (await ipc.value<DocumentDetail>('documents:get', { id })).state, { timeout: 15_000, interval: 20 }).toBe(state);
  return ipc.value<DocumentDetail>('documents:get', { id });
}

/** An answer lost after the sandbox received the invoice: the retry is told "Already fiscalised". */
async function lostAnswer(ipc: Ipc): Promise<string> {
  ipc.sandbox.setFaults({ dropRate: 1, faultsAfterReceipt: true, paths: ['/invoice'] });
  const id = await queued(ipc);
  // Once the lost answer is recorded (the document is then sent again as a retry).
  await expect.poll(async () => (await ipc.value<DocumentDetail>('documents:get', { id })).isRetry, { timeout: 10_000, interval: 5 }).toBe(true);
  ipc.sandbox.resetFaults();
  return (await stateOf(ipc, id, 'needs-attention')).id;
}

const notes = (document: DocumentDetail) => document.events.map((event) => event.note);

describe('a document that needs attention after a lost answer', () => {
  it('"Check with Fiscal Harmony" asks by its request ids and writes what it heard in the timeline', async () => {
    const ipc = await start();
    const id = await lostAnswer(ipc);
    const before = await ipc.value<DocumentDetail>('documents:get', { id });
    expect(before.neverArrivedOffered).toBe(false);
    expect(before.explanation.nextStep).toMatch(/Check with Fiscal Harmony/);
    expect(notes(before).some((note) => note.includes(`as request ${before.requestId ?? '?'}`))).toBe(true);

    const check = await ipc.value<AttentionCheck>('documents:checkAttention', { id });
    expect(check.outcome).toBe('already-received');
    expect(check.message).toMatch(/still says it had this invoice/);
    expect(check.document.state).toBe('needs-attention');
    expect(notes(check.document).at(-1)).toMatch(/^Checked with Fiscal Harmony: it still says it had this document from an earlier attempt \("Already fiscalised"\)/);
    // It arrived: "It never arrived" is not offered, and refused if asked.
    expect(check.document.neverArrivedOffered).toBe(false);
    expect(await ipc.call('documents:resendNeverArrived', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('"I found it in the portal" takes a verification code or ZIMRA\'s QR address, says whose word it is, and never fiscalises twice', async () => {
    const ipc = await start();
    const byCode = await lostAnswer(ipc);
    const byAddress = await lostAnswer(ipc);
    for (const found of ['1234', 'GGGG-0000-0000-0000', 'https://example.com/not-zimra', 'https://fdmstest.zimra.co.zw/0000012345']) {
      const refused = await ipc.call('documents:confirmFromPortal', { id: byCode, found });
      expect({ found, refused }).toMatchObject({ found, refused: { ok: false, error: { code: 'INVALID_INPUT', fields: { found: expect.any(String) } } } });
    }
    expect((await ipc.value<DocumentDetail>('documents:get', { id: byCode })).state).toBe('needs-attention');

    const confirmed = await ipc.value<DocumentDetail>('documents:confirmFromPortal', { id: byCode, found: ' 4c8f-2a1b-9d3e-7f60 ' });
    expect(confirmed).toMatchObject({ state: 'fiscalised', verificationCode: '4C8F-2A1B-9D3E-7F60', confirmedFromPortal: true, qr: null, pdfAvailable: false });
    expect(confirmed.explanation.title).toBe('Fiscalised (confirmed by the manager from the portal)');
    expect(confirmed.explanation.detail).toMatch(/Fiscal Harmony did not send this result/);
    expect(notes(confirmed).at(-1)).toMatch(/^Fiscalised: confirmed by the manager from the Fiscal Harmony portal: verification code 4C8F-2A1B-9D3E-7F60/);
    // Never twice: a second confirmation and a check are refused and change nothing.
    expect(await ipc.call('documents:confirmFromPortal', { id: byCode, found: '0000-0000-0000-0001' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ipc.call('documents:checkAttention', { id: byCode })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ipc.value<DocumentDetail>('documents:get', { id: byCode })).verificationCode).toBe('4C8F-2A1B-9D3E-7F60');

    const address = 'https://fdmstest.zimra.co.zw/000001234503122026000000004299A1B2C3D4E5F607';
    const fromQr = await ipc.value<DocumentDetail>('documents:confirmFromPortal', { id: byAddress, found: address });
    expect(fromQr).toMatchObject({ state: 'fiscalised', confirmedFromPortal: true, verificationCode: '99A1-B2C3-D4E5-F607', qr: { qrCodeUrl: address, deviceId: 12345 } });
    expect(notes(fromQr).at(-1)).toMatch(/device 12345, receipt 42 of 2026-12-03/);
  });
});

describe('a document Fiscal Harmony had no result for within its status window', () => {
  it('"Check with Fiscal Harmony" completes it with its QR code once the service has the result', async () => {
    let now = Date.now();
    const ipc = await start({ ...quick, clock: () => new Date(now) });
    // Received, but processed slowly: no result comes while Fiscal Desk waits.
    ipc.sandbox.setFaults({ slowProcessingRate: 1, slowProcessingDelayMs: 3_600_000 });
    const id = await queued(ipc);
    await stateOf(ipc, id, 'submitted');
    now += 8 * 24 * 60 * 60 * 1000;
    const waited = await stateOf(ipc, id, 'needs-attention');
    expect(waited.explanation.detail).toMatch(/within the 7 days/);

    expect(ipc.sandbox.processNow({ includeSlow: true })).toBe(1);
    const check = await ipc.value<AttentionCheck>('documents:checkAttention', { id });
    expect(check.outcome).toBe('fiscalised');
    expect(check.document).toMatchObject({ state: 'fiscalised', confirmedFromPortal: false, pdfAvailable: true });
    expect(check.document.qr?.verificationCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(notes(check.document).at(-1)).toMatch(/^Checked with Fiscal Harmony: fiscalised \(verification code/);
  });
});

describe('"It never arrived"', () => {
  it('is offered only after a check found none of its requests, and sends the same document again as a retry', async () => {
    const ipc = await start();
    const id = await lostAnswer(ipc);
    expect(await ipc.call('documents:resendNeverArrived', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The service no longer knows it (its documents are gone, as after its 7-day window).
    ipc.sandbox.reset();
    ipc.sandbox.addAccount(ipc.seed);
    const check = await ipc.value<AttentionCheck>('documents:checkAttention', { id });
    expect(check.outcome).toBe('nothing');
    expect(check.document.neverArrivedOffered).toBe(true);
    expect(notes(check.document).at(-1)).toMatch(/^Checked with Fiscal Harmony: it knows none of the requests this document was sent with/);

    const number = check.document.number;
    const again = await ipc.value<DocumentDetail>('documents:resendNeverArrived', { id });
    expect(again).toMatchObject({ id, number, isRetry: true, neverArrivedOffered: false });
    // Not while it is on its way: the manager's word is refused.
    expect(await ipc.call('documents:confirmFromPortal', { id, found: '4C8F-2A1B-9D3E-7F60' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ipc.call('documents:resendNeverArrived', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const done = await stateOf(ipc, id, 'fiscalised');
    expect(done.number).toBe(number);
    expect(notes(done)).toContain('The manager said it never arrived: it is sent again as a retry of the same document');
    expect(notes(done).some((note) => /as request \S+ \(sent as a retry\)/.test(note))).toBe(true);
  });
});
