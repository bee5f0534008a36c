import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenManager } from '../../auth/token-manager';
import { silentLogger } from '../../logging/logger';
import { Redactor } from '../../logging/redact';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import { FiskalyClient } from './fiskaly-client';

// fiskaly messages never carry the service's own words (they are written per status). This
// guards that: a service quoting the key, the secret and the bearer token back in every refusal.
const apiKey = 'fiskaly-key-echoed-0123';
const apiSecret = 'fiskaly-secret-echoed-4567';
const accessToken = 'fiskaly-access-token-echoed-89ab';
let service: LocalHttpServer;

beforeAll(async () => {
  service = await startLocalHttpServer((request, response) => {
    const echo = JSON.stringify({ message: `refused: ${request.body} ${String(request.headers.authorization)}`, error: request.body });
    if (request.url === '/api/v2/auth') {
      const refuse = request.body.includes('wrong');
      response.writeHead(refuse ? 401 : 200, { 'Content-Type': 'application/json' });
      response.end(refuse ? echo : JSON.stringify({ access_token: accessToken, access_token_expires_in: 300 }));
      return;
    }
    const status = Number(request.url.slice(1));
    response.writeHead(Number.isInteger(status) && status >= 400 ? status : 400, { 'Content-Type': 'application/json' });
    response.end(echo);
  });
});
afterAll(() => service.close());

function client(secret = apiSecret): FiskalyClient {
  const tokens = new TokenManager({
    profileId: 'p1',
    profileName: 'Café Roma',
    style: 'auth-v2',
    baseUrl: service.origin,
    credentials: async () => ({ apiKey, apiSecret: secret }),
    redactor: new Redactor(),
    logger: silentLogger,
  });
  return new FiskalyClient({ tokens, apiVersion: null, scopeHeader: false, probePath: '/403', logger: silentLogger });
}

function expectNoSecret(message: string): void {
  for (const secret of [apiKey, apiSecret, accessToken, 'wrong-secret-cdef']) expect(message).not.toContain(secret);
}

describe("fiskaly: the service's words stay out of messages", () => {
  it('for refusals of a call, whatever the status', async () => {
    const api = client();
    for (const status of [400, 403, 404, 409, 422, 500]) {
      const error = await api.request(`/${status}`, { method: 'POST', body: { secretish: apiSecret } }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ message: expect.any(String) });
      expectNoSecret((error as Error).message);
    }
  });

  it('for a refused sign-in and in the connection test', async () => {
    const result = await client('wrong-secret-cdef').testConnection();
    expect(result).toMatchObject({ ok: false, code: 'WRONG_CREDENTIALS' });
    expectNoSecret(result.message);
  });
});
