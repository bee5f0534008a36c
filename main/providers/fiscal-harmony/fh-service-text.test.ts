import { appErrorOf } from '../../test-support/app-error-of';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../logging/redact';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import type { FiscalHarmonyClient } from './fh-client';
import { localFhClient } from './test-support/local-fh-client';

// A service that refuses every request and quotes the request's credentials back in its words.
const apiKey = 'fh-key-echoed-0123';
const apiSecret = 'fh-secret-echoed-4567';
let service: LocalHttpServer;

beforeAll(async () => {
  service = await startLocalHttpServer((request, response) => {
    const words = `Bad request: key ${String(request.headers['x-api-key'])}, signature ${String(request.headers['x-api-signature'] ?? '-')}, cookie ${String(request.headers.cookie ?? '-')}`;
    if (request.url === '/api/profile') {
      // First a session cookie, then the refusal quoting it (plain text).
      if (request.headers.cookie === undefined) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'session=fh-session-cookie-89ab; Path=/' });
        response.end('{"Id":1,"FullName":"Shop"}');
        return;
      }
      response.writeHead(400, { 'Content-Type': 'text/plain' });
      response.end(words);
      return;
    }
    response.writeHead(400, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ Message: `${words}; also known elsewhere: log-known-token-cdef` }));
  });
});
afterAll(() => service.close());

function client(redactor?: Redactor): FiscalHarmonyClient {
  return localFhClient(service.origin, { credentials: async () => ({ apiKey, apiSecret }), ...(redactor === undefined ? {} : { redactor }) });
}


describe("Fiscal Harmony client: the service's words in messages", () => {
  it('masks the API key and the signature a refusal quotes back', async () => {
    const error = await appErrorOf(client().addCurrencyMapping({ SourceCurrency: 'US$', DestinationCurrency: 'USD' }));
    const signature = String(service.received.at(-1)!.headers['x-api-signature']);
    expect(signature.length).toBeGreaterThan(20);
    expect(error.code).toBe('SERVICE_REJECTED');
    expect(error.message).toContain('Bad request: key');
    expect(error.message).toContain(REDACTED);
    expect(error.message).not.toContain(apiKey);
    expect(error.message).not.toContain(signature);
  });

  it('masks what the log redactor knows, and a session cookie quoted back', async () => {
    const redactor = new Redactor();
    redactor.registerSecret('log-known-token-cdef');
    const error = await appErrorOf(client(redactor).addTaxMapping({ TaxCode: 'A', TaxName: 'VAT', DestinationTaxId: 1 }));
    expect(error.message).not.toContain('log-known-token-cdef');

    const withCookie = client(redactor);
    await withCookie.getProfile();
    const refused = await appErrorOf(withCookie.getProfile());
    expect(refused.message).toContain('Bad request: key');
    expect(refused.message).not.toContain('fh-session-cookie-89ab');
    expect(refused.message).not.toContain(apiKey);
  });
});
