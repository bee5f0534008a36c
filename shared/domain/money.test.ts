import { describe, expect, it } from 'vitest';
import { decimalPlaces, formatMoney, round2, sum, withinTolerance } from './money';

describe('round2', () => {
  it('rounds half away from zero', () => {
    expect(round2('2.345').toFixed(2)).toBe('2.35');
    expect(round2('-2.345').toFixed(2)).toBe('-2.35');
    expect(round2('2.344999').toFixed(2)).toBe('2.34');
    expect(round2('0.005').toFixed(2)).toBe('0.01');
  });

  it('has no float error', () => {
    expect(sum(['0.1', '0.2']).toFixed()).toBe('0.3');
    expect(round2('1.005').toFixed(2)).toBe('1.01');
  });
});

describe('helpers', () => {
  it('formats money with two places', () => {
    expect(formatMoney('115.5')).toBe('115.50');
    expect(formatMoney('3')).toBe('3.00');
  });

  it('takes decimals or decimal text, never a JS number (checked by tsc)', () => {
    // @ts-expect-error a number may have been through a float already
    expect(() => formatMoney(0.1)).not.toThrow();
    // @ts-expect-error likewise in sums
    expect(sum([1, '2']).toFixed()).toBe('3');
  });

  it('counts significant decimals', () => {
    expect(decimalPlaces('1.250')).toBe(2);
    expect(decimalPlaces('1.2505')).toBe(4);
  });

  it('compares with an inclusive tolerance', () => {
    expect(withinTolerance('115.50', '115.49')).toBe(true);
    expect(withinTolerance('115.50', '115.48')).toBe(false);
  });
});
