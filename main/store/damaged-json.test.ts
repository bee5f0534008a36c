import { describe, expect, it } from 'vitest';
import { parseDamagedJson } from './damaged-json';

describe('parseDamagedJson', () => {
  const whole = JSON.stringify({ a: 1, list: [{ id: 'x', name: 'A, "quoted" }' }, { id: 'y', name: 'B' }], tail: 'end' }, undefined, '\t');

  it('keeps every value finished before the cut', () => {
    const cut = whole.slice(0, whole.indexOf('"B"'));
    expect(parseDamagedJson(cut)).toEqual({ a: 1, list: [{ id: 'x', name: 'A, "quoted" }' }, { id: 'y' }] });
  });

  it('is not fooled by brackets and commas inside strings', () => {
    const cut = whole.slice(0, whole.indexOf('quoted'));
    expect(parseDamagedJson(cut)).toEqual({ a: 1, list: [{ id: 'x' }] });
  });

  it('reads a whole text as it is', () => {
    expect(parseDamagedJson(whole)).toEqual(JSON.parse(whole));
  });

  it('answers undefined for garbage', () => {
    expect(parseDamagedJson('garbage, really')).toBeUndefined();
    expect(parseDamagedJson('')).toBeUndefined();
    expect(parseDamagedJson('\u0000\u0001{')).toBeUndefined();
  });
});
