import { describe, expect, it } from 'vitest';
import {
  CreditNoteSchema,
  FiscalDeviceSchema,
  InvoiceSchema,
  ProfileSchema,
  StatusResultSchema,
  SubscriptionSchema,
  TaxMappingSchema,
  parseDeviceConfig,
} from './schemas';
import { parseExactJson } from '../exact-json';

const invoice = {
  InvoiceId: 'inv-1',
  InvoiceNumber: 'INV-0001',
  IsTaxInclusive: true,
  BuyerContact: { Name: 'Cash Buyer' },
  Date: '2026-11-21T09:30:00',
  LineItems: [{ Description: 'Nails', Quantity: 2, UnitAmount: '5.25', LineAmount: '10.50', TaxCode: 'VAT15', ProductCode: '73170000' }],
  SubTotal: '9.09',
  TotalTax: '1.41',
  Total: '10.5',
  CurrencyCode: 'USD',
  PaymentMethod: 'Cash',
};

describe('tolerant response parsing', () => {
  it('ignores unknown fields and accepts numeric strings', () => {
    const p = ProfileSchema.parse({ Id: '42', FullName: 'Msasa Hardware', Surprise: { deep: true } });
    expect(p).toEqual({ Id: 42, FullName: 'Msasa Hardware' });
    const m = TaxMappingSchema.parse({ Id: 1, UserId: null, TaxCode: 'VAT15', DestinationTaxId: '517', Extra: 1 });
    expect(m.DestinationTaxId).toBe(517);
  });

  it('reads a device and its config string', () => {
    const device = FiscalDeviceSchema.parse({
      CurrentConfig: JSON.stringify({ taxPayerName: 'X', applicableTaxes: [{ taxID: 517, taxName: 'Standard', taxPercent: 15.5 }, { taxID: 515, taxName: 'Exempt' }], unknown: 1 }),
      BillingStatus: 'SomethingNew',
    });
    const config = parseDeviceConfig(device.CurrentConfig);
    expect(config.ok && config.config.applicableTaxes).toEqual([
      { taxID: 517, taxName: 'Standard', taxPercent: '15.5' },
      { taxID: 515, taxName: 'Exempt' },
    ]);
    expect(parseDeviceConfig('{not json').ok).toBe(false);
    expect(parseDeviceConfig(null).ok).toBe(false);
  });

  it('reads subscriptions and status results loosely', () => {
    expect(SubscriptionSchema.parse({ Plan: { Name: 'Basic', Price: '10.00' }, Status: 'Active', Foo: 1 }).Plan?.Price).toBe('10');
    const status = StatusResultSchema.parse({ RequestId: 'r', Success: false, Error: 'x' });
    expect(status.IsActionable).toBe(false);
  });
});

describe('documents', () => {
  it('reads numbers as decimal strings without float error', () => {
    const parsed = InvoiceSchema.parse(invoice);
    expect(parsed.Total).toBe('10.5');
    expect(parsed.LineItems[0]?.UnitAmount).toBe('5.25');
    expect(parsed.LineItems[0]?.Quantity).toBe('2');
    // JSON numbers read with parseExactJson reach the schema as their text.
    const wire = parseExactJson('{"Total": 90071992547409.93, "SubTotal": 1e21, "TotalTax": 12345678901234567890}');
    expect(InvoiceSchema.parse({ ...invoice, ...(wire as object) })).toMatchObject({
      Total: '90071992547409.93',
      SubTotal: '1000000000000000000000',
      TotalTax: '12345678901234567890',
    });
  });

  it('refuses a JS number with decimals: it has been through a float, and may be off', () => {
    const result = InvoiceSchema.safeParse({ ...invoice, Total: 10.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/read exactly/);
    expect(InvoiceSchema.safeParse({ ...invoice, Total: 2 ** 53 }).success).toBe(false);
  });

  it('refuses structurally broken documents', () => {
    expect(InvoiceSchema.safeParse({ ...invoice, InvoiceId: '' }).success).toBe(false);
    expect(InvoiceSchema.safeParse({ ...invoice, LineItems: [] }).success).toBe(false);
    expect(InvoiceSchema.safeParse({ ...invoice, Total: 'ten' }).success).toBe(false);
    expect(InvoiceSchema.safeParse({ ...invoice, Date: 'today' }).success).toBe(false);
    expect(InvoiceSchema.safeParse({ ...invoice, PaymentMethod: 'Bitcoin' }).success).toBe(false);
  });

  it('reads a credit note', () => {
    const { InvoiceId: _id, InvoiceNumber: _n, ...rest } = invoice;
    const parsed = CreditNoteSchema.parse({ ...rest, CreditNoteId: 'cn-1', CreditNoteNumber: 'CN-1', OriginalInvoiceId: 'inv-1' });
    expect(parsed.OriginalInvoiceId).toBe('inv-1');
  });
});
