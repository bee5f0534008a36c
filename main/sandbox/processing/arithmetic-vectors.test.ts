import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '../../../shared/domain/money';
import type { FhTestClient, StatusJson } from '../test-support/fh-test-client';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

// The sandbox's arithmetic against figures worked out by hand from fh-api.md section 5, not by
// the shared arithmetic it runs on (shared/domain/fiscal-harmony/arithmetic.ts): LineAmount =
// round2(Q x U - D); a line's tax round2(LineAmount x p / (100 + p)) inclusive, round2(LineAmount
// x p / 100) exclusive; TotalTax the sum of line taxes; Total the lines (plus TotalTax when
// exclusive); SubTotal = Total - TotalTax. Rounding is half away from zero. Several vectors are
// chosen where rounding each line and rounding the document once differ, so a change to either
// rule shows here. Demo taxes: VAT15 15.5%, WHT5 5%, ZR 0%, EX exempt.

interface VectorLine {
  quantity: string;
  unitAmount: string;
  discount?: string;
  taxCode: 'VAT15' | 'WHT5' | 'ZR' | 'EX';
  /** Expected, by hand. */
  lineAmount: string;
  tax: string;
}

interface Vector {
  name: string;
  inclusive: boolean;
  lines: VectorLine[];
  totalTax: string;
  total: string;
  subTotal: string;
}

const tenAtVat = { quantity: '1', unitAmount: '10.00', taxCode: 'VAT15', lineAmount: '10.00', tax: '1.34' } as const; // 10 x 15.5 / 115.5 = 1.3420
const dimeAtVat = { quantity: '1', unitAmount: '0.10', taxCode: 'VAT15', lineAmount: '0.10', tax: '0.02' } as const; // 0.10 x 0.155 = 0.0155

const VECTORS: Vector[] = [
  // Rounded once, 30.00 x 15.5 / 115.5 = 4.0260 would give 4.03.
  { name: 'three lines of 10.00 at 15.5% inclusive', inclusive: true, lines: [tenAtVat, tenAtVat, tenAtVat], totalTax: '4.02', total: '30.00', subTotal: '25.98' },
  // Rounded once: 90.00 x 15.5 / 115.5 = 12.078 -> 12.08, more than the 0.01 allowed away.
  { name: 'nine lines of 10.00 at 15.5% inclusive', inclusive: true, lines: Array.from({ length: 9 }, () => tenAtVat), totalTax: '12.06', total: '90.00', subTotal: '77.94' },
  // Rounded once: 0.70 x 0.155 = 0.1085 -> 0.11.
  { name: 'seven lines of 0.10 at 15.5% exclusive', inclusive: false, lines: Array.from({ length: 7 }, () => dimeAtVat), totalTax: '0.14', total: '0.84', subTotal: '0.70' },
  {
    name: 'every demo tax, exclusive',
    inclusive: false,
    lines: [
      { quantity: '3', unitAmount: '1.15', taxCode: 'VAT15', lineAmount: '3.45', tax: '0.53' }, // 0.53475
      { quantity: '2.5', unitAmount: '4', taxCode: 'ZR', lineAmount: '10.00', tax: '0.00' },
      { quantity: '1', unitAmount: '20', taxCode: 'WHT5', lineAmount: '20.00', tax: '1.00' },
      { quantity: '1', unitAmount: '7', taxCode: 'EX', lineAmount: '7.00', tax: '0.00' },
    ],
    totalTax: '1.53',
    total: '41.98',
    subTotal: '40.45',
  },
  {
    name: 'discounts, inclusive',
    inclusive: true,
    lines: [
      { quantity: '3', unitAmount: '1.15', discount: '0.45', taxCode: 'VAT15', lineAmount: '3.00', tax: '0.40' }, // 3.00 x 15.5 / 115.5 = 0.4026
      { quantity: '0.333', unitAmount: '10', discount: '0.5', taxCode: 'EX', lineAmount: '2.83', tax: '0.00' },
      { quantity: '2', unitAmount: '57.75', discount: '15.50', taxCode: 'VAT15', lineAmount: '100.00', tax: '13.42' }, // 13.4199
    ],
    totalTax: '13.82',
    total: '105.83',
    subTotal: '92.01',
  },
  {
    // Halves round away from zero: a line amount of 1.005, taxes of 0.005, 0.015 and 0.6665.
    name: 'half cents, exclusive',
    inclusive: false,
    lines: [
      { quantity: '1.005', unitAmount: '1', taxCode: 'WHT5', lineAmount: '1.01', tax: '0.05' }, // 1.01 x 0.05 = 0.0505
      { quantity: '1', unitAmount: '0.10', taxCode: 'WHT5', lineAmount: '0.10', tax: '0.01' },
      { quantity: '1', unitAmount: '0.30', taxCode: 'WHT5', lineAmount: '0.30', tax: '0.02' },
      { quantity: '1', unitAmount: '4.30', taxCode: 'VAT15', lineAmount: '4.30', tax: '0.67' },
    ],
    totalTax: '0.75',
    total: '6.46',
    subTotal: '5.71',
  },
];

