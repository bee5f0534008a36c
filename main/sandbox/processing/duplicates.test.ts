import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditNote, demoInvoice } from '../test-support/demo-documents';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe('duplicates and IsRetry (natural key InvoiceId per account)', () => {
  it('answers "Already fiscalised" (non-actionable) to a second submission of a fiscalised id, retry or not', async () => {
    const c = t.freshClient('shop');
    const doc = demoInvoice();
    const first = await t.submitAndProcess(c, 'invoice', doc);
    expect(first.Success).toBe(true);
    for (const IsRetry of [false, true]) {
      const again = await t.submitAndProcess(c, 'invoice', { ...doc, IsRetry });
      expect(again).toMatchObject({ Success: false, IsActionable: false, Error: 'Already fiscalised', QrData: null });
    }
    // The original stays valid.
    expect((await c.status([first.RequestId]))[0]).toEqual(first);
  });

  it('processes again after an actionable failure when IsRetry is true', async () => {
    const c = t.freshClient('shop');
    const doc = demoInvoice();
    const failed = await t.submitAndProcess(c, 'invoice', { ...doc, Total: 1 });
    expect(failed).toMatchObject({ Success: false, IsActionable: true });
    const retried = await t.submitAndProcess(c, 'invoice', { ...doc, IsRetry: true });
    expect(retried).toMatchObject({ Success: true, Error: null });
  });

  it('retries as often as it keeps failing actionably', async () => {
    const c = t.freshClient('shop');
    const doc = demoInvoice();
    await t.submitAndProcess(c, 'invoice', { ...doc, Total: 1 });
    expect((await t.submitAndProcess(c, 'invoice', { ...doc, Total: 2, IsRetry: true })).IsActionable).toBe(true);
    expect((await t.submitAndProcess(c, 'invoice', { ...doc, IsRetry: true })).Success).toBe(true);
  });

  it('answers "Duplicate document id" to a re-send without IsRetry after a failure', async () => {
    const c = t.freshClient('shop');
    const doc = demoInvoice();
    await t.submitAndProcess(c, 'invoice', { ...doc, Total: 1 });
    const again = await t.submitAndProcess(c, 'invoice', doc);
    expect(again).toMatchObject({ Success: false, IsActionable: false, Error: 'Duplicate document id' });
    // A later retry still may fix it: the duplicate did not change the id's state.
    expect((await t.submitAndProcess(c, 'invoice', { ...doc, IsRetry: true })).Success).toBe(true);
  });

  it('fiscalises only once when the same id arrives twice before processing', async () => {
    const c = t.freshClient('shop');
    const doc = demoInvoice();
    const first = await c.submit('invoice', doc);
    const second = await c.submit('invoice', { ...doc, IsRetry: true });
    t.sandbox.processNow();
    const [a, b] = await c.status([first, second]);
    expect(a).toMatchObject({ Success: true });
    expect(b).toMatchObject({ Success: false, IsActionable: false, Error: 'Already fiscalised' });
  });

  it('keeps invoice and credit-note ids apart, and accounts apart', async () => {
    const c = t.freshClient('shop');
    const invoice = demoInvoice({ id: 'shared-id' });
    expect((await t.submitAndProcess(c, 'invoice', invoice)).Success).toBe(true);
    const note = demoCreditNote('shared-id', { id: 'shared-id', lines: [{ quantity: '1', unitAmount: '10' }] });
    expect((await t.submitAndProcess(c, 'creditnote', note)).Success).toBe(true);
    const other = t.freshClient('shop');
    expect((await t.submitAndProcess(other, 'invoice', invoice)).Success).toBe(true);
  });

  it('answers duplicates of credit notes the same way', async () => {
    const c = t.freshClient('shop');
    const invoice = demoInvoice();
    await t.submitAndProcess(c, 'invoice', invoice);
    const note = demoCreditNote(invoice.InvoiceId, { lines: [{ quantity: '1', unitAmount: '10' }] });
    expect((await t.submitAndProcess(c, 'creditnote', note)).Success).toBe(true);
    expect((await t.submitAndProcess(c, 'creditnote', { ...note, IsRetry: true })).Error).toBe('Already fiscalised');
  });
});
