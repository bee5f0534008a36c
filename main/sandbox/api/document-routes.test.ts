import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusResponseSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { demoInvoice } from '../test-support/demo-documents';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('POST /invoice', () => {
  it('answers the request id as text/plain, not JSON-quoted', async () => {
    const r = await t.client('shop').request('POST', '/invoice', demoInvoice());
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^text\/plain/);
    expect(r.text).toMatch(GUID);
  });

  it('processes asynchronously: nothing in /status until processed', async () => {
    const slow = await startTestSandbox({ processingDelayMs: 60_000 });
    try {
      const sc = slow.client('shop');
      const id = await sc.submit('invoice', demoInvoice());
      expect(await sc.status([id])).toEqual([]);
      slow.sandbox.processNow();
      expect((await sc.status([id]))[0]).toMatchObject({ RequestId: id, Success: true });
    } finally {
      await slow.close();
    }
  });

  it('processes after the configured delay on its own', async () => {
    const quick = await startTestSandbox({ processingDelayMs: 20 });
    try {
      const c = quick.client('shop');
      const id = await c.submit('invoice', demoInvoice());
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect((await c.status([id]))[0]?.Success).toBe(true);
    } finally {
      await quick.close();
    }
  });

  it('accepts numbers as numeric strings and dates without offset', async () => {
    const doc = demoInvoice();
    const asStrings = {
      ...doc,
      Date: '2026-11-21T09:30:00',
      SubTotal: String(doc.SubTotal),
      TotalTax: String(doc.TotalTax),
      Total: String(doc.Total),
      LineItems: doc.LineItems.map((l) => ({ ...l, Quantity: String(l.Quantity), UnitAmount: String(l.UnitAmount), LineAmount: String(l.LineAmount) })),
    };
    const result = await t.submitAndProcess(t.client('shop'), 'invoice', asStrings);
    expect(result).toMatchObject({ Success: true, Error: null });
  });

  it.each([
    ['invalid JSON', '{"InvoiceId": "x",', 'The request body is not valid JSON'],
    ['a JSON array', '[]', 'Invalid invoice: '],
    ['an empty body', '', 'The request body is empty'],
  ])('answers 400 to %s', async (_name, rawBody, text) => {
    const r = await t.client('shop').request('POST', '/invoice', undefined, { rawBody });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).Message).toContain(text);
  });

  it.each([
    ['InvoiceId missing', { InvoiceId: undefined }, 'InvoiceId: is required'],
    ['InvoiceId empty', { InvoiceId: ' ' }, 'InvoiceId: is required'],
    ['LineItems missing', { LineItems: undefined }, 'LineItems: is required'],
    ['LineItems empty', { LineItems: [] }, 'LineItems: must contain at least one line'],
    ['a non-numeric Total', { Total: 'ten' }, 'Total: must be a number'],
    ['a bad Date', { Date: '21/11/2026' }, 'Date: must be a date like 2026-11-21T09:30:00+02:00'],
    ['BuyerContact missing', { BuyerContact: undefined }, 'BuyerContact: is required'],
    ['an unknown PaymentMethod', { PaymentMethod: 'Bitcoin' }, 'PaymentMethod: must be one of Cash, Card, MobileWallet, Coupon, Credit, BankTransfer, Other'],
    ['a line without Quantity', { LineItems: [{ Description: 'x', UnitAmount: 1, LineAmount: 1 }] }, 'Line 1 Quantity: is required'],
  ])('answers 400 with a Message to %s', async (_name, change, text) => {
    const r = await t.client('shop').request('POST', '/invoice', { ...demoInvoice(), ...change });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).Message).toContain(text);
  });

  it('answers 400 to a credit note without OriginalInvoiceId', async () => {
    const { InvoiceId: _i, InvoiceNumber: _n, ...rest } = demoInvoice();
    const r = await t.client('shop').request('POST', '/creditnote', { ...rest, CreditNoteId: 'c', CreditNoteNumber: 'C' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).Message).toContain('OriginalInvoiceId: is required');
  });
});

describe('POST /status', () => {
  it('answers StatusResult objects that the shared schema reads', async () => {
    const c = t.client('shop');
    const ok = await c.submit('invoice', demoInvoice());
    const bad = await c.submit('invoice', { ...demoInvoice(), Total: 1 });
    t.sandbox.processNow();
    const r = await c.json('POST', '/status', [ok, bad]);
    const results = StatusResponseSchema.parse(r.body);
    expect(results.map((x) => [x.RequestId, x.Success, x.IsActionable])).toEqual([
      [ok, true, false],
      [bad, false, true],
    ]);
    expect(results[0]?.QrData).toBeTruthy();
    expect(results[1]).toMatchObject({ QrData: null, FiscalInvoicePdf: null });
  });

  it('leaves out unknown ids, other accounts ids and repeats', async () => {
    const c = t.client('shop');
    const mine = await c.submit('invoice', demoInvoice());
    const other = await t.client('overdue').submit('invoice', demoInvoice());
    t.sandbox.processNow();
    const results = await c.status([mine, 'not-a-request', other, mine.toUpperCase()]);
    expect(results.map((r) => r.RequestId)).toEqual([mine]);
  });

  it('accepts 100 ids and refuses 101', async () => {
    const c = t.client('shop');
    const ids = Array.from({ length: 100 }, (_, i) => `id-${i}`);
    expect((await c.request('POST', '/status', ids)).status).toBe(200);
    const r = await c.request('POST', '/status', [...ids, 'one-more']);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).Message).toBe('At most 100 request ids per call (got 101)');
  });

  it('answers many ids in one batch', async () => {
    const c = t.freshClient('shop');
    const ids = await Promise.all(Array.from({ length: 100 }, () => c.submit('invoice', demoInvoice())));
    t.sandbox.processNow();
    const results = await c.status(ids);
    expect(results).toHaveLength(100);
    expect(results.every((r) => r.Success)).toBe(true);
    expect(new Set(results.map((r) => r.QrData?.InvoiceNumber)).size).toBe(100);
  });

  it('refuses a body that is not an array of ids', async () => {
    expect((await t.client('shop').request('POST', '/status', { ids: [] })).status).toBe(400);
    expect((await t.client('shop').request('POST', '/status', [1, 2])).status).toBe(400);
  });

  it('only knows documents of the last 7 days', async () => {
    const c = t.freshClient('shop');
    const old = await c.submit('invoice', demoInvoice());
    t.sandbox.processNow();
    t.clock.advance(3 * 24 * 3600_000);
    const recent = await c.submit('invoice', demoInvoice());
    t.sandbox.processNow();
    t.clock.advance(4 * 24 * 3600_000 - 1000);
    expect((await c.status([old, recent])).map((r) => r.RequestId)).toEqual([old, recent]);
    t.clock.advance(2000);
    expect((await c.status([old, recent])).map((r) => r.RequestId)).toEqual([recent]);
    t.clock.advance(3 * 24 * 3600_000);
    expect(await c.status([old, recent])).toEqual([]);
    t.clock.set('2026-11-21T08:00:00Z');
  });
});
