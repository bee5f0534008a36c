import { appErrorOf } from '../../test-support/app-error-of';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import type { FiscalHarmonyClient } from './fh-client';
import { localFhClient } from './test-support/local-fh-client';

// A service that redirects every request elsewhere; the elsewhere records whatever reaches it.
const apiKey = 'fh-key-redirect-test';
const apiSecret = 'fh-secret-redirect-test';
let target: LocalHttpServer;
let redirecting: LocalHttpServer;

beforeEach(async () => {
  target = await startLocalHttpServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"Id":1,"FullName":"Somebody else"}');
  });
  redirecting = await startLocalHttpServer((request, response) => {
    response.writeHead(request.method === 'GET' ? 302 : 307, { Location: `${target.origin}${request.url}` });
    response.end();
  });
});
afterEach(async () => {
  await Promise.all([target.close(), redirecting.close()]);
});

function client(): FiscalHarmonyClient {
  return localFhClient(redirecting.origin, { credentials: async () => ({ apiKey, apiSecret }) });
}


describe('Fiscal Harmony client and redirects', () => {
  it('refuses a 302 on a GET, naming the address that redirected; the other address gets nothing', async () => {
    const error = await appErrorOf(client().getProfile());
    expect(error.code).toBe('SERVICE_REJECTED');
    expect(error.message).toContain(redirecting.origin);
    expect(error.message).toContain(target.origin);
    expect(redirecting.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
  });

  it('refuses a 307 on a signed POST: neither key, signature nor body reaches the other address', async () => {
    const error = await appErrorOf(client().addCurrencyMapping({ SourceCurrency: 'US$', DestinationCurrency: 'USD' }));
    expect(error.code).toBe('SERVICE_REJECTED');
    expect(error.message).toContain(redirecting.origin);
    expect(redirecting.received).toHaveLength(1);
    expect(redirecting.received[0]!.headers['x-api-signature']).toBeTruthy();
    expect(target.received).toHaveLength(0);
  });
});
