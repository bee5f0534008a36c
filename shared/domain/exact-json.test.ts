import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactJsonNumber, parseExactJson, parseExactJsonBySource, stringifyExactJson } from './exact-json';
import { toDecimal } from './money';

describe('parseExactJson', () => {
  it('keeps safe integers as numbers and hands over every other number as its source text', () => {
    expect(
      parseExactJson('{"id": 42, "neg": -7, "whole": 42.0, "exp": 1e3, "amount": 90071992547409.93, "cents": 12.50, "tiny": 1e-2, "almost": 1.0000000000000000001, "big": 12345678901234567890, "huge": 1e400}'),
    ).toEqual({
      id: 42,
      neg: -7,
      whole: 42,
      exp: 1000,
      amount: '90071992547409.93',
      cents: '12.50',
      tiny: '1e-2',
      almost: '1.0000000000000000001',
      big: '12345678901234567890',
      huge: '1e400',
    });
    expect(JSON.parse('90071992547409.93')).toBe(90071992547409.94); // what it protects from
  });

  it('leaves strings, booleans, null and nesting alone, and throws on bad JSON', () => {
    expect(parseExactJson('[{"a": ["1.5", true, null, [2.25]]}]')).toEqual([{ a: ['1.5', true, null, ['2.25']] }]);
    expect(parseExactJson('3.5')).toBe('3.5');
    expect(() => parseExactJson('{"a": 1.}')).toThrow(SyntaxError);
    expect(() => parseExactJson('{"a": "unclosed}')).toThrow(SyntaxError);
  });

  it('answers as the source-text reader does when it takes its shortcut for whole numbers', () => {
    const texts = [
      '[1,-2,0,-0,123456789012345,-123456789012345]',
      '{"QrCodeUrl":"https://fdmstest.zimra.co.zw/0000023401211120260000000121C8C8","FiscalDay":42}',
      '{"a":"quoted \\"1.5\\" inside","b":12,"c":"\\\\","d":7.5}',
      '[1234567890123456, 9007199254740993, 1e2, 12.50]',
    ];
    for (const text of texts) expect(parseExactJson(text)).toEqual(parseExactJsonBySource(text));
    // Any JSON, with decimals written the way a service writes them.
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.bigInt())), (value, numbers) => {
        const text = JSON.stringify({ value, numbers: numbers.map((number) => JSON.parse(`{"n":${String(number)}}`) as unknown) });
        expect(parseExactJson(text)).toEqual(parseExactJsonBySource(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('stringifyExactJson', () => {
  it('writes a Dec as a JSON number with all its digits, never an exponent', () => {
    const text = stringifyExactJson({ Total: toDecimal('90071992547409.93'), Tiny: toDecimal('1e-9'), Big: toDecimal('1e21'), Label: '115.50', Count: 3 });
    expect(text).toBe('{"Total":90071992547409.93,"Tiny":0.000000001,"Big":1000000000000000000000,"Label":"115.50","Count":3}');
    expect(parseExactJson(text)).toMatchObject({ Total: '90071992547409.93' });
  });

  it('writes exactJsonNumber text as typed (trailing zeros kept), in arrays and at the top', () => {
    expect(stringifyExactJson([exactJsonNumber('115.50'), exactJsonNumber(toDecimal('-0.5'))])).toBe('[115.50,-0.5]');
    expect(stringifyExactJson(toDecimal('7.25'))).toBe('7.25');
  });

  it('refuses what is not a JSON number', () => {
    for (const bad of ['1,5', '.5', '+1', '01', 'NaN', '', '1e']) expect(() => exactJsonNumber(bad)).toThrow(/Not a decimal number/);
    expect(() => stringifyExactJson({ a: toDecimal('NaN') })).toThrow(/Not a decimal number/);
    expect(() => stringifyExactJson({ a: toDecimal('Infinity') })).toThrow(/Not a decimal number/);
  });
});
