import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditNote, demoInvoice } from '../test-support/demo-documents';
import type { FhTestClient, StatusJson } from '../test-support/fh-test-client';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

// ZIMRA's entry rules as the sandbox applies them, over HTTP: field sizes, the receipt date and
// a credit note's invoice. The app's check of the same documents: shared/domain/fiscal-harmony/
// entry-rules.test.ts; the two are held together by draft-check.property.test.ts.

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const submit = (c: FhTestClient, doc: unknown, kind: 'invoice' | 'creditnote' = 'invoice'): Promise<StatusJson> => t.submitAndProcess(c, kind, doc);

async function refused(c: FhTestClient, doc: unknown, error: string, kind: 'invoice' | 'creditnote' = 'invoice'): Promise<void> {
  expect(await submit(c, doc, kind)).toMatchObject({ Success: false, IsActionable: true, Error: error, QrData: null });
}

async function accepted(c: FhTestClient, doc: unknown, kind: 'invoice' | 'creditnote' = 'invoice'): Promise<void> {
  expect(await submit(c, doc, kind)).toMatchObject({ Success: true, Error: null });
}

/** An exempt one-line invoice with its figures written out as decimal text (no float on the way). */
function exemptInvoice(quantity: string, unitAmount: string, lineAmount: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const doc = demoInvoice();
  return {
    ...doc,
    LineItems: [{ Description: 'Cement 50 kg', Quantity: quantity, UnitAmount: unitAmount, LineAmount: lineAmount, DiscountAmount: null, TaxCode: 'EX', ProductCode: '25232900' }],
    SubTotal: lineAmount,
    TotalTax: '0',
    Total: lineAmount,
    ...extra,
  };
}

describe('field sizes (ZIMRA Decimal(19,3), Decimal(19,2), String(200), String(50))', () => {
  it('takes a unit price of 3 decimals, not 4', async () => {
    const c = t.freshClient('shop');
    await accepted(c, exemptInvoice('2', '1.125', '2.25'));
    await refused(c, exemptInvoice('1', '1.2345', '1.23'), 'Line 1: UnitAmount 1.2345 has more than 3 decimals');
  });

  it('takes a description of 200 characters, not 201', async () => {
    const c = t.freshClient('shop');
    const described = (text: string) => {
      const doc = exemptInvoice('1', '10', '10.00');
      return { ...doc, LineItems: (doc.LineItems as object[]).map((l) => ({ ...l, Description: text })) };
    };
    await accepted(c, described('é'.repeat(200)));
    await refused(c, described('x'.repeat(201)), 'Line 1: Description is longer than 200 characters (201)');
  });

  it("takes a seller's number of 50 characters, not 51, on invoices and credit notes", async () => {
    const c = t.freshClient('shop');
    const invoice = demoInvoice({ number: 'N'.repeat(50) });
    await accepted(c, invoice);
    await refused(c, demoInvoice({ number: 'N'.repeat(51) }), 'InvoiceNumber is longer than 50 characters');
    await refused(c, demoCreditNote(invoice.InvoiceId, { number: 'C'.repeat(51), lines: [{ quantity: '1', unitAmount: '10' }] }), 'CreditNoteNumber is longer than 50 characters', 'creditnote');
  });

  it('takes a quantity and a unit price of 16 digits before the point, not 17', async () => {
    const c = t.freshClient('shop');
    await accepted(c, exemptInvoice('9999999999999999', '0.001', '10000000000000.00'));
    await accepted(c, exemptInvoice('0.001', '9999999999999999', '10000000000000.00'));
    await refused(c, exemptInvoice('10000000000000000', '0.001', '10000000000000.00'), 'Line 1: Quantity 10000000000000000 is too large (at most 16 digits before the decimal point)');
    await refused(c, exemptInvoice('0.001', '10000000000000000', '10000000000000.00'), 'Line 1: UnitAmount 10000000000000000 is too large (at most 16 digits before the decimal point)');
  });

  it('refuses the quantity of 1e30 that was once fiscalised, as the JSON number it came as', async () => {
    const c = t.freshClient('shop');
    // Numbers as JSON numbers (the client's body is JSON text: 1e30 goes as 1e+30).
    const doc = { ...exemptInvoice('1', '1', '1'), LineItems: [{ ...(exemptInvoice('1', '1', '1').LineItems as object[])[0], Quantity: 1e30, LineAmount: 1e30 }], SubTotal: 1e30, Total: 1e30 };
    const result = await submit(c, doc);
    expect(result.Success).toBe(false);
    const big = '1' + '0'.repeat(30);
    expect(result.Error).toContain(`Line 1: Quantity ${big} is too large (at most 16 digits before the decimal point)`);
    expect(result.Error).toContain(`Total ${big} is too large (at most 17 digits before the decimal point)`);
  });

  it('refuses line amounts and totals past 17 digits before the point, whose parts fit', async () => {
    const c = t.freshClient('shop');
    await accepted(c, exemptInvoice('1000', '99999999999999.99', '99999999999999990.00'));
    await refused(
      c,
      exemptInvoice('10000', '99999999999999.99', '999999999999999900.00'),
      'Line 1: LineAmount 999999999999999900 is too large (at most 17 digits before the decimal point); SubTotal 999999999999999900 is too large (at most 17 digits before the decimal point); Total 999999999999999900 is too large (at most 17 digits before the decimal point)',
    );
    const two = exemptInvoice('1000', '60000000000000', '60000000000000000.00');
    const line = (two.LineItems as object[])[0];
    await refused(
      c,
      { ...two, LineItems: [line, line], SubTotal: '120000000000000000.00', Total: '120000000000000000.00' },
      'SubTotal 120000000000000000 is too large (at most 17 digits before the decimal point); Total 120000000000000000 is too large (at most 17 digits before the decimal point)',
    );
  });
});

