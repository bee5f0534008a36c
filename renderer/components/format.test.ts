import { describe, expect, it } from 'vitest';
import { formatAmount, formatShortTime, groupThousands, isPast } from './format';

describe('formatAmount', () => {
  it('groups thousands and keeps two places, from decimal strings', () => {
    expect(formatAmount('1234567.5', 'ZWG')).toBe('ZWG 1,234,567.50');
    expect(formatAmount('999.999', 'USD')).toBe('USD 1,000.00');
    expect(formatAmount('0.1')).toBe('0.10');
    expect(formatAmount('-1234.5', 'usd')).toBe('USD -1,234.50');
  });

  it('never loses digits a float would (beyond 2^53)', () => {
    expect(formatAmount('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
  });

  it('shows a dash for nothing and text that is not a number as given', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount('')).toBe('—');
    expect(formatAmount('abc')).toBe('abc');
  });

  it('groupThousands leaves short numbers alone', () => {
    expect(groupThousands('12.00')).toBe('12.00');
    expect(groupThousands('1000')).toBe('1,000');
  });
});

describe('isPast', () => {
  it('compares with now; nothing or nonsense is not past', () => {
    const now = new Date('2026-11-21T08:00:00Z');
    expect(isPast('2026-06-30T23:59:59', now)).toBe(true);
    expect(isPast('2027-01-01T00:00:00', now)).toBe(false);
    expect(isPast(null, now)).toBe(false);
    expect(isPast('soon', now)).toBe(false);
  });
});

describe('formatShortTime', () => {
  it('shows only the time today, and the day with the time on other days', () => {
    const now = new Date(2026, 10, 21, 15, 0);
    expect(formatShortTime(new Date(2026, 10, 21, 14, 5), now)).toBe('14:05');
    expect(formatShortTime(new Date(2026, 10, 20, 9, 30), now)).toBe('20 Nov, 09:30');
  });
});
