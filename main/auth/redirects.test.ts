import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { silentLogger } from '../logging/logger';
import { Redactor } from '../logging/redact';
import { startLocalHttpServer, type LocalHttpServer } from '../test-support/local-http-server';
import { TokenManager } from './token-manager';

// A fiskaly address that redirects the sign-in (with key and secret in its body) elsewhere.
let target: LocalHttpServer;
let redirecting: LocalHttpServer;

beforeAll(async () => {
  target = await startLocalHttpServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"access_token":"stolen"}');
  });
  redirecting = await startLocalHttpServer((request, response) => {
    response.writeHead(307, { Location: `${target.origin}${request.url}` });
    response.end();
  });
});
afterAll(() => Promise.all([target.close(), redirecting.close()]));

describe('fiskaly sign-in and redirects', () => {
  it('refuses a redirect with a message naming both addresses; the other address gets nothing', async () => {
    const tokens = new TokenManager({
      profileId: 'p1',
      profileName: 'Café Roma',
      style: 'auth-v2',
      baseUrl: redirecting.origin,
      credentials: async () => ({ apiKey: 'key-redirect', apiSecret: 'secret-redirect' }),
      redactor: new Redactor(),
      logger: silentLogger,
    });
    const error = await tokens.getAccessToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'SERVICE_REJECTED' });
    expect((error as AppError).message).toContain(redirecting.origin);
    expect((error as AppError).message).toContain(target.origin);
    expect(redirecting.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
  });
});
