import { describe, expect, it } from 'vitest';
import { catDay, formatFhDate, parseFhDate } from './fh-date';

describe('parseFhDate', () => {
  it('reads an offset', () => {
    expect(parseFhDate('2026-11-21T09:30:00+02:00')?.toISOString()).toBe('2026-11-21T07:30:00.000Z');
    expect(parseFhDate('2026-11-21T09:30:00Z')?.toISOString()).toBe('2026-11-21T09:30:00.000Z');
    expect(parseFhDate('2026-11-21T09:30:00.250-0130')?.toISOString()).toBe('2026-11-21T11:00:00.250Z');
  });

  it('reads a date without offset as CAT (UTC+2)', () => {
    expect(parseFhDate('2026-11-21T09:30:00')?.toISOString()).toBe('2026-11-21T07:30:00.000Z');
    expect(parseFhDate('2026-11-21')?.toISOString()).toBe('2026-11-20T22:00:00.000Z');
    expect(parseFhDate('2026-11-21T09:30')?.toISOString()).toBe('2026-11-21T07:30:00.000Z');
  });

  it('refuses what is not a date', () => {
    for (const bad of ['', 'yesterday', '2026-02-30T10:00:00', '2026-13-01', '2026-11-21T25:00:00', '21/11/2026']) {
      expect(parseFhDate(bad)).toBeUndefined();
    }
  });
});

describe('formatting in CAT', () => {
  it('writes the FH form and the CAT day', () => {
    const instant = new Date('2026-11-21T22:30:00Z');
    expect(formatFhDate(instant)).toBe('2026-11-22T00:30:00+02:00');
    expect(catDay(instant)).toBe('2026-11-22');
  });
});
