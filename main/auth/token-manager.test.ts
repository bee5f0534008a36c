import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fiskalyTokenStateSchema } from '../../shared/contract/fiskaly-token-state';
import { isAppError } from '../../shared/errors';
import { silentLogger } from '../logging/logger';
import { REDACTED, Redactor } from '../logging/redact';
import { startFiskalySimulator } from '../sandbox/fiskaly/fiskaly-simulator';
import type { RunningFiskalySimulator } from '../sandbox/fiskaly/fiskaly-simulator';
import { countingFetch, fakeClock, SIM_KEY, SIM_SECRET } from '../sandbox/fiskaly/test-support';
import type { FakeClock } from '../sandbox/fiskaly/test-support';
import type { AuthStyle } from './auth-styles';
import { TokenManager } from './token-manager';
import type { TokenManagerOptions } from './token-manager';

let sim: RunningFiskalySimulator;
let clock: FakeClock;
let credentials: { apiKey: string; apiSecret: string };

beforeEach(async () => {
  clock = fakeClock();
  credentials = { apiKey: SIM_KEY, apiSecret: SIM_SECRET };
  sim = await startFiskalySimulator({ clock, credentials: [{ ...credentials }], accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 180 });
});

afterEach(async () => {
  await sim.close();
});

function manager(style: AuthStyle, extra: Partial<TokenManagerOptions> = {}): TokenManager {
  return new TokenManager({
    profileId: 'p1',
    profileName: 'Shop Berlin',
    style,
    baseUrl: sim.baseUrl,
    environment: 'test',
    credentials: async () => ({ ...credentials }),
    clock,
    refreshAheadMs: 10_000,
    timeoutMs: 2_000,
    redactor: new Redactor(),
    logger: silentLogger,
    ...extra,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('TokenManager: each style on the wire', () => {
  it('auth-v2 sends the flat body to /api/v2/auth and keeps the refresh token', async () => {
    const tokens = manager('auth-v2');
    await tokens.getAccessToken();
    const [request] = sim.requests();
    expect(request).toMatchObject({ method: 'POST', path: '/api/v2/auth', body: { api_key: SIM_KEY, api_secret: SIM_SECRET } });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-api-version']).toBeUndefined();
    expect(tokens.state()).toMatchObject({ status: 'signed-in', hasRefreshToken: true, authCount: 1 });
    expect(tokens.state().accessTokenExpiresAt).toBe(new Date(clock() + 60_000).toISOString());
    expect(tokens.state().refreshTokenExpiresAt).toBe(new Date(clock() + 180_000).toISOString());
  });

  it('auth-v1-es sends the content envelope to /api/v1/auth and reads the expiry from the JWT', async () => {
    const tokens = manager('auth-v1-es');
    await tokens.getAccessToken();
    expect(sim.requests()[0]).toMatchObject({ path: '/api/v1/auth', body: { content: { api_key: SIM_KEY, api_secret: SIM_SECRET } } });
    expect(tokens.state()).toMatchObject({ status: 'signed-in', hasRefreshToken: false, accessTokenExpiresAt: new Date(clock() + 60_000).toISOString() });
  });

  it('tokens sends type API_KEY to /tokens with X-Api-Version', async () => {
    const tokens = manager('tokens');
    await tokens.getAccessToken();
    const [request] = sim.requests();
    expect(request).toMatchObject({ path: '/tokens', body: { content: { type: 'API_KEY', key: SIM_KEY, secret: SIM_SECRET } } });
    expect(request?.headers['x-api-version']).toBe('2026-02-03');
  });
});

describe('TokenManager: strategy', () => {
  it('authenticates once, however many callers ask at the same time or afterwards', async () => {
    const tokens = manager('auth-v2');
    const first = await Promise.all(Array.from({ length: 50 }, () => tokens.getAccessToken()));
    expect(new Set(first).size).toBe(1);
    for (let i = 0; i < 10; i += 1) expect(await tokens.getAccessToken()).toBe(first[0]);
    expect(sim.counters.auth).toBe(1);
    expect(sim.counters.requests).toBe(1);
  });

  it('refreshes proactively shortly before the stated expiry, without waiting for a 401', async () => {
    const tokens = manager('auth-v2');
    const first = await tokens.getAccessToken();
    clock.advance(45_000); // 15 s left of 60: not yet due (10 s ahead)
    expect(await tokens.getAccessToken()).toBe(first);
    clock.advance(6_000); // 9 s left: due
    const second = await tokens.getAccessToken();
    expect(second).not.toBe(first);
    expect(sim.counters).toMatchObject({ auth: 1, refresh: 1, echoRejected: 0 });
    expect(tokens.state()).toMatchObject({ refreshCount: 1, authCount: 1, accessTokenExpiresAt: new Date(clock() + 60_000).toISOString() });
  });

  it('signs in again ahead of expiry for the styles without a refresh token', async () => {
    for (const style of ['auth-v1-es', 'tokens'] as const) {
      sim.resetCounters();
      const tokens = manager(style);
      const first = await tokens.getAccessToken();
      clock.advance(52_000);
      expect(await tokens.getAccessToken()).not.toBe(first);
      expect(sim.counters).toMatchObject({ auth: 2, refresh: 0 });
      clock.advance(60_000);
    }
  });

  it('caps the early refresh at half the lifetime of short tokens', async () => {
    sim.setTokenLifetimes({ accessTokenTtlSeconds: 4 });
    const tokens = manager('auth-v2', { refreshAheadMs: 60 * 60_000 });
    const first = await tokens.getAccessToken();
    clock.advance(1_500);
    expect(await tokens.getAccessToken()).toBe(first);
    clock.advance(600);
    expect(await tokens.getAccessToken()).not.toBe(first);
  });

  it('keeps the current token when an early refresh fails for a passing reason, and tries again later', async () => {
    const tokens = manager('auth-v2');
    const first = await tokens.getAccessToken();
    clock.advance(52_000);
    sim.failNext('refresh', 503);
    expect(await tokens.getAccessToken()).toBe(first);
    expect(tokens.state().lastError?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await tokens.getAccessToken()).toBe(first); // held, no new attempt
    expect(sim.counters.refresh).toBe(1);
    clock.advance(5_000);
    expect(await tokens.getAccessToken()).not.toBe(first);
    expect(sim.counters.refresh).toBe(2);
    expect(tokens.state().lastError).toBeNull();
  });

  it('a 401 that joins a failing early refresh still gets a new token, not the refused one', async () => {
    const tokens = manager('auth-v2');
    const old = await tokens.getAccessToken();
    clock.advance(52_000);
    sim.revokeAccessTokens();
    sim.failNext('refresh', 503);
    sim.setLatency(30);
    const early = tokens.getAccessToken(); // starts the early refresh, which fails and keeps `old`
    const after401 = tokens.handleUnauthorized(old); // joins it, then must not retry with `old`
    expect(await early).toBe(old);
    const fresh = await after401;
    expect(fresh).not.toBe(old);
    expect(sim.counters).toMatchObject({ refresh: 2, auth: 1 });
  });

  it('on a 401: one refresh for every caller holding the rejected token', async () => {
    const tokens = manager('auth-v2');
    const rejected = await tokens.getAccessToken();
    sim.revokeAccessTokens();
    const results = await Promise.all(Array.from({ length: 30 }, () => tokens.handleUnauthorized(rejected)));
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(rejected);
    // A late caller with the old token gets the new one without another refresh.
    expect(await tokens.handleUnauthorized(rejected)).toBe(results[0]);
    expect(sim.counters).toMatchObject({ auth: 1, refresh: 1 });
  });

  it('a refused refresh leads to exactly one sign-in with key and secret', async () => {
    const tokens = manager('auth-v2');
    const rejected = await tokens.getAccessToken();
    sim.revokeAll();
    const results = await Promise.all(Array.from({ length: 30 }, () => tokens.handleUnauthorized(rejected)));
    expect(new Set(results).size).toBe(1);
    expect(sim.counters).toMatchObject({ refresh: 1, refreshRejected: 1, auth: 2, authRejected: 0 });
    expect(tokens.state()).toMatchObject({ status: 'signed-in', authCount: 2, refreshCount: 0, hasRefreshToken: true });
  });

  it('an expired refresh token is not sent: it signs in directly', async () => {
    const tokens = manager('auth-v2');
    await tokens.getAccessToken();
    clock.advance(181_000);
    await tokens.getAccessToken();
    expect(sim.counters).toMatchObject({ refresh: 0, auth: 2 });
  });

  it('a refused sign-in after a refused refresh is the operator error, and nothing more is sent', async () => {
    const counting = countingFetch();
    const tokens = manager('auth-v2', { fetch: counting.fetch });
    const rejected = await tokens.getAccessToken();
    sim.revokeAll();
    sim.setCredentials([]);
    const errors = await Promise.all(Array.from({ length: 20 }, () => rejection(tokens.handleUnauthorized(rejected))));
    expect(sim.counters).toMatchObject({ refresh: 1, refreshRejected: 1, auth: 2, authRejected: 1 });
    for (const error of errors) {
      expect(isAppError(error) && error.code).toBe('WRONG_CREDENTIALS');
      const message = (error as Error).message;
      expect(message).toContain('Shop Berlin');
      expect(message).toMatch(/API key/);
      expect(message).toMatch(/API secret/);
      expect(message).toMatch(/TEST environment/);
    }
    const sent = counting.count();
    await rejection(tokens.getAccessToken());
    await rejection(tokens.handleUnauthorized(rejected));
    clock.advance(600_000);
    await rejection(tokens.getAccessToken());
    expect(counting.count()).toBe(sent);
    expect(tokens.state()).toMatchObject({ status: 'failed', hasRefreshToken: false, accessTokenExpiresAt: null, lastError: { code: 'WRONG_CREDENTIALS' } });

    // The operator fixes the key: the manager is told, and works again.
    sim.setCredentials([{ apiKey: SIM_KEY, apiSecret: SIM_SECRET }]);
    tokens.credentialsChanged();
    expect(tokens.state()).toMatchObject({ status: 'signed-out', lastError: null });
    await tokens.getAccessToken();
    expect(tokens.state().status).toBe('signed-in');
  });

  it('a refused first sign-in is sticky too', async () => {
    credentials.apiSecret = 'wrong-secret';
    const counting = countingFetch();
    const tokens = manager('tokens', { fetch: counting.fetch });
    const error = await rejection(tokens.getAccessToken());
    expect(isAppError(error) && error.code).toBe('WRONG_CREDENTIALS');
    await Promise.all(Array.from({ length: 10 }, () => rejection(tokens.getAccessToken())));
    expect(counting.count()).toBe(1);
    tokens.reset();
    await rejection(tokens.getAccessToken());
    expect(counting.count()).toBe(2);
  });

  it('passing failures are not sticky: 503, timeout, no server', async () => {
    const tokens = manager('auth-v2', { timeoutMs: 300 });
    sim.failNext('auth', 503);
    expect(isAppError(await rejection(tokens.getAccessToken())) && tokens.state().lastError?.code).toBe('SERVICE_UNAVAILABLE');
    expect(tokens.state().status).toBe('signed-out');
    sim.failNext('auth', 'hang');
    const timeout = await rejection(tokens.getAccessToken());
    expect(isAppError(timeout) && timeout.code).toBe('TIMEOUT');
    await tokens.getAccessToken();
    expect(tokens.state()).toMatchObject({ status: 'signed-in', lastError: null });

    const nowhere = manager('auth-v2', { baseUrl: 'http://127.0.0.1:9' });
    const network = await rejection(nowhere.getAccessToken());
    expect(isAppError(network) && network.code).toBe('NETWORK');
    expect(isAppError(network) && network.retryable).toBe(true);
  });

  it('a wrong address is an operator error naming base URL and product', async () => {
    const tokens = manager('auth-v2', { baseUrl: `${sim.baseUrl}/nothing-here` });
    const error = await rejection(tokens.getAccessToken());
    expect(isAppError(error) && error.code).toBe('SERVICE_REJECTED');
    expect((error as Error).message).toMatch(/base URL/);
    expect(tokens.state().status).toBe('failed');
  });

  it('missing key or secret is CREDENTIALS_MISSING without any request', async () => {
    credentials.apiSecret = '';
    const tokens = manager('auth-v2');
    const error = await rejection(tokens.getAccessToken());
    expect(isAppError(error) && error.code).toBe('CREDENTIALS_MISSING');
    expect(sim.counters.requests).toBe(0);
  });
});

describe('TokenManager: changed secret, state, redaction', () => {
  it('a changed secret drops cached tokens; the next call signs in with the new one', async () => {
    const redactor = new Redactor();
    const tokens = manager('auth-v2', { redactor });
    const old = await tokens.getAccessToken();
    expect(redactor.redactString(old)).toBe(REDACTED);

    credentials.apiSecret = 'rotated-secret-123';
    sim.setCredentials([{ ...credentials }]);
    tokens.credentialsChanged();
    expect(tokens.state()).toMatchObject({ status: 'signed-out', hasRefreshToken: false, accessTokenExpiresAt: null, authenticatedAt: null });
    expect(redactor.redactString(old)).toBe(old); // forgotten with the dropped token

    const fresh = await tokens.getAccessToken();
    expect(fresh).not.toBe(old);
    expect(redactor.redactString(fresh)).toBe(REDACTED);
    expect(redactor.redactString('rotated-secret-123')).toBe(REDACTED);
    expect(sim.requests().at(-1)?.body).toEqual({ api_key: SIM_KEY, api_secret: 'rotated-secret-123' });
  });

  it('a sign-in still in flight when the secret changes is thrown away and redone', async () => {
    sim.setLatency(150);
    const tokens = manager('auth-v2');
    const pending = tokens.getAccessToken();
    await new Promise((resolve) => setTimeout(resolve, 20));
    credentials.apiSecret = 'rotated-secret-456';
    sim.setCredentials([{ ...credentials }]);
    tokens.credentialsChanged();
    await pending;
    expect(sim.counters).toMatchObject({ auth: 2, authRejected: 0 });
    expect(tokens.state().authCount).toBe(1);
    expect(sim.requests().at(-1)?.body).toEqual({ api_key: SIM_KEY, api_secret: 'rotated-secret-456' });
  });

  it('state() is schema-valid and never carries a token, in every status', async () => {
    const tokens = manager('auth-v2');
    const seen = [tokens.state()];
    tokens.onStateChange((state) => seen.push(state));
    await tokens.getAccessToken();
    clock.advance(55_000);
    const current = await tokens.getAccessToken();
    sim.revokeAll();
    sim.setCredentials([]);
    await rejection(tokens.handleUnauthorized(current));
    seen.push(tokens.state());
    expect(new Set(seen.map((s) => s.status))).toEqual(new Set(['signed-out', 'refreshing', 'signed-in', 'failed']));
    const text = JSON.stringify(seen);
    for (const state of seen) fiskalyTokenStateSchema.parse(state);
    for (const token of sim.issuedTokens()) expect(text).not.toContain(token);
    expect(text).not.toContain(SIM_SECRET);
    expect(() => fiskalyTokenStateSchema.parse({ ...tokens.state(), accessToken: 'x' })).toThrow();
  });
});
