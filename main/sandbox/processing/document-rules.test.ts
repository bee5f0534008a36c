import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccount, uniqueCredentials } from '../demo-accounts';
import { demoInvoice } from '../test-support/demo-documents';
import type { FhTestClient, StatusJson } from '../test-support/fh-test-client';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';
import type { AccountSeed } from '../state/account-seed';

let t: TestSandbox;
let shop: FhTestClient;
beforeAll(async () => {
  t = await startTestSandbox();
  shop = t.client('shop');
});
afterAll(() => t.close());

const submit = (doc: unknown, client = shop): Promise<StatusJson> => t.submitAndProcess(client, 'invoice', doc);

function withAccount(change: (seed: AccountSeed) => AccountSeed): FhTestClient {
  return t.clientFor(t.sandbox.addAccount(change(createDemoAccount('shop', uniqueCredentials()))));
}

async function expectFailure(doc: unknown, error: string, client = shop): Promise<void> {
  const result = await submit(doc, client);
  expect(result).toMatchObject({ Success: false, IsActionable: true, Error: error, QrData: null, FiscalInvoicePdf: null });
}

describe('fiscalised documents', () => {
  it('fiscalises a consistent invoice with every demo tax, inclusive and exclusive', async () => {
    const lines = [
      { quantity: '1', unitAmount: '10', taxCode: 'EX' },
      { quantity: '2.5', unitAmount: '4', taxCode: 'ZR' },
      { quantity: '3', unitAmount: '1.15', taxCode: 'VAT15', discountAmount: '0.45' },
      { quantity: '0.333', unitAmount: '9.99', taxCode: 'WHT5' },
    ];
    for (const taxInclusive of [true, false]) {
      const result = await submit(demoInvoice({ lines, taxInclusive }));
      expect(result).toMatchObject({ Success: true, IsActionable: false, Error: null });
    }
  });

  it('fiscalises in ZWG', async () => {
    expect((await submit(demoInvoice({ currency: 'ZWG' }))).Success).toBe(true);
  });

  it('fiscalises on an overdue account (billing warning only)', async () => {
    expect((await submit(demoInvoice(), t.client('overdue'))).Success).toBe(true);
  });

  it('refuses on the cancelled and the blocked-device demo accounts, saying why', async () => {
    await expectFailure(demoInvoice(), 'The Fiscal Harmony subscription is Cancelled: settle the account, then re-send', t.client('cancelled'));
    await expectFailure(demoInvoice(), 'The fiscal device SBX-024560 is Blocked, not Active', t.client('blocked-device'));
  });
});

