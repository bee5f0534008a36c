import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, signingKey, verifySignature } from './signature';

const SECRET = 'fh_test_secret_123';
const VECTORS: Array<[string, string]> = [
  ['["3f1c2a9e-0b7d-4c1e-9a51-2d7e8c4b6f10"]', 'eiep2UOVyyjZF+rt9zh5amcnnNHcojlK9EB2aBemV78='],
  ['{"TaxCode":"VAT15","DestinationTaxId":517}', 'B4qTbUEu4vD4y1CbJxEXroWhhbIYjpaoh29rHIjN2ac='],
  ['{"Name":"Café"}', 'YyLZI9Uqn43bR3bRboT52gfObldUduIDKxEp+rOd3NA='],
  ['', '+OPCyOuX/qjSKnnxBsKl+KOW0hin3Evh56OR3nELsug='],
];

describe('signBody', () => {
  it.each(VECTORS)('signs %j as in fh-api.md', (body, expected) => {
    expect(signBody(body, SECRET)).toBe(expected);
    expect(signBody(new TextEncoder().encode(body), SECRET)).toBe(expected);
    expect(signBody(body, signingKey(SECRET))).toBe(expected);
  });
});

describe('signBody is HMAC-SHA256', () => {
  // Secrets shorter than, as long as and longer than SHA-256's 64-byte block (a longer one is hashed first).
  it.each([0, 1, 32, 63, 64, 65, 200])('agrees with createHmac for a %i-character secret', (length) => {
    for (let round = 0; round < 20; round += 1) {
      const secret = randomBytes(length).toString('hex').slice(0, length);
      const body = randomBytes(round * 37);
      const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('base64');
      expect(signBody(body, secret)).toBe(expected);
      expect(signBody(body, signingKey(secret))).toBe(expected);
    }
  });
});

describe('verifySignature', () => {
  it.each(VECTORS)('accepts the right signature for %j', (body, expected) => {
    expect(verifySignature(body, SECRET, expected)).toBe(true);
  });

  it('refuses a wrong, truncated, empty or missing signature', () => {
    const [body, good] = VECTORS[1] ?? ['', ''];
    expect(verifySignature(body, SECRET, good.replace('B4', 'C4'))).toBe(false);
    expect(verifySignature(body, SECRET, good.slice(0, 10))).toBe(false);
    expect(verifySignature(body, SECRET, '')).toBe(false);
    expect(verifySignature(body, SECRET, undefined)).toBe(false);
    expect(verifySignature(body, 'other secret', good)).toBe(false);
  });

  it('signs the exact bytes: re-serialised JSON does not verify', () => {
    const sent = '{"Name":"Café"}';
    const reserialised = '{ "Name": "Café" }';
    expect(verifySignature(reserialised, SECRET, signBody(sent, SECRET))).toBe(false);
  });
});
