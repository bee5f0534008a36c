// The three fiskaly authentication styles on the wire (../shared/fiskaly-auth.md, seed
// 000_2143f4745f9bf17e.txt): where the request goes, its body, its extra headers, and how the
// answer is read. Pure functions: no network, no state.
import { decodeJwt } from 'jose';
import { z } from 'zod';

/**
 * - `auth-v2`: SIGN DE, SIGN AT, DSFinV-K DE, RECEIPT. `POST {base}/api/v2/auth`, flat body,
 *   answers a refresh token; refresh is `POST {base}/api/v2/auth` with `{refresh_token}`.
 * - `auth-v1-es`: SIGN ES. `POST {base}/api/v1/auth`, body in a `content` envelope; no refresh
 *   token is documented, so on expiry the key and secret are used again.
 * - `tokens`: SIGN IT, SIGN FR, E-Invoice. `POST {base}/tokens` with `content.type = API_KEY`
 *   and `X-Api-Version` (on the token request and on every call afterwards); no refresh token.
 */
export const authStyles = ['auth-v2', 'auth-v1-es', 'tokens'] as const;
export type AuthStyle = (typeof authStyles)[number];

/** The version the /tokens family is pinned to (fiskaly-auth.md). */
export const FISKALY_TOKENS_API_VERSION = '2026-02-03';

export const AUTH_PATHS: Readonly<Record<AuthStyle, string>> = {
  'auth-v2': '/api/v2/auth',
  'auth-v1-es': '/api/v1/auth',
  tokens: '/tokens',
};

export interface ApiCredentials {
  apiKey: string;
  apiSecret: string;
}

export interface AuthRequest {
  path: string;
  headers: Record<string, string>;
  /** Serialised once; these exact bytes are sent. */
  body: string;
}

/** Whether the style has a documented refresh-token exchange. */
export function styleHasRefresh(style: AuthStyle): boolean {
  return style === 'auth-v2';
}

function baseHeaders(style: AuthStyle, apiVersion: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (style === 'tokens') headers['X-Api-Version'] = apiVersion ?? FISKALY_TOKENS_API_VERSION;
  return headers;
}

/** The sign-in request with key and secret, exactly as fiskaly-auth.md shows it per style. */
export function buildAuthRequest(style: AuthStyle, credentials: ApiCredentials, apiVersion?: string): AuthRequest {
  const { apiKey, apiSecret } = credentials;
  const body =
    style === 'auth-v2'
      ? { api_key: apiKey, api_secret: apiSecret }
      : style === 'auth-v1-es'
        ? { content: { api_key: apiKey, api_secret: apiSecret } }
        : { content: { type: 'API_KEY', key: apiKey, secret: apiSecret } };
  return { path: AUTH_PATHS[style], headers: baseHeaders(style, apiVersion), body: JSON.stringify(body) };
}

/** The refresh request (auth-v2 only): `POST /api/v2/auth` with `{"refresh_token": R}`. */
export function buildRefreshRequest(refreshToken: string): AuthRequest {
  return { path: AUTH_PATHS['auth-v2'], headers: baseHeaders('auth-v2', undefined), body: JSON.stringify({ refresh_token: refreshToken }) };
}

/** Any stated lifetime is read; what it is worth is decided by expiryAfter(). */
const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  access_token_expires_in: z.unknown().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.unknown().optional(),
});

/** Longest lifetime believed: fiskaly states 24 h for access and 48 h for refresh tokens. */
export const MAX_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Beyond this a stated lifetime is nonsense, not merely generous. */
const NONSENSE_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * When a token obtained at `sentAtMs` expires, given the lifetime the server claims. Generous
 * lifetimes are cut to MAX_TOKEN_LIFETIME_MS; nonsense (not a number, negative, zero, NaN,
 * more than a year) means "expires now": the token is used for the call that asked for it and
 * the next call signs in again. Never a date out of range, which would break every later call.
 */
export function expiryAfter(sentAtMs: number, lifetimeMs: unknown): number {
  if (typeof lifetimeMs !== 'number' || !Number.isFinite(lifetimeMs) || lifetimeMs <= 0 || lifetimeMs > NONSENSE_LIFETIME_MS) return sentAtMs;
  return sentAtMs + Math.min(Math.floor(lifetimeMs), MAX_TOKEN_LIFETIME_MS);
}

export interface IssuedToken {
  value: string;
  /** Epoch ms; null when neither the answer nor the JWT states an expiry. */
  expiresAtMs: number | null;
  /** When the request that produced it was sent (epoch ms). */
  obtainedAtMs: number;
}

export interface TokenAnswer {
  access: IssuedToken;
  refresh: IssuedToken | null;
}

/** The JWT's `exp` claim, read without verifying (only the server can verify), as an expiry; null without one. */
function jwtExpiry(token: string, sentAtMs: number): number | null {
  let exp: unknown;
  try {
    ({ exp } = decodeJwt(token));
  } catch {
    return null;
  }
  if (exp === undefined) return null;
  return expiryAfter(sentAtMs, typeof exp === 'number' ? exp * 1000 - sentAtMs : Number.NaN);
}

/**
 * Reads a sign-in or refresh answer. The expiry is the one the server states
 * (`*_expires_in`, counted from when the request was sent, to err on the early side); failing
 * that, the JWT's `exp`. The guide shows the fields at the top level for every style; a
 * `content` envelope around them is tolerated as well. Returns null for an answer that does not
 * carry an access token.
 */
export function parseTokenAnswer(raw: unknown, sentAtMs: number): TokenAnswer | null {
  const candidate = typeof raw === 'object' && raw !== null && 'content' in raw && !('access_token' in raw) ? raw.content : raw;
  const parsed = tokenAnswerSchema.safeParse(candidate);
  if (!parsed.success) return null;
  const a = parsed.data;
  const expiry = (value: string, expiresIn: unknown): number | null =>
    expiresIn === undefined || expiresIn === null ? jwtExpiry(value, sentAtMs) : expiryAfter(sentAtMs, typeof expiresIn === 'number' ? expiresIn * 1000 : Number.NaN);
  return {
    access: { value: a.access_token, expiresAtMs: expiry(a.access_token, a.access_token_expires_in), obtainedAtMs: sentAtMs },
    refresh:
      a.refresh_token === undefined
        ? null
        : { value: a.refresh_token, expiresAtMs: expiry(a.refresh_token, a.refresh_token_expires_in), obtainedAtMs: sentAtMs },
  };
}
