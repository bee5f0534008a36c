import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatDateTime, formatShortTime, formatTime, groupThousands, isPast } from './format';

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
  it('shows only the time today (in CAT), and the day with the time on other days, labelled CAT', () => {
    const now = new Date('2026-11-21T13:00:00Z');
    expect(formatShortTime(new Date('2026-11-21T12:05:00Z'), now)).toBe('14:05 CAT');
    expect(formatShortTime(new Date('2026-11-20T07:30:00Z'), now)).toBe('20 Nov, 09:30 CAT');
    // 23:30 UTC is already the next day in Harare.
    expect(formatShortTime(new Date('2026-11-20T23:30:00Z'), now)).toBe('01:30 CAT');
  });
});

describe('dates and times are Zimbabwe\'s (CAT), whatever the computer\'s time zone', () => {
  it('shows a Fiscal Harmony date at its own CAT wall clock, 24-hour, day first, labelled CAT', () => {
    expect(formatDateTime('2026-12-03T09:05:00+02:00')).toBe('3 Dec 2026, 09:05 CAT');
    expect(formatDateTime('2026-12-03T22:30:00Z')).toBe('4 Dec 2026, 00:30 CAT');
    // Without an offset a Fiscal Harmony date is CAT, not this computer's time zone.
    expect(formatDateTime('2026-12-03T15:53:00')).toBe('3 Dec 2026, 15:53 CAT');
    expect(formatDateTime(Date.UTC(2026, 8, 1, 6, 0))).toBe('1 Sep 2026, 08:00 CAT');
    expect(formatTime('2026-12-03T15:53:00+02:00')).toBe('15:53 CAT');
  });

  it('gives the CAT calendar day, and the text as given when it is not a date', () => {
    expect(formatDate('2026-12-03T23:30:00Z')).toBe('4 Dec 2026');
    expect(formatDate('2026-06-30')).toBe('30 Jun 2026');
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate(null)).toBe('—');
  });
});
