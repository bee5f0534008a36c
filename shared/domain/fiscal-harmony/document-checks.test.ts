import { describe, expect, it } from 'vitest';
import { checkBuyer, checkDocument, checkLine, isHsCode } from './document-checks';
import type { LineItem } from './schemas';

const line: LineItem = { Description: 'Nails', Quantity: '2', UnitAmount: '5.25', LineAmount: '10.50', TaxCode: 'VAT15', ProductCode: '73170000' };

describe('line rules', () => {
  it('accepts a good line', () => {
    expect(checkLine(line, 1)).toEqual([]);
    expect(isHsCode('73170000')).toBe(true);
  });

  it('explains each problem', () => {
    const messages = (l: Partial<LineItem>): string[] => checkLine({ ...line, ...l }, 2).map((p) => p.message);
    expect(messages({ ProductCode: '1234' })).toEqual(['Line 2: ProductCode "1234" is not an 8-digit HS code']);
    expect(messages({ ProductCode: null })).toEqual(['Line 2 has no ProductCode: an 8-digit HS code is required']);
    expect(messages({ TaxCode: '' })).toEqual(['Line 2 has no TaxCode']);
    expect(messages({ Description: ' ' })).toEqual(['Line 2 has no Description']);
    expect(messages({ Quantity: '0' })).toEqual(['Line 2: Quantity must be more than 0']);
    expect(messages({ Quantity: '1.2345' })).toEqual(['Line 2: Quantity 1.2345 has more than 3 decimals']);
    expect(messages({ DiscountAmount: '11' })).toEqual(["Line 2: DiscountAmount 11.00 is more than the line's 10.50"]);
    expect(messages({ DiscountAmount: '-1' })).toEqual(['Line 2: DiscountAmount must not be negative']);
  });
});

describe('buyer rules', () => {
  it('checks name, TIN and VAT number', () => {
    expect(checkBuyer({ Name: 'Cash Tendai' })).toEqual([]);
    expect(checkBuyer({ Name: 'Acme', Tin: '2000123456', VatNumber: '220012345' })).toEqual([]);
    expect(checkBuyer({ Name: '' }).map((p) => p.rule)).toEqual(['buyer-name']);
    expect(checkBuyer({ Name: 'Acme', Tin: '12345' }).map((p) => p.message)).toEqual(['Buyer TIN "12345" must be 10 digits']);
    expect(checkBuyer({ Name: 'Acme', VatNumber: '220012345' }).map((p) => p.rule)).toEqual(['buyer-vat']);
  });
});

describe('checkDocument', () => {
  const doc = { IsTaxInclusive: true, LineItems: [line], SubTotal: '9.09', TotalTax: '1.41', Total: '10.50', BuyerContact: { Name: 'Cash Buyer' } };

  it('passes a consistent document and skips arithmetic when a tax is unknown', () => {
    expect(checkDocument(doc, () => '15.5')).toEqual([]);
    expect(checkDocument({ ...doc, Total: '99' }, () => undefined)).toEqual([]);
  });

  it('reports arithmetic and credit-note amounts', () => {
    expect(checkDocument({ ...doc, Total: '10.52', SubTotal: '9.11' }, () => '15.5').map((p) => p.rule)).toEqual(['arithmetic']);
    const zero = { ...doc, LineItems: [{ ...line, UnitAmount: '0', LineAmount: '0' }], SubTotal: '0', TotalTax: '0', Total: '0' };
    expect(checkDocument(zero, () => '15.5', 'credit-note').map((p) => p.rule)).toEqual(['credit-note-amount']);
  });
});
