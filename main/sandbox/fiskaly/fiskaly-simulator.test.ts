import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFiskalySimulator } from './fiskaly-simulator';
import type { RunningFiskalySimulator } from './fiskaly-simulator';
import { fakeClock, SIM_KEY, SIM_SECRET } from './test-support';
import type { FakeClock } from './test-support';

let sim: RunningFiskalySimulator;
let clock: FakeClock;

beforeEach(async () => {
  clock = fakeClock();
  sim = await startFiskalySimulator({ clock, credentials: [{ apiKey: SIM_KEY, apiSecret: SIM_SECRET }], accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 120 });
});

afterEach(async () => {
  await sim.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sim.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function echo(token: string | undefined, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sim.baseUrl}/echo`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function tokenOf(json: Record<string, unknown>, field = 'access_token'): string {
  const value = json[field];
  if (typeof value !== 'string') throw new Error(`no ${field}`);
  return value;
}

describe('fiskaly simulator: sign-in styles', () => {
  it('/api/v2/auth answers access and refresh token with their lifetimes, as JWTs with exp', async () => {
    const { status, json } = await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET });
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(['access_token', 'access_token_expires_in', 'refresh_token', 'refresh_token_expires_in']);
    expect(json.access_token_expires_in).toBe(60);
    expect(json.refresh_token_expires_in).toBe(120);
    expect(decodeJwt(tokenOf(json)).exp).toBe(Math.floor(clock() / 1000) + 60);
    expect(decodeJwt(tokenOf(json, 'refresh_token')).exp).toBe(Math.floor(clock() / 1000) + 120);
  });

  it('/api/v1/auth wants the content envelope and answers only an access token', async () => {
    expect((await post('/api/v1/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET })).status).toBe(400);
    const { status, json } = await post('/api/v1/auth', { content: { api_key: SIM_KEY, api_secret: SIM_SECRET } });
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(['access_token']);
  });

  it('/tokens wants type API_KEY and X-Api-Version', async () => {
    const body = { content: { type: 'API_KEY', key: SIM_KEY, secret: SIM_SECRET } };
    expect((await post('/tokens', body)).status).toBe(400);
    expect((await post('/tokens', { content: { type: 'OTHER', key: SIM_KEY, secret: SIM_SECRET } }, { 'X-Api-Version': '2026-02-03' })).status).toBe(400);
    const { status, json } = await post('/tokens', body, { 'X-Api-Version': '2026-02-03' });
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(['access_token']);
  });

  it('refuses wrong secrets, extra fields and non-JSON bodies, and counts', async () => {
    expect((await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: 'nope' })).status).toBe(401);
    expect((await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET, extra: 1 })).status).toBe(400);
    const text = await fetch(`${sim.baseUrl}/api/v2/auth`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(text.status).toBe(415);
    expect(sim.counters).toMatchObject({ auth: 1, authRejected: 1 });
  });
});

describe('fiskaly simulator: refresh, expiry, revocation', () => {
  it('exchanges a refresh token for a new access token until it is revoked', async () => {
    const signIn = await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET });
    const refreshToken = tokenOf(signIn.json, 'refresh_token');
    const refreshed = await post('/api/v2/auth', { refresh_token: refreshToken });
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.json).sort()).toEqual(['access_token', 'access_token_expires_in']);
    sim.revokeRefreshTokens();
    expect((await post('/api/v2/auth', { refresh_token: refreshToken })).status).toBe(401);
    expect(sim.counters).toMatchObject({ refresh: 2, refreshRejected: 1 });
  });

  it('refuses an access token used as a refresh token', async () => {
    const signIn = await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET });
    expect((await post('/api/v2/auth', { refresh_token: tokenOf(signIn.json) })).status).toBe(401);
  });

  it('echo checks the bearer token, its expiry on the injected clock, and revocation', async () => {
    expect((await echo(undefined)).status).toBe(401);
    const token = tokenOf((await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET })).json);
    const ok = await echo(token);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ok: true, style: 'auth-v2', apiVersion: null, scopeIdentifier: null });
    clock.advance(61_000);
    const expired = await echo(token);
    expect(expired.status).toBe(401);
    expect(expired.json.message).toContain('expired');
    const fresh = tokenOf((await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET })).json);
    sim.revokeAll();
    expect((await echo(fresh)).json.message).toContain('revoked');
    expect(sim.counters).toMatchObject({ echo: 4, echoRejected: 3 });
  });

  it('echo requires X-Api-Version for /tokens tokens and echoes X-Scope-Identifier', async () => {
    const token = tokenOf((await post('/tokens', { content: { type: 'API_KEY', key: SIM_KEY, secret: SIM_SECRET } }, { 'X-Api-Version': '2026-02-03' })).json);
    expect((await echo(token)).status).toBe(400);
    const ok = await echo(token, { 'X-Api-Version': '2026-02-03', 'X-Scope-Identifier': 'unit-42' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ style: 'tokens', apiVersion: '2026-02-03', scopeIdentifier: 'unit-42' });
  });

  it('rotates refresh tokens when asked to', async () => {
    await sim.close();
    sim = await startFiskalySimulator({ clock, credentials: [{ apiKey: SIM_KEY, apiSecret: SIM_SECRET }], rotateRefreshTokens: true });
    const first = tokenOf((await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET })).json, 'refresh_token');
    const refreshed = await post('/api/v2/auth', { refresh_token: first });
    expect(typeof refreshed.json.refresh_token).toBe('string');
    expect((await post('/api/v2/auth', { refresh_token: first })).status).toBe(401);
  });
});

describe('fiskaly simulator: server', () => {
  it('listens on loopback only', async () => {
    await expect(startFiskalySimulator({ host: '0.0.0.0', credentials: [] })).rejects.toThrow(/loopback/);
    expect(new URL(sim.baseUrl).hostname).toBe('127.0.0.1');
  });

  it('refuses requests from web pages', async () => {
    const response = await fetch(`${sim.baseUrl}/echo`, { headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('injects faults on request', async () => {
    sim.failNext('auth', 503);
    expect((await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET })).status).toBe(503);
    expect((await post('/api/v2/auth', { api_key: SIM_KEY, api_secret: SIM_SECRET })).status).toBe(200);
  });
});
