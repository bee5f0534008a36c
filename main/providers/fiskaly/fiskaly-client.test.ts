import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FiskalyProduct } from '../../../shared/contract/connections';
import { isAppError } from '../../../shared/errors';
import { TokenManager } from '../../auth/token-manager';
import { silentLogger } from '../../logging/logger';
import { Redactor } from '../../logging/redact';
import { startFiskalySimulator } from '../../sandbox/fiskaly/fiskaly-simulator';
import type { EchoAnswer, RunningFiskalySimulator } from '../../sandbox/fiskaly/fiskaly-simulator';
import { countingFetch, fakeClock, SIM_KEY, SIM_SECRET } from '../../sandbox/fiskaly/test-support';
import type { FakeClock } from '../../sandbox/fiskaly/test-support';
import { FiskalyClient } from './fiskaly-client';
import { connectionProbePath, productFamily } from './products';

let sim: RunningFiskalySimulator;
let clock: FakeClock;
let credentials: { apiKey: string; apiSecret: string };

beforeEach(async () => {
  clock = fakeClock();
  credentials = { apiKey: SIM_KEY, apiSecret: SIM_SECRET };
  sim = await startFiskalySimulator({ clock, credentials: [{ ...credentials }], accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 300 });
});

afterEach(async () => {
  await sim.close();
});

