import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInvoice } from '../test-support/demo-documents';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe('QR data and counters over HTTP', () => {
  it('numbers receipts per device and fiscal day', async () => {
    const c = t.freshClient('shop');
    const first = await t.submitAndProcess(c, 'invoice', demoInvoice({ date: '2026-11-21T09:30:00+02:00' }));
    const second = await t.submitAndProcess(c, 'invoice', demoInvoice({ date: '2026-11-21T09:31:00+02:00' }));
    expect(first.QrData).toMatchObject({ DeviceId: 23401, FiscalDay: 42, InvoiceNumber: 1 });
    expect(second.QrData).toMatchObject({ DeviceId: 23401, FiscalDay: 42, InvoiceNumber: 2 });
    expect(first.QrData?.QrCodeUrl).toMatch(/^https:\/\/fdmstest\.zimra\.co\.zw\/0000023401211120260000000121[0-9A-F]{16}$/);
    expect(second.QrData?.QrCodeUrl).toContain('0000000122');

    t.clock.advance(24 * 3600_000);
    const nextDay = await t.submitAndProcess(c, 'invoice', demoInvoice({ date: '2026-11-22T08:00:00+02:00' }));
    expect(nextDay.QrData).toMatchObject({ FiscalDay: 43, InvoiceNumber: 1 });
    expect(nextDay.QrData?.QrCodeUrl).toMatch(/\/0000023401221120260000000123[0-9A-F]{16}$/);
    t.clock.set('2026-11-21T08:00:00Z');
  });

  it('keeps counters per device: failures and other accounts do not use numbers', async () => {
    const a = t.freshClient('shop');
    const b = t.freshClient('new-device');
    await t.submitAndProcess(a, 'invoice', { ...demoInvoice(), Total: 1 });
    expect((await t.submitAndProcess(a, 'invoice', demoInvoice())).QrData?.InvoiceNumber).toBe(1);
    await b.request('POST', '/taxmapping', { TaxCode: 'VAT15', DestinationTaxId: 515 });
    await b.request('POST', '/currencymapping', { SourceCurrency: 'USD', DestinationCurrency: 'USD' });
    expect((await t.submitAndProcess(b, 'invoice', demoInvoice())).QrData).toMatchObject({ DeviceId: 30872, InvoiceNumber: 1 });
  });
});
