import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatusResultSchema } from './schemas/status';
import { parseZimraQrUrl, parseZimraQrUrlThroughUrl, qrProblemOf, VERIFICATION_CODE } from './zimra-qr-url';

// ZIMRA's QR address (ZS §11): qrUrl + deviceID(10) + ddMMyyyy + receiptGlobalNo(10) + 16 hex.
// The real test address and code are from Panier-App/ZIMRA's README (zimra-rules.md section 1).
const REAL = 'https://fdmstest.zimra.co.zw/0000033389140520260000000068CC86EF9CDFA968E3';

describe('parseZimraQrUrl', () => {
  it('reads the device id, date, global number, code and site of ZIMRA\'s own test address', () => {
    expect(parseZimraQrUrl(REAL)).toEqual({
      url: REAL,
      site: 'https://fdmstest.zimra.co.zw/',
      deviceId: 33389,
      receiptDate: '2026-05-14',
      receiptGlobalNo: 68,
      verificationCode: 'CC86-EF9C-DFA9-68E3',
    });
    expect(qrProblemOf(REAL, 'CC86-EF9C-DFA9-68E3')).toBeNull();
  });

  it('reads the specification\'s example (ZS §11 p.39)', () => {
    expect(parseZimraQrUrl('https://invoice.zimra.co.zw/00000003210304202311122233314C8BE27663330417')).toMatchObject({
      deviceId: 321,
      receiptDate: '2023-04-03',
      receiptGlobalNo: 1112223331,
      site: 'https://invoice.zimra.co.zw/',
      verificationCode: '4C8B-E276-6333-0417',
    });
  });

  it.each([
    ['not https', REAL.replace('https:', 'http:')],
    ['javascript', 'javascript:alert(1)//0000033389140520260000000068CC86EF9CDFA968E3'],
    ['no URL at all', 'not a url'],
    ['a short tail', 'https://fdmstest.zimra.co.zw/0000033389140520260000000068CC86EF9C'],
    ['a month 13', 'https://fdmstest.zimra.co.zw/0000033389141320260000000068CC86EF9CDFA968E3'],
    ['credentials', 'https://user:pw@fdmstest.zimra.co.zw/0000033389140520260000000068CC86EF9CDFA968E3'],
    ['a query', `${REAL}?x=1`],
    ['huge', `https://fdmstest.zimra.co.zw/${'a'.repeat(300)}0000033389140520260000000068CC86EF9CDFA968E3`],
  ])('refuses %s', (_what, url) => {
    expect(parseZimraQrUrl(url)).toBeNull();
    expect(qrProblemOf(url, 'CC86-EF9C-DFA9-68E3')).not.toBeNull();
  });

  it('refuses a verification code that is malformed or does not match the address', () => {
    expect(qrProblemOf(REAL, 'cc86ef9cdfa968e3')).toMatch(/form/);
    expect(qrProblemOf(REAL, 'AAAA-EF9C-DFA9-68E3')).toMatch(/does not match/);
  });
});