describe('the receipt date (ZIMRA RCPT031, RCPT030)', () => {
  // The test clock stands at 2026-11-21T10:00:00+02:00.
  it('takes a date up to 5 minutes ahead of its clock (a till running fast), not later', async () => {
    const c = t.freshClient('shop');
    await refused(c, demoInvoice({ date: '2026-11-21T10:05:01+02:00' }), 'Date 2026-11-21T10:05:01+02:00 is in the future');
    await refused(c, demoInvoice({ date: '2026-11-22T09:00:00+02:00' }), 'Date 2026-11-22T09:00:00+02:00 is in the future');
    await accepted(c, demoInvoice({ date: '2026-11-21T10:05:00+02:00' }));
  });

  it('refuses a date before the last fiscalised receipt of the account; the same second, refused ones and other accounts do not count', async () => {
    const c = t.freshClient('shop');
    await accepted(c, demoInvoice({ date: '2026-11-21T09:30:00+02:00' }));
    await refused(c, { ...demoInvoice({ date: '2026-11-21T09:50:00+02:00' }), Total: 1 }, 'Total is 1.00 but the lines add up to 115.50; SubTotal is 100.00 but Total - TotalTax is -14.50');
    await accepted(c, demoInvoice({ date: '2026-11-21T09:30:00+02:00' }));
    await refused(c, demoInvoice({ date: '2026-11-21T09:29:59+02:00' }), 'Date 2026-11-21T09:29:59+02:00 is before the last fiscalised receipt (2026-11-21T09:30:00+02:00)');
    await accepted(t.freshClient('shop'), demoInvoice({ date: '2026-11-21T09:29:59+02:00' }));
    const invoice = demoInvoice({ date: '2026-11-21T09:40:00+02:00' });
    await accepted(c, invoice);
    await accepted(c, demoCreditNote(invoice.InvoiceId, { date: '2026-11-21T09:45:00+02:00', lines: [{ quantity: '1', unitAmount: '10' }] }), 'creditnote');
    await refused(c, demoInvoice({ date: '2026-11-21T09:44:00+02:00' }), 'Date 2026-11-21T09:44:00+02:00 is before the last fiscalised receipt (2026-11-21T09:45:00+02:00)');
  });
});

