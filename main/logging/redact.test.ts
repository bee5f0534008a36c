import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from './redact';

describe('Redactor', () => {
  it('masks values under secret-bearing keys at any depth, case-insensitively', () => {
    const redactor = new Redactor();
    const out = redactor.redact({
      headers: { 'X-Api-Signature': 'abc=', Authorization: 'Bearer x.y.z', 'X-Api-Key': 'key-1' },
      nested: [{ refresh_token: 'r1', apiSecret: 's1' }],
    });
    expect(out).toEqual({
      headers: { 'X-Api-Signature': REDACTED, Authorization: REDACTED, 'X-Api-Key': 'key-1' },
      nested: [{ refresh_token: REDACTED, apiSecret: REDACTED }],
    });
  });

  it('masks registered secret values wherever they appear in strings and errors', () => {
    const redactor = new Redactor();
    redactor.registerSecret('super-secret-value');
    expect(redactor.redactString('body={"s":"super-secret-value"} end')).toBe(`body={"s":"${REDACTED}"} end`);
    const err = redactor.redact(new Error('failed with super-secret-value')) as { message: string };
    expect(err.message).toBe(`failed with ${REDACTED}`);
  });

  it('masks bearer tokens in free text', () => {
    expect(new Redactor().redactString('sent Authorization: Bearer eyJhbGciOi.abc.def now')).toBe(
      `sent Authorization: Bearer ${REDACTED} now`,
    );
  });

  it('stops masking a value once it is forgotten, and ignores trivially short values', () => {
    const redactor = new Redactor();
    redactor.registerSecret('abc');
    redactor.registerSecret('long-enough');
    redactor.forgetSecret('long-enough');
    expect(redactor.redactString('abc long-enough')).toBe('abc long-enough');
  });

  it('masks every copy of a secret, however many and wherever they are', () => {
    const redactor = new Redactor();
    const secret = 'k9-secret-9k';
    redactor.registerSecret(secret);
    const twice = `first ${secret}, again ${secret}${secret}.`;
    const cause = new Error(twice);
    const out = redactor.redact({
      message: twice,
      nested: { deeper: [twice, { text: twice }] },
      error: new Error(twice, { cause }),
      headers: new Headers({ 'X-Trace': twice }),
    });
    const text = JSON.stringify(out);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('k9-');
    // Six strings (three plain, two error messages, one header), three copies in each.
    expect(text.split(REDACTED).length - 1).toBe(3 * 6);
    expect(redactor.redactString(twice)).toBe(`first ${REDACTED}, again ${REDACTED}${REDACTED}.`);
    expect(redactor.redactString('sig=abcd1234 then sig=abcd1234', ['abcd1234'])).toBe(`sig=${REDACTED} then sig=${REDACTED}`);
    expect(redactor.redactString('Bearer aaa.bbb and Bearer ccc.ddd')).toBe(`Bearer ${REDACTED} and Bearer ${REDACTED}`);
  });

  it('masks a secret whole when a shorter one is part of it, whichever was registered first', () => {
    for (const order of [['abcd-1234', 'abcd-1234-wxyz'], ['abcd-1234-wxyz', 'abcd-1234']]) {
      const redactor = new Redactor();
      for (const secret of order) redactor.registerSecret(secret);
      expect(redactor.redactString('key abcd-1234-wxyz and abcd-1234')).toBe(`key ${REDACTED} and ${REDACTED}`);
    }
  });
});