describe('parseZimraQrUrl, the tail read at fixed places', () => {
  const TAIL = '0000033389140520260000000068CC86EF9CDFA968E3';
  const read = { deviceId: 33389, receiptDate: '2026-05-14', receiptGlobalNo: 68, verificationCode: 'CC86-EF9C-DFA9-68E3' };

  it.each([
    ['lower-case hex', `https://fdmstest.zimra.co.zw/${TAIL.toLowerCase()}`, 'https://fdmstest.zimra.co.zw/'],
    ['a path before the tail', `https://fdmstest.zimra.co.zw/verify/${TAIL}`, 'https://fdmstest.zimra.co.zw/verify/'],
    ['the tail inside the last segment', `https://fdmstest.zimra.co.zw/abc${TAIL}`, 'https://fdmstest.zimra.co.zw/abc'],
    ['a host in capitals and a port', `https://FDMSTEST.Zimra.co.zw:8443/${TAIL}`, 'https://fdmstest.zimra.co.zw:8443/'],
    ['the default port', `https://fdmstest.zimra.co.zw:443/${TAIL}`, 'https://fdmstest.zimra.co.zw/'],
    ['a dot segment', `https://fdmstest.zimra.co.zw/a/../${TAIL}`, 'https://fdmstest.zimra.co.zw/'],
  ])('reads %s as URL normalises it', (_what, url, site) => {
    expect(parseZimraQrUrl(url)).toEqual({ url, site, ...read });
  });

  it.each([
    ['day 00', 'https://fdmstest.zimra.co.zw/0000033389001120260000000068CC86EF9CDFA968E3'],
    ['day 32', 'https://fdmstest.zimra.co.zw/0000033389321120260000000068CC86EF9CDFA968E3'],
    ['month 00', 'https://fdmstest.zimra.co.zw/0000033389140020260000000068CC86EF9CDFA968E3'],
    ['a digit short', 'https://fdmstest.zimra.co.zw/000003338914052026000000068CC86EF9CDFA968E3'],
    ['a letter past F', 'https://fdmstest.zimra.co.zw/0000033389140520260000000068CC86EF9CDFA968EG'],
    ['a fragment', `https://fdmstest.zimra.co.zw/${TAIL}#x`],
    ['a slash after the tail', `https://fdmstest.zimra.co.zw/${TAIL}/`],
  ])('refuses %s', (_what, url) => {
    expect(parseZimraQrUrl(url)).toBeNull();
  });
});