describe("RCPT030's previous receipt follows the order documents arrived in", () => {
  it('does not refuse an earlier-dated document that arrived first but took longer to process; one that arrived after is refused', async () => {
    const c = t.freshClient('shop');
    t.sandbox.setFaults({ slowProcessingRate: 1 });
    const slow = await c.submit('invoice', demoInvoice({ date: '2026-11-21T09:00:00+02:00' }));
    t.sandbox.resetFaults();
    t.clock.advance(1000);
    const later = await c.submit('invoice', demoInvoice({ date: '2026-11-21T09:01:00+02:00' }));
    t.sandbox.processNow();
    t.clock.advance(1000);
    const afterIt = await c.submit('invoice', demoInvoice({ date: '2026-11-21T09:00:30+02:00' }));
    t.sandbox.processNow({ includeSlow: true });
    const results = new Map((await c.status([slow, later, afterIt])).map((result) => [result.RequestId, result]));
    expect(results.get(later)).toMatchObject({ Success: true });
    expect(results.get(slow)).toMatchObject({ Success: true, Error: null });
    expect(results.get(afterIt)).toMatchObject({
      Success: false,
      Error: 'Date 2026-11-21T09:00:30+02:00 is before the last fiscalised receipt (2026-11-21T09:01:00+02:00)',
    });
  });
});

describe("a credit note's invoice (ZIMRA RCPT033; Paynow: the same buyer)", () => {
  it('credits an invoice of up to 12 months before it, to the second', async () => {
    const c = t.freshClient('shop');
    const invoice = demoInvoice({ date: '2026-01-05T10:00:00+02:00' });
    t.clock.set('2026-01-05T08:00:00Z');
    try {
      await accepted(c, invoice);
      t.clock.set('2027-01-05T09:00:00Z');
      const note = (date: string) => demoCreditNote(invoice.InvoiceId, { date, lines: [{ quantity: '1', unitAmount: '10' }] });
      await refused(
        c,
        note('2027-01-05T10:00:01+02:00'),
        `Original invoice "${invoice.InvoiceId}" is dated 2026-01-05T10:00:00+02:00, more than 12 months before the credit note`,
        'creditnote',
      );
      await accepted(c, note('2027-01-05T10:00:00+02:00'), 'creditnote');
    } finally {
      t.clock.set('2026-11-21T08:00:00Z');
    }
  });

  it("credits only to the invoice's buyer: name, TIN and VAT number", async () => {
    const c = t.freshClient('shop');
    const invoice = { ...demoInvoice(), BuyerContact: { Name: 'Msasa Builders', Tin: '2000111222', VatNumber: '220011122', Phone: '0772 000 111' } };
    await accepted(c, invoice);
    const note = (BuyerContact: Record<string, unknown>) => ({ ...demoCreditNote(invoice.InvoiceId, { lines: [{ quantity: '1', unitAmount: '10' }] }), BuyerContact });
    const error = "BuyerContact differs from the original invoice's buyer (Name, Tin and VatNumber must match)";
    await refused(c, note({ Name: 'Cash Tendai' }), error, 'creditnote');
    await refused(c, note({ Name: 'Msasa Builders', Tin: '2000111223', VatNumber: '220011122' }), error, 'creditnote');
    await refused(c, note({ Name: 'Msasa Builders', Tin: '2000111222' }), error, 'creditnote');
    // The contact details may have changed since; who the buyer is may not.
    await accepted(c, note({ Name: ' Msasa Builders ', Tin: '2000111222', VatNumber: '220011122', Phone: '0772 999 999' }), 'creditnote');
  });
});
