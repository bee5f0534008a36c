import { describe, expect, it } from 'vitest';
import { parseExactJson, stringifyExactJson } from '../exact-json';
import { documentBody } from './document-body';
import { CreditNoteSchema, InvoiceSchema } from './schemas';

const invoice = InvoiceSchema.parse({
  InvoiceId: 'inv-1',
  InvoiceNumber: 'INV-0001',
  IsTaxInclusive: true,
  BuyerContact: { Name: 'Cash Buyer' },
  Date: '2026-11-21T09:30:00',
  LineItems: [
    { Description: 'Nails', Quantity: '2.500', UnitAmount: '4.20', LineAmount: '10.50', DiscountAmount: null, TaxCode: 'VAT15', ProductCode: '73170000' },
    { Description: 'Gold', Quantity: '1', UnitAmount: '90071992547409.93', LineAmount: '90071992547409.93', TaxCode: 'EX', ProductCode: '71081300' },
  ],
  SubTotal: '90071992547419.02',
  TotalTax: '1.41',
  Total: '90071992547420.43',
  CurrencyCode: 'USD',
  PaymentMethod: 'Cash',
});

describe('documentBody', () => {
  it('writes every amount as a JSON number from its text, and leaves the rest alone', () => {
    const text = stringifyExactJson(documentBody(invoice));
    expect(text).toContain('"Quantity":2.5,"UnitAmount":4.2,"LineAmount":10.5,');
    expect(text).toContain('"DiscountAmount":null');
    expect(text).toContain('"UnitAmount":90071992547409.93,"LineAmount":90071992547409.93');
    expect(text).toContain('"SubTotal":90071992547419.02,"TotalTax":1.41,"Total":90071992547420.43');
    expect(text).toContain('"InvoiceId":"inv-1"');
    expect(text).not.toMatch(/"(Quantity|UnitAmount|LineAmount|SubTotal|TotalTax|Total)":"/);
    // What the service reads back is the document that was validated.
    expect(InvoiceSchema.parse(parseExactJson(text))).toEqual(invoice);
  });

  it('keeps money with the decimals it was given (fh-api.md: money with 2 decimals), e.g. from formatMoney', () => {
    const credit = CreditNoteSchema.parse({ ...invoice, CreditNoteId: 'cn-1', CreditNoteNumber: 'CN-1', OriginalInvoiceId: 'inv-1' });
    const text = stringifyExactJson(documentBody({ ...credit, TotalTax: '1.40', Total: '10.50' }));
    expect(text).toContain('"TotalTax":1.40,"Total":10.50');
    expect(text).toContain('"OriginalInvoiceId":"inv-1"');
  });
});
