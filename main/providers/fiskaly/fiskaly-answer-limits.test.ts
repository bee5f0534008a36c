import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { TokenManager } from '../../auth/token-manager';
import { silentLogger } from '../../logging/logger';
import { Redactor } from '../../logging/redact';
import { startLocalHttpServer, type LocalHttpServer } from '../../test-support/local-http-server';
import { peakMemoryGrowth, sendEndlessJson, sendGzipBomb } from '../../test-support/oversized-answers';
import { FiskalyClient } from './fiskaly-client';

// Loopback "fiskaly" services: one whose sign-in answer never ends, one that signs in normally
// and then answers with an endless body or a gzip bomb.
const memoryBudget = 100 * 1024 * 1024;
let endlessSignIn: LocalHttpServer;
let service: LocalHttpServer;

beforeAll(async () => {
  endlessSignIn = await startLocalHttpServer((_request, response) => sendEndlessJson(response));
  service = await startLocalHttpServer(async (request, response) => {
    if (request.url === '/api/v2/auth') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'access-token-limits', access_token_expires_in: 300 }));
      return;
    }
    if (request.url === '/endless') return sendEndlessJson(response);
    if (request.url === '/bomb') return sendGzipBomb(response);
    if (request.url === '/five-mib') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ pad: 'a'.repeat(5 * 1024 * 1024) }));
      return;
    }
    response.writeHead(404).end();
  });
});
afterAll(() => Promise.all([endlessSignIn.close(), service.close()]));

function tokens(baseUrl: string): TokenManager {
  return new TokenManager({
    profileId: 'p1',
    profileName: 'Café Roma',
    style: 'auth-v2',
    baseUrl,
    credentials: async () => ({ apiKey: 'key-limits', apiSecret: 'secret-limits' }),
    timeoutMs: 15_000,
    redactor: new Redactor(),
    logger: silentLogger,
  });
}

function client(): FiskalyClient {
  return new FiskalyClient({ tokens: tokens(service.origin), apiVersion: null, scopeHeader: false, probePath: null, timeoutMs: 15_000, logger: silentLogger });
}

async function refusedWithinBudget(call: () => Promise<unknown>): Promise<AppError> {
  let error: unknown;
  const growth = await peakMemoryGrowth(() => call().then(() => undefined, (caught: unknown) => (error = caught)));
  expect(growth.rssBytes).toBeLessThan(memoryBudget);
  expect(growth.arrayBuffersBytes).toBeLessThan(memoryBudget);
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('SERVICE_UNAVAILABLE');
  expect(appError.message).toContain('larger than 4 MB');
  return appError;
}

describe('fiskaly: answer size limits', () => {
  it('a sign-in answer of 1 GiB is cut off past 4 MB (token manager)', async () => {
    const manager = tokens(endlessSignIn.origin);
    await refusedWithinBudget(() => manager.getAccessToken());
    // Not an operator error: the next call tries again.
    expect(manager.state().status).not.toBe('failed');
  });

  it('an API answer of 1 GiB is cut off past 4 MB (client)', async () => {
    await refusedWithinBudget(() => client().request('/endless', { method: 'GET' }));
  });

  it('a gzip bomb (1 MB inflating to 1 GiB) is cut off past 4 MB (client)', async () => {
    await refusedWithinBudget(() => client().request('/bomb', { method: 'GET' }));
  });

  it('a request may allow a larger answer than the default', async () => {
    const api = client();
    const error = await api.request('/five-mib', { method: 'GET' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('larger than 4 MB') });
    const answer = await api.request('/five-mib', { method: 'GET', maxAnswerBytes: 8 * 1024 * 1024 });
    expect(answer).toMatchObject({ pad: expect.any(String) });
  });
});
