import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditNote, demoInvoice } from '../test-support/demo-documents';
import type { FhTestClient, StatusJson } from '../test-support/fh-test-client';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

/** A fiscalised invoice of 115.50 (2 x 57.75, VAT inclusive). */
async function fiscalisedInvoice(c: FhTestClient, currency = 'USD'): Promise<string> {
  const invoice = demoInvoice({ currency });
  expect((await t.submitAndProcess(c, 'invoice', invoice)).Success).toBe(true);
  return invoice.InvoiceId;
}

const credit = (c: FhTestClient, originalId: string, amount: string, currency = 'USD'): Promise<StatusJson> =>
  t.submitAndProcess(c, 'creditnote', demoCreditNote(originalId, { lines: [{ quantity: '1', unitAmount: amount }], currency }));

describe('credit notes', () => {
  it('fiscalises a credit note against a fiscalised invoice', async () => {
    const c = t.freshClient('shop');
    const result = await credit(c, await fiscalisedInvoice(c), '20');
    expect(result).toMatchObject({ Success: true, IsActionable: false });
    expect(result.QrData?.VerificationCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  });

  it('may credit up to the original total in several notes, not beyond', async () => {
    const c = t.freshClient('shop');
    const id = await fiscalisedInvoice(c);
    expect((await credit(c, id, '95.50')).Success).toBe(true);
    const tooMuch = await credit(c, id, '20.01');
    expect(tooMuch).toMatchObject({ Success: false, IsActionable: true, Error: 'Credit note exceeds the remaining total of the original invoice (remaining 20.00)' });
    expect((await credit(c, id, '20')).Success).toBe(true);
    expect((await credit(c, id, '0.01')).Error).toBe('Credit note exceeds the remaining total of the original invoice (remaining 0.00)');
  });

  it('does not count failed credit notes against the remaining total', async () => {
    const c = t.freshClient('shop');
    const id = await fiscalisedInvoice(c);
    const failing = demoCreditNote(id, { lines: [{ quantity: '1', unitAmount: '100' }] });
    expect((await t.submitAndProcess(c, 'creditnote', { ...failing, Total: 1 })).Success).toBe(false);
    expect((await credit(c, id, '115.50')).Success).toBe(true);
  });

  it('fails against an unknown original', async () => {
    const c = t.freshClient('shop');
    expect((await credit(c, 'no-such-invoice', '10')).Error).toBe('Original invoice "no-such-invoice" was not found');
  });

  it('fails against an original of another account', async () => {
    const a = t.freshClient('shop');
    const b = t.freshClient('shop');
    const id = await fiscalisedInvoice(a);
    expect((await credit(b, id, '10')).Error).toBe(`Original invoice "${id}" was not found`);
  });

  it('fails against an original that was not fiscalised', async () => {
    const c = t.freshClient('shop');
    const invoice = demoInvoice();
    await t.submitAndProcess(c, 'invoice', { ...invoice, Total: 1 });
    expect((await credit(c, invoice.InvoiceId, '10')).Error).toBe(`Original invoice "${invoice.InvoiceId}" was not fiscalised`);
  });

  it('fails against an original still being processed', async () => {
    const c = t.freshClient('shop');
    const invoice = demoInvoice();
    t.sandbox.setFaults({ slowProcessingRate: 1 });
    const invoiceRequest = await c.submit('invoice', invoice);
    t.sandbox.setFaults({ slowProcessingRate: 0 });
    try {
      const result = await credit(c, invoice.InvoiceId, '10');
      expect(result.Error).toBe(`Original invoice "${invoice.InvoiceId}" is still being processed: re-send the credit note once it is fiscalised`);
      expect(await c.status([invoiceRequest])).toEqual([]);
    } finally {
      t.sandbox.processNow({ includeSlow: true });
    }
    expect((await c.status([invoiceRequest]))[0]?.Success).toBe(true);
  });

  it('fails in another currency than the original', async () => {
    const c = t.freshClient('shop');
    const id = await fiscalisedInvoice(c);
    expect((await credit(c, id, '10', 'ZWG')).Error).toBe("Credit note currency ZWG differs from the original invoice's currency USD");
  });

  it('fails a credit note of zero', async () => {
    const c = t.freshClient('shop');
    const id = await fiscalisedInvoice(c);
    expect((await credit(c, id, '0')).Error).toBe('A credit note Total must be more than 0 (amounts are positive)');
  });
});
