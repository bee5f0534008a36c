import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildAuthRequest, buildRefreshRequest, parseTokenAnswer } from './auth-styles';

const credentials = { apiKey: 'K', apiSecret: 'S' };

describe('auth styles (fiskaly-auth.md)', () => {
  it('auth-v2: POST /api/v2/auth with a flat body, no extra headers', () => {
    const request = buildAuthRequest('auth-v2', credentials);
    expect(request.path).toBe('/api/v2/auth');
    expect(request.body).toBe('{"api_key":"K","api_secret":"S"}');
    expect(request.headers).toEqual({ 'Content-Type': 'application/json', Accept: 'application/json' });
  });

  it('auth-v1-es: POST /api/v1/auth with the content envelope', () => {
    const request = buildAuthRequest('auth-v1-es', credentials);
    expect(request.path).toBe('/api/v1/auth');
    expect(request.body).toBe('{"content":{"api_key":"K","api_secret":"S"}}');
    expect(request.headers['X-Api-Version']).toBeUndefined();
  });

  it('tokens: POST /tokens with type API_KEY and X-Api-Version 2026-02-03', () => {
    const request = buildAuthRequest('tokens', credentials);
    expect(request.path).toBe('/tokens');
    expect(request.body).toBe('{"content":{"type":"API_KEY","key":"K","secret":"S"}}');
    expect(request.headers['X-Api-Version']).toBe('2026-02-03');
  });

  it('refresh: POST /api/v2/auth with {"refresh_token"}', () => {
    const request = buildRefreshRequest('R');
    expect(request.path).toBe('/api/v2/auth');
    expect(request.body).toBe('{"refresh_token":"R"}');
  });
});

describe('parseTokenAnswer', () => {
  it('takes the stated lifetimes, counted from when the request was sent', () => {
    const answer = parseTokenAnswer({ access_token: 'a', access_token_expires_in: 86400, refresh_token: 'r', refresh_token_expires_in: 172800 }, 1_000);
    expect(answer?.access).toEqual({ value: 'a', expiresAtMs: 1_000 + 86_400_000, obtainedAtMs: 1_000 });
    expect(answer?.refresh?.expiresAtMs).toBe(1_000 + 172_800_000);
  });

  it("falls back to the JWT's exp, then to no expiry", async () => {
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(2_000_000_000).sign(new Uint8Array(32));
    // Sent an hour before that exp (a lifetime counted from 1970 would be nonsense).
    expect(parseTokenAnswer({ access_token: jwt }, 2_000_000_000_000 - 3_600_000)?.access.expiresAtMs).toBe(2_000_000_000_000);
    expect(parseTokenAnswer({ access_token: 'opaque' }, 0)?.access.expiresAtMs).toBeNull();
  });

  it('tolerates a content envelope and refuses answers without an access token', () => {
    expect(parseTokenAnswer({ content: { access_token: 'a' } }, 0)?.access.value).toBe('a');
    expect(parseTokenAnswer({ token: 'a' }, 0)).toBeNull();
    expect(parseTokenAnswer('<html>', 0)).toBeNull();
  });

  it('cuts generous lifetimes to a week and reads nonsense as "expires now"', async () => {
    const week = 7 * 24 * 3600 * 1000;
    const expiresIn = (value: unknown): number | null | undefined => parseTokenAnswer({ access_token: 'a', access_token_expires_in: value }, 5_000)?.access.expiresAtMs;
    expect(expiresIn(30 * 24 * 3600)).toBe(5_000 + week);
    for (const nonsense of [1e300, -5, 0, Number.NaN, Number.POSITIVE_INFINITY, '86400', true]) expect(expiresIn(nonsense)).toBe(5_000);
    expect(expiresIn(null)).toBeNull();
    const jwt = async (exp: number) => new SignJWT({ exp }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(parseTokenAnswer({ access_token: await jwt(1e20) }, 5_000)?.access.expiresAtMs).toBe(5_000);
    expect(parseTokenAnswer({ access_token: await jwt(1) }, 5_000)?.access.expiresAtMs).toBe(5_000);
  });
});
