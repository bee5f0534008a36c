import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccount } from '../demo-accounts';
import { FhTestClient } from '../test-support/fh-test-client';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

// The four vectors of fh-api.md section 2, sent over HTTP with their published signatures to an
// account whose secret is the vectors' secret: a 401 would mean the sandbox verifies differently.
const SECRET = 'fh_test_secret_123';

let t: TestSandbox;
let vectors: FhTestClient;

beforeAll(async () => {
  t = await startTestSandbox();
  const seed = { ...createDemoAccount('shop', { apiKey: 'fh-vector-account', apiSecret: SECRET }), taxMappings: [] };
  vectors = t.clientFor(t.sandbox.addAccount(seed));
});
afterAll(() => t.close());

describe('signature vectors over HTTP', () => {
  it('accepts ["3f1c2a9e-..."] on /status', async () => {
    const r = await vectors.request('POST', '/status', undefined, {
      rawBody: '["3f1c2a9e-0b7d-4c1e-9a51-2d7e8c4b6f10"]',
      signature: 'eiep2UOVyyjZF+rt9zh5amcnnNHcojlK9EB2aBemV78=',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual([]);
  });

  it('accepts {"TaxCode":"VAT15","DestinationTaxId":517} on /taxmapping', async () => {
    const r = await vectors.request('POST', '/taxmapping', undefined, {
      rawBody: '{"TaxCode":"VAT15","DestinationTaxId":517}',
      signature: 'B4qTbUEu4vD4y1CbJxEXroWhhbIYjpaoh29rHIjN2ac=',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ TaxCode: 'VAT15', DestinationTaxId: 517, ZimraTaxId: 517 });
  });

  it('accepts {"Name":"Café"} (UTF-8 bytes) and then rejects it as an invoice with 400', async () => {
    const r = await vectors.request('POST', '/invoice', undefined, {
      rawBody: '{"Name":"Café"}',
      signature: 'YyLZI9Uqn43bR3bRboT52gfObldUduIDKxEp+rOd3NA=',
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).Message).toContain('InvoiceId: is required');
  });

  it('accepts an empty body signed as such, then answers 400', async () => {
    const r = await vectors.request('POST', '/status', undefined, { rawBody: '', signature: '+OPCyOuX/qjSKnnxBsKl+KOW0hin3Evh56OR3nELsug=' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).Message).toMatch(/empty/);
  });
});

describe('authentication failures', () => {
  it('answers 401 to a bad signature', async () => {
    const r = await vectors.request('POST', '/status', undefined, { rawBody: '[]', signature: 'eiep2UOVyyjZF+rt9zh5amcnnNHcojlK9EB2aBemV78=' });
    expect(r.status).toBe(401);
  });

  it('answers 401 to a missing signature on a body', async () => {
    expect((await vectors.request('POST', '/status', [], { signature: null })).status).toBe(401);
    expect((await vectors.request('PUT', '/taxmapping/1', { Id: 1 }, { signature: null })).status).toBe(401);
  });

  it('answers 401 to a wrong or missing key, GET included', async () => {
    const wrongKey = new FhTestClient(t.sandbox.baseUrl, { apiKey: 'fh-no-such-key', apiSecret: SECRET });
    expect((await wrongKey.request('GET', '/profile')).status).toBe(401);
    expect((await wrongKey.request('POST', '/status', [])).status).toBe(401);
    const r = await fetch(`${t.sandbox.baseUrl}/profile`, { headers: { 'X-App-Station': 'x' } });
    expect(r.status).toBe(401);
  });

  it('answers 401 to a body signed with another account secret', async () => {
    const other = new FhTestClient(t.sandbox.baseUrl, { apiKey: 'fh-vector-account', apiSecret: t.accounts.shop.apiSecret });
    expect((await other.request('POST', '/status', [])).status).toBe(401);
  });

  it('answers 401 when the body is changed after signing', async () => {
    const r = await vectors.request('POST', '/status', undefined, {
      rawBody: '[ "3f1c2a9e-0b7d-4c1e-9a51-2d7e8c4b6f10" ]',
      signature: 'eiep2UOVyyjZF+rt9zh5amcnnNHcojlK9EB2aBemV78=',
    });
    expect(r.status).toBe(401);
  });

  it('does not need a signature on GET and DELETE', async () => {
    expect((await vectors.request('GET', '/profile', undefined, { signature: null })).status).toBe(200);
    expect((await vectors.request('DELETE', '/taxmapping/999', undefined, { signature: null })).status).toBe(404);
  });
});

describe('station header', () => {
  it('is required in strict mode (the default)', async () => {
    const r = await vectors.request('GET', '/profile', undefined, { noStation: true });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).Message).toBe('The X-App-Station header is required');
  });

  it('refuses a client that sends the secret in strict mode', async () => {
    const r = await vectors.request('GET', '/profile', undefined, { headers: { 'X-Api-Secret': SECRET } });
    expect(r.status).toBe(400);
  });

  it('is optional in lenient mode', async () => {
    const lenient = await startTestSandbox({ stationHeader: 'lenient' });
    try {
      const r = await lenient.client('shop').request('GET', '/profile', undefined, { noStation: true });
      expect(r.status).toBe(200);
    } finally {
      await lenient.close();
    }
  });
});