let t: TestSandbox;
let client: FhTestClient;
let apiKey: string;
beforeAll(async () => {
  t = await startTestSandbox();
  const account = t.sandbox.createAccount('shop');
  apiKey = account.apiKey;
  client = t.clientFor(account);
});
afterAll(() => t.close());

/** Decimal text moved by a number of cents (e.g. +2). */
const moved = (amount: string, cents: number): string => new Dec(amount).plus(new Dec(cents).dividedBy(100)).toFixed(2);

function body(v: Vector, figures: Partial<{ lineAmount: string; totalTax: string; total: string; subTotal: string }> = {}): Record<string, unknown> & { InvoiceId: string } {
  const id = randomUUID();
  return {
    InvoiceId: id,
    InvoiceNumber: `VEC-${id.slice(0, 8)}`,
    Reference: null,
    IsDiscounted: v.lines.some((l) => l.discount !== undefined),
    IsTaxInclusive: v.inclusive,
    BuyerContact: { Name: 'Cash Tendai' },
    Date: '2026-11-21T09:30:00+02:00',
    LineItems: v.lines.map((l, i) => ({
      Description: `Item ${i + 1}`,
      Quantity: l.quantity,
      UnitAmount: l.unitAmount,
      LineAmount: i === 0 && figures.lineAmount !== undefined ? figures.lineAmount : l.lineAmount,
      DiscountAmount: l.discount ?? null,
      TaxCode: l.taxCode,
      ProductCode: '73170000',
    })),
    SubTotal: figures.subTotal ?? v.subTotal,
    TotalTax: figures.totalTax ?? v.totalTax,
    Total: figures.total ?? v.total,
    CurrencyCode: 'USD',
    PaymentMethod: 'Cash',
    IsRetry: false,
  };
}

const submit = (doc: unknown): Promise<StatusJson> => t.submitAndProcess(client, 'invoice', doc);

describe.each(VECTORS)('$name', (v) => {
  it('fiscalises the figures worked out by hand, with the tax of each line', async () => {
    const doc = body(v);
    expect(await submit(doc)).toMatchObject({ Success: true, Error: null });
    const stored = t.sandbox.documents(apiKey).find((d) => d.documentId === doc.InvoiceId);
    expect(stored?.result?.fiscal?.lines.map((l) => l.tax)).toEqual(v.lines.map((l) => l.tax));
  });

  it('takes figures 0.01 off, the tolerance', async () => {
    expect((await submit(body(v, { totalTax: moved(v.totalTax, 1), subTotal: moved(v.subTotal, -1) }))).Success).toBe(true);
    expect((await submit(body(v, { total: moved(v.total, -1), subTotal: moved(v.subTotal, -1) }))).Success).toBe(true);
  });

  it('refuses a TotalTax, a Total or a LineAmount 0.02 off, naming the figure it expected', async () => {
    const tax = await submit(body(v, { totalTax: moved(v.totalTax, 2), subTotal: moved(v.subTotal, -2) }));
    expect(tax).toMatchObject({ Success: false, IsActionable: true, Error: `TotalTax is ${moved(v.totalTax, 2)} but the line taxes add up to ${v.totalTax}` });
    const total = await submit(body(v, { total: moved(v.total, 2), subTotal: moved(v.subTotal, 2) }));
    const lines = v.inclusive ? 'the lines' : 'the lines plus tax';
    expect(total).toMatchObject({ Success: false, IsActionable: true, Error: `Total is ${moved(v.total, 2)} but ${lines} add up to ${v.total}` });
    const first = v.lines[0]!;
    const line = await submit(body(v, { lineAmount: moved(first.lineAmount, -2) }));
    expect(line.Success).toBe(false);
    expect(line.Error?.split('; ')[0]).toBe(`Line 1: LineAmount is ${moved(first.lineAmount, -2)} but Quantity x UnitAmount - DiscountAmount is ${first.lineAmount}`);
  });
});
