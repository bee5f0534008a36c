import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { silentLogger } from '../../logging/logger';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import { FiscalHarmonyClient } from './fh-client';

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
  return new FiscalHarmonyClient({
    profileName: 'Harare shop',
    baseUrl: `${redirecting.origin}/api`,
    applicationName: 'FiscalDesk',
    stationId: 'c0ffee00-1111-4222-8333-444455556666',
    appVersion: '0.1.0',
    credentials: async () => ({ apiKey, apiSecret }),
    timeoutMs: 5_000,
    logger: silentLogger,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail'),
    (caught: unknown) => caught,
  );
  if (error instanceof AppError) return error;
  throw error;
}

describe('Fiscal Harmony client and redirects', () => {
  it('refuses a 302 on a GET, naming the address that redirected; the other address gets nothing', async () => {
    const error = await failure(client().getProfile());
    expect(error.code).toBe('SERVICE_REJECTED');
    expect(error.message).toContain(redirecting.origin);
    expect(error.message).toContain(target.origin);
    expect(redirecting.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
  });

  it('refuses a 307 on a signed POST: neither key, signature nor body reaches the other address', async () => {
    const error = await failure(client().addCurrencyMapping({ SourceCurrency: 'US$', DestinationCurrency: 'USD' }));
    expect(error.code).toBe('SERVICE_REJECTED');
    expect(error.message).toContain(redirecting.origin);
    expect(redirecting.received).toHaveLength(1);
    expect(redirecting.received[0]!.headers['x-api-signature']).toBeTruthy();
    expect(target.received).toHaveLength(0);
  });
});