describe('ZIMRA\'s own sites, read from the text', () => {
  const TAIL = '0000033389140520260000000068CC86EF9CDFA968E3';
  const SITES = ['https://fdms.zimra.co.zw/', 'https://fdmstest.zimra.co.zw/', 'https://invoice.zimra.co.zw/'];

  it('reads each site and its tail as URL does', () => {
    for (const site of SITES) {
      expect(parseZimraQrUrl(`${site}${TAIL}`)).toEqual({ url: `${site}${TAIL}`, site, deviceId: 33389, receiptDate: '2026-05-14', receiptGlobalNo: 68, verificationCode: 'CC86-EF9C-DFA9-68E3' });
      expect(qrProblemOf(`${site}${TAIL.toLowerCase()}`, 'CC86-EF9C-DFA9-68E3')).toBeNull();
      expect(qrProblemOf(`${site}${TAIL}`, 'CC86-EF9C-DFA9-68E4')).toMatch(/does not match/);
      expect(qrProblemOf(`${site}${TAIL}`, 'cc86-ef9c-dfa9-68e3')).toMatch(/form/);
    }
  });

  it.each([
    ['a day 00', 'https://fdms.zimra.co.zw/0000033389001120260000000068CC86EF9CDFA968E3'],
    ['a month 13', 'https://fdms.zimra.co.zw/0000033389141320260000000068CC86EF9CDFA968E3'],
    ['a tab in the tail (URL drops it, leaving it short)', `https://fdms.zimra.co.zw/${TAIL.slice(0, 20)}\t${TAIL.slice(21)}`],
    ['a slash in the tail', `https://fdms.zimra.co.zw/${TAIL.slice(0, 20)}/${TAIL.slice(21)}`],
    ['a query in the tail', `https://fdms.zimra.co.zw/${TAIL.slice(0, 43)}?`],
    ['a letter among the digits', `https://fdms.zimra.co.zw/${TAIL.slice(0, 5)}A${TAIL.slice(6)}`],
    ['the site without its slash', `https://fdms.zimra.co.zw${TAIL}`],
  ])('refuses %s, as URL does', (_what, url) => {
    expect(parseZimraQrUrl(url)).toBeNull();
    expect(parseZimraQrUrlThroughUrl(url)).toBeNull();
    expect(qrProblemOf(url, 'CC86-EF9C-DFA9-68E3')).toMatch(/ZIMRA's form/);
  });

  it('answers as URL does for any site and any tail near ZIMRA\'s form', () => {
    const site = fc.constantFrom(...SITES, 'https://FDMS.zimra.co.zw/', 'https://fdms.zimra.co.zw:443/', 'https://fdms.zimra.co.zw./', 'https://fdms.zimra.co.zw//', 'https://evil.example/');
    const char = fc.constantFrom(...'0123456789abcdefABCDEFgG/.%?#\\ \t@:-_~'.split(''));
    const mutated = fc.tuple(fc.integer({ min: 0, max: 43 }), char, fc.constantFrom(0, 1)).map(([at, replacement, drop]) => `${TAIL.slice(0, at)}${replacement}${TAIL.slice(at + drop)}`);
    const tail = fc.oneof(fc.stringMatching(/^\d{10}(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{14}[0-9A-Fa-f]{16}$/), mutated, fc.stringMatching(/^[0-9A-Fa-f]{44}$/));
    fc.assert(
      fc.property(site, tail, (prefix, end) => {
        expect(parseZimraQrUrl(`${prefix}${end}`)).toEqual(parseZimraQrUrlThroughUrl(`${prefix}${end}`));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('qrProblemOf on ZIMRA\'s own sites, read in place', () => {
  const TAIL = '0000033389140520260000000068cc86ef9cdfa968e3';
  const URL_OF = `https://fdmstest.zimra.co.zw/${TAIL}`;

  /** The verdict from the address read through URL: what qrProblemOf must answer. */
  function throughUrl(url: string, code: string): string | null {
    const parsed = parseZimraQrUrlThroughUrl(url);
    if (parsed === null) return 'The QR address is not an https address in ZIMRA\'s form';
    if (!VERIFICATION_CODE.test(code)) return 'The verification code is not in the form XXXX-XXXX-XXXX-XXXX';
    return parsed.verificationCode === code ? null : 'The verification code does not match the QR address';
  }

  it.each([
    ['its own code', 'CC86-EF9C-DFA9-68E3', null],
    ['its code in small letters', 'cc86-ef9c-dfa9-68e3', /form/],
    ['its code with the dashes moved', 'CC86E-F9C-DFA9-68E3', /form/],
    ['its code without dashes', 'CC86EF9CDFA968E3', /form/],
    ['its code and one more character', 'CC86-EF9C-DFA9-68E3-', /form/],
    ['another code', 'CC86-EF9C-DFA9-68E4', /does not match/],
  ])('answers for %s as through URL', (_what, code, expected) => {
    const problem = qrProblemOf(URL_OF, code);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
    expect(problem).toBe(throughUrl(URL_OF, code));
  });

  it('answers as through URL for any code near the address\'s own', () => {
    const own = 'CC86-EF9C-DFA9-68E3';
    const char = fc.constantFrom(...'0123456789abcdefABCDEFG-x '.split(''));
    const code = fc.oneof(
      fc.constant(own),
      fc.tuple(fc.integer({ min: 0, max: 18 }), char, fc.constantFrom(0, 1)).map(([at, replacement, drop]) => `${own.slice(0, at)}${replacement}${own.slice(at + drop)}`),
    );
    const day = fc.integer({ min: 0, max: 39 }).map((value) => String(value).padStart(2, '0'));
    const url = day.map((dd) => `https://fdmstest.zimra.co.zw/${TAIL.slice(0, 10)}${dd}${TAIL.slice(12)}`);
    fc.assert(
      fc.property(url, code, (address, candidate) => {
        expect(qrProblemOf(address, candidate)).toBe(throughUrl(address, candidate));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the status result schema', () => {
  const result = (QrCodeUrl: string) => ({ RequestId: 'r1', Success: true, QrData: { QrCodeUrl, VerificationCode: 'CC86-EF9C-DFA9-68E3', FiscalDay: 1, DeviceId: 33389, InvoiceNumber: 3 } });

  it('keeps a bad QR address as received and says why, without refusing the answer', () => {
    const parsed = StatusResultSchema.parse(result('https://evil.example/%%%'));
    expect(parsed.QrData?.QrCodeUrl).toBe('https://evil.example/%%%');
    expect(parsed.QrData?.Unreadable).toMatch(/ZIMRA's form/);
    expect(StatusResultSchema.parse(result(REAL)).QrData?.Unreadable).toBeNull();
  });
});
