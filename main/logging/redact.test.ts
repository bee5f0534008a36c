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
});