function client(product: FiskalyProduct, options: { organizationUnitId?: string; fetch?: typeof fetch; timeoutMs?: number; refreshAheadMs?: number } = {}): FiskalyClient {
  const family = productFamily(product);
  const tokens = new TokenManager({
    profileId: 'p1',
    profileName: 'Café Roma',
    style: family.style,
    baseUrl: sim.baseUrl,
    ...(family.apiVersion === null ? {} : { apiVersion: family.apiVersion }),
    environment: 'test',
    credentials: async () => ({ ...credentials }),
    clock,
    refreshAheadMs: options.refreshAheadMs ?? 10_000,
    redactor: new Redactor(),
    logger: silentLogger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return new FiskalyClient({
    tokens,
    apiVersion: family.apiVersion,
    scopeHeader: family.scopeHeader,
    organizationUnitId: options.organizationUnitId ?? null,
    probePath: connectionProbePath(product, sim.baseUrl),
    clock,
    logger: silentLogger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}

const echoSchema = z.object({ ok: z.literal(true), style: z.string(), apiVersion: z.string().nullable(), scopeIdentifier: z.string().nullable() });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const echoRequests = (): ReturnType<RunningFiskalySimulator['requests']> => sim.requests().filter((r) => r.path === '/echo');

describe('FiskalyClient: headers', () => {
  it('/tokens family: X-Api-Version and X-Scope-Identifier on every call, retries included', async () => {
    for (const product of ['sign-it', 'sign-fr', 'e-invoice'] as const) {
      sim.clearRequests();
      const api = client(product, { organizationUnitId: 'unit-7' });
      const answer = await api.request('/echo', { method: 'POST', body: { n: 1 }, schema: echoSchema });
      expect(answer).toMatchObject({ style: 'tokens', apiVersion: '2026-02-03', scopeIdentifier: 'unit-7' });
      await Promise.all(Array.from({ length: 5 }, () => api.request('/echo', { method: 'GET' })));
      sim.revokeAccessTokens(); // force 401 + sign-in + retry
      await Promise.all(Array.from({ length: 5 }, () => api.request('/echo', { method: 'GET' })));
      clock.advance(55_000); // proactive sign-in
      await api.request('/echo', { method: 'GET' });

      const echoes = echoRequests();
      expect(echoes.length).toBe(17);
      for (const request of echoes) {
        expect(request.headers['x-api-version']).toBe('2026-02-03');
        expect(request.headers['x-scope-identifier']).toBe('unit-7');
        expect(request.headers.authorization).toMatch(/^Bearer ey/);
      }
      const signIns = sim.requests().filter((r) => r.path === '/tokens');
      expect(signIns.length).toBe(3);
      for (const request of signIns) expect(request.headers['x-api-version']).toBe('2026-02-03');
      clock.advance(120_000);
    }
  });

  it('no scope header without an organisation unit; no /tokens headers for other families', async () => {
    await client('sign-fr').request('/echo', { method: 'GET' });
    expect(echoRequests().at(-1)?.headers['x-scope-identifier']).toBeUndefined();
    expect(echoRequests().at(-1)?.headers['x-api-version']).toBe('2026-02-03');
    for (const product of ['sign-de', 'sign-es'] as const) {
      await client(product, { organizationUnitId: 'unit-7' }).request('/echo', { method: 'GET' });
      expect(echoRequests().at(-1)?.headers['x-scope-identifier']).toBeUndefined();
      expect(echoRequests().at(-1)?.headers['x-api-version']).toBeUndefined();
    }
  });

  it('sends the body as JSON and returns the answer', async () => {
    const answer = (await client('sign-de').request('/echo', { method: 'PUT', body: { amount: '12.50' } })) as EchoAnswer;
    expect(answer).toMatchObject({ method: 'PUT', body: { amount: '12.50' } });
    expect(echoRequests().at(-1)?.headers['content-type']).toBe('application/json');
  });
});

describe('FiskalyClient: token strategy under load', () => {
  it('100 concurrent calls after the expiry the client knows: exactly one refresh', async () => {
    const api = client('sign-de');
    await api.request('/echo', { method: 'GET' });
    clock.advance(61_000);
    sim.resetCounters();
    const answers = await Promise.all(Array.from({ length: 100 }, () => api.request('/echo', { method: 'GET', schema: echoSchema })));
    expect(answers).toHaveLength(100);
    expect(sim.counters).toMatchObject({ refresh: 1, auth: 0, echo: 100, echoRejected: 0 });
  });

  it('100 concurrent calls answered 401: exactly one refresh, each call retried once', async () => {
    const api = client('sign-de', { refreshAheadMs: 0 });
    await api.request('/echo', { method: 'GET' });
    sim.revokeAccessTokens();
    sim.resetCounters();
    const answers = await Promise.all(Array.from({ length: 100 }, () => api.request('/echo', { method: 'GET' })));
    expect(answers).toHaveLength(100);
    expect(sim.counters).toMatchObject({ refresh: 1, auth: 0, echo: 200, echoRejected: 100 });
  });

  it('a refused refresh under load: exactly one sign-in with key and secret', async () => {
    const api = client('sign-de');
    await api.request('/echo', { method: 'GET' });
    sim.revokeAll();
    sim.resetCounters();
    await Promise.all(Array.from({ length: 50 }, () => api.request('/echo', { method: 'GET' })));
    expect(sim.counters).toMatchObject({ refresh: 1, refreshRejected: 1, auth: 1, authRejected: 0, echo: 100, echoRejected: 50 });
  });

  it('a refused sign-in under load: the operator error for every call, then no more requests', async () => {
    const counting = countingFetch();
    const api = client('sign-de', { fetch: counting.fetch });
    await api.request('/echo', { method: 'GET' });
    sim.revokeAll();
    sim.setCredentials([]);
    sim.resetCounters();
    const errors = await Promise.all(Array.from({ length: 50 }, () => rejection(api.request('/echo', { method: 'GET' }))));
    for (const error of errors) {
      expect(isAppError(error) && error.code).toBe('WRONG_CREDENTIALS');
      expect((error as Error).message).toContain('Café Roma');
    }
    expect(sim.counters).toMatchObject({ refresh: 1, auth: 1, authRejected: 1 });
    const sent = counting.count();
    for (let i = 0; i < 5; i += 1) await rejection(api.request('/echo', { method: 'GET' }));
    expect(counting.count()).toBe(sent);
    expect(api.tokens.state().status).toBe('failed');
  });

  it('a second 401 after the retry is surfaced, not retried again', async () => {
    const api = client('sign-de');
    await api.request('/echo', { method: 'GET' });
    sim.resetCounters();
    sim.failNext('echo', 401, 2);
    const error = await rejection(api.request('/echo', { method: 'GET' }));
    expect(isAppError(error) && error.code).toBe('NOT_ALLOWED');
    expect(sim.counters).toMatchObject({ echo: 2, refresh: 1 });
  });
});

describe('FiskalyClient: errors', () => {
  it('maps statuses, timeouts and unexpected answers to AppError codes', async () => {
    const api = client('sign-de', { timeoutMs: 300 });
    sim.failNext('echo', 503);
    expect(await rejection(api.request('/echo', { method: 'GET' }))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    sim.failNext('echo', 403);
    expect(await rejection(api.request('/echo', { method: 'GET' }))).toMatchObject({ code: 'NOT_ALLOWED' });
    sim.failNext('echo', 409);
    expect(await rejection(api.request('/echo', { method: 'GET' }))).toMatchObject({ code: 'CONFLICT' });
    sim.failNext('echo', 422);
    expect(await rejection(api.request('/echo', { method: 'GET' }))).toMatchObject({ code: 'SERVICE_REJECTED' });
    expect(await rejection(api.request('/no-such-thing', { method: 'GET' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(api.request('/echo', { method: 'GET', schema: z.object({ other: z.string() }) }))).toMatchObject({ code: 'SERVICE_REJECTED' });
    sim.failNext('echo', 'hang');
    expect(await rejection(api.request('/echo', { method: 'GET' }))).toMatchObject({ code: 'TIMEOUT', retryable: true });
    sim.failNext('echo', 'drop');
    expect(await rejection(api.request('/echo', { method: 'GET' }))).toMatchObject({ code: 'NETWORK', retryable: true });
    // None of these touched the sign-in.
    expect(api.tokens.state()).toMatchObject({ status: 'signed-in', authCount: 1 });
  });
});

describe('FiskalyClient.testConnection', () => {
  it('signs in and calls the echo endpoint of the simulator', async () => {
    const api = client('sign-es');
    const result = await api.testConnection();
    expect(result).toMatchObject({ ok: true, code: null, checkedAt: new Date(clock()).toISOString() });
    expect(result.message).toContain('Café Roma');
    expect(sim.counters).toMatchObject({ auth: 1, echo: 1 });
  });

  it('reports a refused key as the operator error, and tests again from scratch when asked again', async () => {
    credentials.apiSecret = 'wrong-secret';
    const api = client('sign-it');
    const failed = await api.testConnection();
    expect(failed).toMatchObject({ ok: false, code: 'WRONG_CREDENTIALS' });
    expect(failed.message).toContain('Café Roma');
    expect(api.tokens.state().status).toBe('failed');
    credentials.apiSecret = SIM_SECRET; // e.g. the operator fixed it in another way
    expect(await api.testConnection()).toMatchObject({ ok: true });
    expect(api.tokens.state().status).toBe('signed-in');
  });
});
