import { describe, expect, it } from 'vitest';
import { inDays } from './time-left';

describe('inDays', () => {
  it('never says "in 0 days"', () => {
    expect([null, -1, 0, 1, 2, 30].map(inDays)).toEqual(['in less than a day', 'in less than a day', 'in less than a day', 'in 1 day', 'in 2 days', 'in 30 days']);
  });
});