describe('mapping rules', () => {
  it('fails an unmapped tax code, naming the code and lines', async () => {
    const doc = demoInvoice({
      lines: [
        { quantity: '1', unitAmount: '10', taxCode: 'VAT15' },
        { quantity: '1', unitAmount: '10', taxCode: 'VAT9' },
        { quantity: '1', unitAmount: '10', taxCode: 'VAT9' },
      ],
      taxPercent: { VAT15: '15.5', VAT9: '9' },
    });
    await expectFailure(doc, 'Tax code "VAT9" on lines 2, 3 has no tax mapping');
  });

  it('fails a single unmapped line', async () => {
    const doc = demoInvoice({ lines: [{ quantity: '1', unitAmount: '10', taxCode: 'VAT15' }, { quantity: '1', unitAmount: '1', taxCode: 'VAT9' }], taxPercent: { VAT15: '15.5', VAT9: '0' } });
    await expectFailure(doc, 'Tax code "VAT9" on line 2 has no tax mapping');
  });

  it('fails a mapping to a tax id the device does not list', async () => {
    const client = withAccount((s) => ({ ...s, taxMappings: [{ TaxCode: 'VAT15', DestinationTaxId: 999 }] }));
    await expectFailure(demoInvoice(), 'Tax code "VAT15" on line 1 is mapped to tax id 999, which the fiscal device does not list', client);
  });

  it('fails a tax that is not valid on the document date', async () => {
    // A fresh account: on the shop's, a date before its last receipt would be refused as well.
    await expectFailure(demoInvoice({ date: '2025-12-31T12:00:00+02:00' }), 'Tax "Standard rated 15.5%" (tax code "VAT15", line 1) is not valid on 2025-12-31', t.freshClient('shop'));
  });

  it('fails an unmapped currency', async () => {
    await expectFailure(demoInvoice({ currency: 'EUR' }), 'Currency "EUR" has no currency mapping');
  });

  it('fiscalises once the mappings are set up from the device (new-device journey)', async () => {
    const client = t.freshClient('new-device');
    await expectFailure(demoInvoice(), 'Currency "USD" has no currency mapping; Tax code "VAT15" on line 1 has no tax mapping', client);
    const device = await client.json<{ CurrentConfig: string }>('GET', '/fiscaldevice');
    const config = JSON.parse(device.body.CurrentConfig) as { applicableTaxes: Array<{ taxID: number; taxPercent?: number }> };
    const standard = config.applicableTaxes.find((x) => x.taxPercent === 15.5);
    expect((await client.request('POST', '/taxmapping', { TaxCode: 'VAT15', DestinationTaxId: standard?.taxID })).status).toBe(200);
    expect((await client.request('POST', '/currencymapping', { SourceCurrency: 'USD', DestinationCurrency: 'USD' })).status).toBe(200);
    expect((await submit(demoInvoice(), client)).Success).toBe(true);
  });
});

describe('line rules', () => {
  it('fails a ProductCode that is not an 8-digit HS code', async () => {
    await expectFailure(demoInvoice({ lines: [{ quantity: '1', unitAmount: '10', productCode: '1234' }] }), 'Line 1: ProductCode "1234" is not an 8-digit HS code');
  });

  it('fails a missing ProductCode', async () => {
    const doc = demoInvoice();
    const lines = doc.LineItems.map(({ ProductCode: _p, ...rest }) => rest);
    await expectFailure({ ...doc, LineItems: lines }, 'Line 1 has no ProductCode: an 8-digit HS code is required');
  });

  it('fails a missing TaxCode', async () => {
    const doc = demoInvoice();
    await expectFailure({ ...doc, LineItems: doc.LineItems.map((l) => ({ ...l, TaxCode: '' })) }, 'Line 1 has no TaxCode');
  });

  it('fails a quantity with more than 3 decimals or not above 0', async () => {
    const doc = demoInvoice({ lines: [{ quantity: '1.0005', unitAmount: '10' }] });
    await expectFailure(doc, 'Line 1: Quantity 1.0005 has more than 3 decimals');
    const zero = demoInvoice();
    await expectFailure({ ...zero, LineItems: zero.LineItems.map((l) => ({ ...l, Quantity: 0 })) }, 'Line 1: Quantity must be more than 0; Line 1: LineAmount is 115.50 but Quantity x UnitAmount - DiscountAmount is 0.00');
  });

  it('fails a discount above the line', async () => {
    const doc = demoInvoice({ lines: [{ quantity: '1', unitAmount: '10' }] });
    const lines = doc.LineItems.map((l) => ({ ...l, DiscountAmount: 11, LineAmount: 0 }));
    const result = await submit({ ...doc, LineItems: lines, Total: 0, TotalTax: 0, SubTotal: 0 });
    expect(result.Error).toBe("Line 1: DiscountAmount 11.00 is more than the line's 10.00; Line 1: LineAmount is 0.00 but Quantity x UnitAmount - DiscountAmount is -1.00");
  });
});

