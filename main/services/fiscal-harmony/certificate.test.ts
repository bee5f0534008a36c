import { describe, expect, it } from 'vitest';
import { certificateState } from './certificate';

const now = new Date('2026-11-21T08:00:00Z');

describe('certificateState', () => {
  it.each([
    ['2027-06-30T00:00:00', 'valid'],
    ['2026-12-20T23:59:00+02:00', 'expiring'],
    ['2026-11-21T09:00:00+02:00', 'expired'],
  ] as const)('%s is %s', (validTill, state) => {
    expect(certificateState(validTill, now).state).toBe(state);
  });

  it('counts whole days left', () => {
    expect(certificateState('2026-12-01T10:00:00+02:00', now).daysLeft).toBe(10);
  });

  it('says unknown when the date is missing or unreadable', () => {
    expect(certificateState(null, now)).toEqual({ validTill: null, daysLeft: null, state: 'unknown' });
    expect(certificateState('soon', now).state).toBe('unknown');
  });
});
