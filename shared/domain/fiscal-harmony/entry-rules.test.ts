import { describe, expect, it } from 'vitest';
import { checkCreditAgainstInvoice, checkDocumentDate, checkDocumentNumber, checkLineLimits, checkTotalLimits, creditDeadline } from './entry-rules';
import { formatFhDate, parseFhDate } from './fh-date';
import type { LineItem } from './schemas';

// The app's side of ZIMRA's entry rules, at the same edges the sandbox is tested at over HTTP
// (main/sandbox/processing/zimra-entry-rules.test.ts).

const line = (overrides: Partial<LineItem> = {}): LineItem => ({ Description: 'Cement 50 kg', Quantity: '1', UnitAmount: '10', LineAmount: '10.00', DiscountAmount: null, TaxCode: 'EX', ProductCode: '25232900', ...overrides });
const rules = (problems: ReadonlyArray<{ rule: string }>): string[] => problems.map((p) => p.rule);
const at = (text: string): Date => {
  const date = parseFhDate(text);
  if (date === undefined) throw new Error(`not a date: ${text}`);
  return date;
};

describe('field sizes', () => {
  it('takes a unit price of 3 decimals, not 4', () => {
    expect(checkLineLimits(line({ Quantity: '2', UnitAmount: '1.125', LineAmount: '2.25' }), 1)).toEqual([]);
    expect(checkLineLimits(line({ UnitAmount: '1.2345', LineAmount: '1.23' }), 2)).toEqual([{ rule: 'unit-price-decimals', line: 2, message: 'Line 2: UnitAmount has more than 3 decimals' }]);
  });

  it('takes a description of 200 characters, not 201 (characters, not UTF-16 units)', () => {
    expect(checkLineLimits(line({ Description: 'é'.repeat(200) }), 1)).toEqual([]);
    expect(checkLineLimits(line({ Description: '😀'.repeat(200) }), 1)).toEqual([]);
    expect(rules(checkLineLimits(line({ Description: 'x'.repeat(201) }), 1))).toEqual(['description-length']);
  });

  it('takes a quantity and a unit price of 16 digits before the point, not 17', () => {
    expect(checkLineLimits(line({ Quantity: '9999999999999999', UnitAmount: '0.001', LineAmount: '10000000000000.00' }), 1)).toEqual([]);
    expect(checkLineLimits(line({ Quantity: '0.001', UnitAmount: '9999999999999999.999', LineAmount: '10000000000000.00' }), 1)).toEqual([]);
    expect(rules(checkLineLimits(line({ Quantity: '10000000000000000', UnitAmount: '0.001', LineAmount: '10000000000000.00' }), 1))).toEqual(['quantity-limit']);
    expect(rules(checkLineLimits(line({ Quantity: '0.001', UnitAmount: '10000000000000000', LineAmount: '10000000000000.00' }), 1))).toEqual(['unit-price-limit']);
    expect(rules(checkLineLimits(line({ Quantity: '1e30', LineAmount: '1e30' }), 1))).toEqual(['quantity-limit', 'amount-limit']);
  });

  it('takes line amounts and totals of 17 digits before the point, not 18', () => {
    expect(checkLineLimits(line({ Quantity: '1000', UnitAmount: '99999999999999.99', LineAmount: '99999999999999990.00' }), 1)).toEqual([]);
    expect(rules(checkLineLimits(line({ Quantity: '10000', UnitAmount: '99999999999999.99', LineAmount: '999999999999999900.00' }), 1))).toEqual(['amount-limit']);
    expect(rules(checkLineLimits(line({ DiscountAmount: '100000000000000000' }), 1))).toEqual(['amount-limit']);
    expect(checkTotalLimits({ SubTotal: '99999999999999999.99', TotalTax: '0', Total: '99999999999999999.99' })).toEqual([]);
    expect(checkTotalLimits({ SubTotal: '120000000000000000.00', TotalTax: '0', Total: '120000000000000000.00' }).map((p) => p.message)).toEqual([
      'SubTotal has more than 17 digits before the point',
      'Total has more than 17 digits before the point',
    ]);
  });

  it("takes a seller's number of 50 characters, not 51", () => {
    expect(checkDocumentNumber('N'.repeat(50))).toEqual([]);
    expect(rules(checkDocumentNumber('N'.repeat(51)))).toEqual(['number-length']);
  });
});

describe('the document date', () => {
  const now = at('2026-11-21T10:00:00+02:00');

  it('may be up to 5 minutes ahead of the clock, not later', () => {
    expect(checkDocumentDate(at('2026-11-21T10:05:00+02:00'), { now, lastFiscalised: null })).toEqual([]);
    expect(rules(checkDocumentDate(at('2026-11-21T10:05:01+02:00'), { now, lastFiscalised: null }))).toEqual(['date-future']);
    expect(rules(checkDocumentDate(at('2026-11-22T09:00:00+02:00'), { now, lastFiscalised: null }))).toEqual(['date-future']);
  });

  it('may be the second of the last fiscalised document, not before it', () => {
    const lastFiscalised = at('2026-11-21T09:30:00+02:00');
    expect(checkDocumentDate(at('2026-11-21T09:30:00+02:00'), { now, lastFiscalised })).toEqual([]);
    expect(checkDocumentDate(at('2026-11-21T09:29:59+02:00'), { now, lastFiscalised })).toEqual([
      { rule: 'date-before-last', message: 'Date 2026-11-21T09:29:59+02:00 is before the last fiscalised document (2026-11-21T09:30:00+02:00)' },
    ]);
  });
});

describe("a credit note's invoice", () => {
  const buyer = { Name: 'Msasa Builders', Tin: '2000111222', VatNumber: '220011122', Phone: '0772 000 111' };

  it('is at most 12 months before the credit note, to the second (CAT wall clock)', () => {
    const invoice = { date: at('2026-01-05T10:00:00+02:00'), buyer };
    expect(checkCreditAgainstInvoice(invoice, { date: at('2027-01-05T10:00:00+02:00'), buyer })).toEqual([]);
    expect(rules(checkCreditAgainstInvoice(invoice, { date: at('2027-01-05T10:00:01+02:00'), buyer }))).toEqual(['credit-age']);
    expect(formatFhDate(creditDeadline(at('2026-01-31T23:30:00+02:00')))).toBe('2027-01-31T23:30:00+02:00');
    expect(formatFhDate(creditDeadline(at('2028-02-29T12:00:00+02:00')))).toBe('2029-03-01T12:00:00+02:00');
  });

  it("is for the invoice's buyer: name, TIN and VAT number; contact details may change", () => {
    const invoice = { date: null, buyer };
    const date = at('2026-11-21T10:00:00+02:00');
    expect(checkCreditAgainstInvoice(invoice, { date, buyer: { ...buyer, Name: ' Msasa Builders ', Phone: '0772 999 999' } })).toEqual([]);
    expect(rules(checkCreditAgainstInvoice(invoice, { date, buyer: { Name: 'Cash Tendai' } }))).toEqual(['credit-buyer']);
    expect(rules(checkCreditAgainstInvoice(invoice, { date, buyer: { ...buyer, Tin: '2000111223' } }))).toEqual(['credit-buyer']);
    expect(rules(checkCreditAgainstInvoice(invoice, { date, buyer: { ...buyer, VatNumber: null } }))).toEqual(['credit-buyer']);
  });
});