describe('arithmetic to the cent', () => {
  const doc = demoInvoice({ lines: [{ quantity: '1', unitAmount: '115.50' }] }); // inclusive: tax 15.50, subtotal 100.00

  it('accepts a difference of 0.01', async () => {
    expect((await submit({ ...demoInvoice({ lines: [{ quantity: '1', unitAmount: '115.50' }] }), Total: 115.51, SubTotal: 100.01 })).Success).toBe(true);
  });

  it('fails a Total that differs from the lines', async () => {
    await expectFailure({ ...doc, InvoiceId: 'arith-total', Total: 115.52, SubTotal: 100.02 }, 'Total is 115.52 but the lines add up to 115.50');
  });

  it('fails a TotalTax that differs from the line taxes', async () => {
    await expectFailure({ ...doc, InvoiceId: 'arith-tax', TotalTax: 15.0, SubTotal: 100.5 }, 'TotalTax is 15.00 but the line taxes add up to 15.50');
  });

  it('fails a SubTotal that is not Total - TotalTax', async () => {
    await expectFailure({ ...doc, InvoiceId: 'arith-sub', SubTotal: 115.5 }, 'SubTotal is 115.50 but Total - TotalTax is 100.00');
  });

  it('fails a LineAmount that is not Quantity x UnitAmount - DiscountAmount', async () => {
    const lines = doc.LineItems.map((l) => ({ ...l, Quantity: 2 }));
    await expectFailure({ ...doc, InvoiceId: 'arith-line', LineItems: lines }, 'Line 1: LineAmount is 115.50 but Quantity x UnitAmount - DiscountAmount is 231.00');
  });

  it('adds the tax on top when exclusive', async () => {
    const exclusive = demoInvoice({ lines: [{ quantity: '1', unitAmount: '100' }], taxInclusive: false });
    expect(exclusive.Total).toBe(115.5);
    await expectFailure({ ...exclusive, Total: 100, SubTotal: 84.5 }, 'Total is 100.00 but the lines plus tax add up to 115.50');
  });
});

describe('buyer rules', () => {
  const withBuyer = (BuyerContact: Record<string, unknown>): unknown => ({ ...demoInvoice(), BuyerContact });

  it('accepts a registered buyer', async () => {
    const result = await submit(withBuyer({ Name: 'Acme Builders', Tin: '2000111222', VatNumber: '220011122', Address: { City: 'Harare' } }));
    expect(result.Success).toBe(true);
  });

  it('fails an empty buyer name', async () => {
    await expectFailure(withBuyer({ Name: ' ' }), 'Buyer Name is required');
  });

  it('fails a TIN that is not 10 digits', async () => {
    await expectFailure(withBuyer({ Name: 'Acme', Tin: '20001' }), 'Buyer TIN "20001" must be 10 digits');
  });

  it('fails a VAT number without TIN', async () => {
    await expectFailure(withBuyer({ Name: 'Acme', VatNumber: '220011122' }), 'Buyer VAT number is given without a TIN: add the TIN or remove the VAT number');
  });
});

describe('account rules', () => {
  it('fails without a device', async () => {
    await expectFailure(demoInvoice(), 'No fiscal device is attached to this account', t.client('no-device'));
  });

  it('fails with a suspended subscription', async () => {
    const client = withAccount((s) => ({ ...s, subscription: { Plan: { Name: 'Standard', Price: 25, Currency: 'USD', Interval: 'Monthly' }, Status: 'Suspended', StartDate: '2026-01-01', NextBillingDate: '2026-12-01' } }));
    await expectFailure(demoInvoice(), 'The Fiscal Harmony subscription is Suspended: settle the account, then re-send', client);
  });

  it('fails with an inactive device or an expired certificate', async () => {
    const inactive = withAccount((s) => (s.device ? { ...s, device: { ...s.device, status: 'Inactive' } } : s));
    await expectFailure(demoInvoice(), 'The fiscal device SBX-023401 is Inactive, not Active', inactive);
    const expired = withAccount((s) => (s.device ? { ...s, device: { ...s.device, config: { ...s.device.config, certificateValidTill: '2026-06-30T00:00:00+02:00' } } } : s));
    await expectFailure(demoInvoice(), 'The fiscal device certificate expired on 2026-06-30: renew it in Fiscal Harmony', expired);
  });
});
