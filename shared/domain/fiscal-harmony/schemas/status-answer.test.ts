import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExactJson } from '../../exact-json';
import { StatusResponseSchema } from './status';
import { plainStatusResults, readStatusResponse } from './status-answer';

const REAL = 'https://fdmstest.zimra.co.zw/0000033389140520260000000068CC86EF9CDFA968E3';
const qr = { QrCodeUrl: REAL, VerificationCode: 'CC86-EF9C-DFA9-68E3', FiscalDay: 42, DeviceId: 33389, InvoiceNumber: 7 };
const fiscalised = { RequestId: 'r1', Success: true, IsActionable: false, Error: null, FiscalInvoicePdf: 'fh-1.pdf', QrData: qr };
const failed = { RequestId: 'r2', Success: false, IsActionable: true, Error: 'Total does not match', FiscalInvoicePdf: null, QrData: null };

/** What the schema alone answers: the reference readStatusResponse must agree with. */
function bySchema(raw: unknown) {
  const parsed = StatusResponseSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

describe('readStatusResponse', () => {
  it('reads the answer the service sends without zod, exactly as the schema does', () => {
    const raw = parseExactJson(JSON.stringify([fiscalised, failed, { RequestId: 'r3', Success: false, Extra: { deep: 1 } }]));
    expect(plainStatusResults(raw)).toBeDefined();
    expect(readStatusResponse(raw)).toStrictEqual(bySchema(raw));
    expect(readStatusResponse(raw)).toStrictEqual([
      { ...fiscalised, QrData: { ...qr, Unreadable: null } },
      failed,
      { RequestId: 'r3', Success: false, IsActionable: false },
    ]);
  });

  it('keeps a bad QR address as received and says why', () => {
    const [result] = readStatusResponse([{ ...fiscalised, QrData: { ...qr, QrCodeUrl: 'http://evil.example/x' } }]) ?? [];
    expect(result?.QrData).toMatchObject({ QrCodeUrl: 'http://evil.example/x', Unreadable: expect.stringMatching(/ZIMRA's form/) as unknown });
    const [mismatch] = readStatusResponse([{ ...fiscalised, QrData: { ...qr, VerificationCode: 'AAAA-EF9C-DFA9-68E3' } }]) ?? [];
    expect(mismatch?.QrData?.Unreadable).toMatch(/does not match/);
  });

  it('leaves numeric texts to the schema, which reads them', () => {
    const raw = [{ ...fiscalised, QrData: { ...qr, FiscalDay: '42', DeviceId: ' 33389 ' } }];
    expect(plainStatusResults(raw)).toBeUndefined();
    expect(readStatusResponse(raw)?.[0]?.QrData).toMatchObject({ FiscalDay: 42, DeviceId: 33389 });
  });

  it.each([
    ['an object, not a list', { ...fiscalised }],
    ['null', null],
    ['a text', '[]'],
    ['a null result', [fiscalised, null]],
    ['a list as a result', [[fiscalised]]],
    ['no RequestId', [{ Success: true }]],
    ['a numeric RequestId', [{ ...fiscalised, RequestId: 1 }]],
    ['Success as text', [{ ...fiscalised, Success: 'true' }]],
    ['no Success', [{ RequestId: 'r' }]],
    ['IsActionable as text', [{ ...failed, IsActionable: 'false' }]],
    ['Error as a number', [{ ...failed, Error: 5 }]],
    ['FiscalInvoicePdf as an object', [{ ...fiscalised, FiscalInvoicePdf: {} }]],
    ['QrData as text', [{ ...fiscalised, QrData: 'x' }]],
    ['QrData as a list', [{ ...fiscalised, QrData: [qr] }]],
    ['a fiscal day with decimals (its text, from parseExactJson)', [{ ...fiscalised, QrData: { ...qr, FiscalDay: '1.5' } }]],
    ['a fiscal day a float', [{ ...fiscalised, QrData: { ...qr, FiscalDay: 1.5 } }]],
    ['a device id past 2^53', [{ ...fiscalised, QrData: { ...qr, DeviceId: 2 ** 53 } }]],
    ['a device id past 2^53 as text', [{ ...fiscalised, QrData: { ...qr, DeviceId: '9007199254740993' } }]],
    ['no invoice number', [{ ...fiscalised, QrData: { ...qr, InvoiceNumber: undefined } }]],
    ['a null QR address', [{ ...fiscalised, QrData: { ...qr, QrCodeUrl: null } }]],
    ['no verification code', [{ ...fiscalised, QrData: { QrCodeUrl: REAL, FiscalDay: 1, DeviceId: 1, InvoiceNumber: 1 } }]],
  ])('refuses %s, as the schema does', (_what, raw) => {
    expect(bySchema(raw)).toBeNull();
    expect(readStatusResponse(raw)).toBeNull();
  });

  it('answers as the schema does for any mix of right and wrong fields', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(REAL, 'CC86-EF9C-DFA9-68E3', ''));
    const anyValue = fc.oneof(
      text,
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.integer(),
      fc.constantFrom(-0, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, '42', ' 7 ', '1.5', '-3', '1e3', '9007199254740993'),
      fc.constant({}),
      fc.constant([]),
    );
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: anyValue });
    const whole = fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER));
    const qrData = fc.record(
      { QrCodeUrl: maybe(text), VerificationCode: maybe(text), FiscalDay: maybe(whole), DeviceId: maybe(whole), InvoiceNumber: maybe(whole), Extra: anyValue },
      { requiredKeys: ['QrCodeUrl', 'VerificationCode', 'FiscalDay', 'DeviceId', 'InvoiceNumber'] },
    );
    const optionalText = fc.oneof(text, fc.constant(null));
    const result = fc.record(
      {
        RequestId: maybe(text),
        Success: maybe(fc.boolean()),
        IsActionable: maybe(fc.oneof(fc.boolean(), fc.constant(null))),
        Error: maybe(optionalText),
        FiscalInvoicePdf: maybe(optionalText),
        QrData: maybe(fc.oneof(qrData, fc.constant(null))),
        Surprise: anyValue,
      },
      { requiredKeys: [] },
    );
    const answer = fc.oneof({ weight: 9, arbitrary: fc.array(result, { maxLength: 4 }) }, { weight: 1, arbitrary: anyValue });
    let readPlainly = 0;
    fc.assert(
      fc.property(answer, (raw) => {
        const plain = plainStatusResults(raw);
        if (plain !== undefined && Array.isArray(raw) && raw.length > 0) readPlainly += 1;
        if (plain !== undefined) expect(plain).toStrictEqual(bySchema(raw));
        expect(readStatusResponse(raw)).toStrictEqual(bySchema(raw));
      }),
      { numRuns: 3000 },
    );
    // The shortcut itself was held to the schema, not only the fallback.
    expect(readPlainly).toBeGreaterThan(100);
  });
});
