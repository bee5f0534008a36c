import { describe, expect, it } from 'vitest';
import { checkDocumentArithmetic, documentTotals, lineAmount, lineTax } from './arithmetic';

describe('line figures', () => {
  it('computes LineAmount = round2(Q x U - D)', () => {
    expect(lineAmount({ quantity: '3', unitAmount: '1.15' }).toFixed(2)).toBe('3.45');
    expect(lineAmount({ quantity: '0.333', unitAmount: '10', discountAmount: '0.5' }).toFixed(2)).toBe('2.83');
    expect(lineAmount({ quantity: '1.005', unitAmount: '1' }).toFixed(2)).toBe('1.01');
  });

  it('computes tax inclusive and exclusive', () => {
    expect(lineTax('115.50', '15.5', true).toFixed(2)).toBe('15.50');
    expect(lineTax('100', '15.5', false).toFixed(2)).toBe('15.50');
    expect(lineTax('10', '15.5', true).toFixed(2)).toBe('1.34');
    expect(lineTax('100', '0', false).toFixed(2)).toBe('0.00');
    expect(lineTax('100', null, false).toFixed(2)).toBe('0.00');
  });
});

describe('documentTotals', () => {
  it('adds tax on top when exclusive', () => {
    const t = documentTotals(
      [
        { lineAmount: '100', taxPercent: '15.5' },
        { lineAmount: '20', taxPercent: '5' },
        { lineAmount: '7', taxPercent: null },
      ],
      false,
    );
    expect(t.totalTax.toFixed(2)).toBe('16.50');
    expect(t.total.toFixed(2)).toBe('143.50');
    expect(t.subTotal.toFixed(2)).toBe('127.00');
  });

  it('keeps the total as the lines when inclusive', () => {
    const t = documentTotals([{ lineAmount: '115.50', taxPercent: '15.5' }], true);
    expect(t.total.toFixed(2)).toBe('115.50');
    expect(t.totalTax.toFixed(2)).toBe('15.50');
    expect(t.subTotal.toFixed(2)).toBe('100.00');
  });
});

describe('checkDocumentArithmetic', () => {
  const line = { quantity: '1', unitAmount: '115.50', lineAmount: '115.50', taxPercent: '15.5' };

  it('accepts consistent figures and a 0.01 difference', () => {
    expect(checkDocumentArithmetic({ isTaxInclusive: true, lines: [line], subTotal: '100.00', totalTax: '15.50', total: '115.50' })).toEqual([]);
    expect(checkDocumentArithmetic({ isTaxInclusive: true, lines: [line], subTotal: '100.01', totalTax: '15.50', total: '115.51' })).toEqual([]);
  });

  it('reports each wrong figure', () => {
    const problems = checkDocumentArithmetic({
      isTaxInclusive: true,
      lines: [{ ...line, lineAmount: '115.00' }],
      subTotal: '90',
      totalTax: '15.00',
      total: '115.50',
    });
    expect(problems.map((p) => p.message)).toEqual([
      'Line 1: LineAmount is 115.00 but Quantity x UnitAmount - DiscountAmount is 115.50',
      'TotalTax is 15.00 but the line taxes add up to 15.43',
      'Total is 115.50 but the lines add up to 115.00',
      'SubTotal is 90.00 but Total - TotalTax is 100.50',
    ]);
  });

  it('words the exclusive total with tax', () => {
    const problems = checkDocumentArithmetic({
      isTaxInclusive: false,
      lines: [{ quantity: '1', unitAmount: '100', lineAmount: '100', taxPercent: '15.5' }],
      subTotal: '99.98',
      totalTax: '15.50',
      total: '115.48',
    });
    expect(problems).toEqual([
      { kind: 'total', stated: '115.48', expected: '115.50', message: 'Total is 115.48 but the lines plus tax add up to 115.50' },
    ]);
  });
});
