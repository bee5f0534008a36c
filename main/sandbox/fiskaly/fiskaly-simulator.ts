// The fiskaly authentication simulator: one loopback HTTP server speaking the three styles of
// ../shared/fiskaly-auth.md, for tests and the app's training mode. Electron-free.
//
//   POST /api/v2/auth  {"api_key","api_secret"}                        -> access + refresh token
//   POST /api/v2/auth  {"refresh_token"}                               -> new access token
//   POST /api/v1/auth  {"content":{"api_key","api_secret"}}            -> access token (SIGN ES)
//   POST /tokens       {"content":{"type":"API_KEY","key","secret"}}   -> access token
//                      + X-Api-Version: 2026-02-03 (required)
//   ANY  /echo         Authorization: Bearer <access token>; tokens from /tokens also need
//                      X-Api-Version, and X-Scope-Identifier is echoed back.
//
// Bodies are checked exactly (no extra or missing fields). Tokens are JWTs (HS256, random key
// per run) with `exp` checked against the injectable clock; they can be revoked. Lifetimes can
// be shortened. Answers of the /auth style carry `*_expires_in`; SIGN ES and /tokens answers
// carry only `access_token` (the guide documents nothing else), the expiry is the JWT's `exp`.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { AUTH_PATHS, FISKALY_TOKENS_API_VERSION } from '../../auth/auth-styles';
import type { AuthStyle } from '../../auth/auth-styles';
import { SIMULATOR_ECHO_PATH } from '../../providers/fiskaly/products';
import { isLoopbackHostHeader, LOOPBACK_HOSTS } from '../http/loopback';
import { SimTokens } from './sim-tokens';
import { readBody } from '../../http/read-body';

export interface SimCredentials {
  apiKey: string;
  apiSecret: string;
}

export type SimEndpoint = 'auth' | 'refresh' | 'echo';
/** An HTTP status to answer with, `drop` (connection closed) or `hang` (never answered). */
export type SimFault = number | 'drop' | 'hang';

export interface FiskalySimulatorOptions {
  /** 0 (default): a free port. */
  port?: number;
  /** `127.0.0.1` (default), `::1` or `localhost`; anything else is refused. */
  host?: string;
  /** Default 86400 (24 h, as fiskaly). */
  accessTokenTtlSeconds?: number;
  /** Default 172800 (48 h, as fiskaly). */
  refreshTokenTtlSeconds?: number;
  /** Epoch ms; drives `iat`/`exp` and their checks. */
  clock?: () => number;
  /** Accepted key/secret pairs (for every style). */
  credentials: SimCredentials[];
  /** Delay before every answer, ms. Default 0. */
  latencyMs?: number;
  /** A refresh also answers a new refresh token (the old one is revoked). Default false. */
  rotateRefreshTokens?: boolean;
  onError?: (error: unknown) => void;
}

export interface SimulatorCounters {
  /** Sign-ins with key and secret received (any style, any outcome). */
  auth: number;
  authRejected: number;
  /** Refresh-token exchanges received (any outcome). */
  refresh: number;
  refreshRejected: number;
  /** Echo calls received (any outcome). */
  echo: number;
  echoRejected: number;
  /** Every request received. */
  requests: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-case header names: content-type, x-api-version, x-scope-identifier, authorization, when present. */
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** The style the request used (sign-ins and echo calls with a valid token). */
  style?: AuthStyle;
}

export interface EchoAnswer {
  ok: true;
  method: string;
  path: string;
  style: AuthStyle;
  apiVersion: string | null;
  scopeIdentifier: string | null;
  body: unknown;
}

export interface RunningFiskalySimulator {
  /** `http://127.0.0.1:PORT`: the base URL for every product family. */
  baseUrl: string;
  port: number;
  close(): Promise<void>;
  /** Every access and refresh token issued so far stops working. */
  revokeAll(): void;
  revokeAccessTokens(): void;
  revokeRefreshTokens(): void;
  /** Live counters (read them after the calls). */
  readonly counters: Readonly<SimulatorCounters>;
  resetCounters(): void;
  /** Replaces the accepted key/secret pairs; existing tokens stay valid (refresh checks the key). */
  setCredentials(credentials: SimCredentials[]): void;
  setTokenLifetimes(lifetimes: { accessTokenTtlSeconds?: number; refreshTokenTtlSeconds?: number }): void;
  setLatency(ms: number): void;
  /** The next `times` requests to `endpoint` fail with `fault`. */
  failNext(endpoint: SimEndpoint, fault: SimFault, times?: number): void;
  requests(): readonly RecordedRequest[];
  clearRequests(): void;
  /** Every token issued so far (for tests that scan logs and files for leaks). */
  issuedTokens(): readonly string[];
}

const MAX_BODY_BYTES = 256 * 1024;
const MAX_RECORDED = 10_000;

const v2CredentialsSchema = z.strictObject({ api_key: z.string().min(1), api_secret: z.string().min(1) });
const v2RefreshSchema = z.strictObject({ refresh_token: z.string().min(1) });
const esSchema = z.strictObject({ content: z.strictObject({ api_key: z.string().min(1), api_secret: z.string().min(1) }) });
const tokensSchema = z.strictObject({ content: z.strictObject({ type: z.literal('API_KEY'), key: z.string().min(1), secret: z.string().min(1) }) });

interface Answer {
  status: number;
  body: unknown;
}

function error(status: number, code: string, message: string): Answer {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 415: 'Unsupported Media Type' };
  return { status, body: { status_code: status, error: names[status] ?? 'Error', code, message } };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}


function checkHost(host: string): string {
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    throw new Error(`The fiskaly simulator only listens on loopback (${LOOPBACK_HOSTS.join(', ')}), not on "${host}"`);
  }
  return host === 'localhost' ? '127.0.0.1' : host;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFiskalySimulator(options: FiskalySimulatorOptions): Promise<RunningFiskalySimulator> {
  const host = checkHost(options.host ?? '127.0.0.1');
  const clock = options.clock ?? Date.now;
  const onError = options.onError ?? ((e: unknown) => console.error('[fiskaly-simulator]', e));
  const tokens = new SimTokens(clock);
  let accessTtl = options.accessTokenTtlSeconds ?? 86_400;
  let refreshTtl = options.refreshTokenTtlSeconds ?? 172_800;
  let latencyMs = options.latencyMs ?? 0;
  let accepted = new Map(options.credentials.map((c) => [c.apiKey, c.apiSecret]));
  const faults: Record<SimEndpoint, SimFault[]> = { auth: [], refresh: [], echo: [] };
  const counters: SimulatorCounters = { auth: 0, authRejected: 0, refresh: 0, refreshRejected: 0, echo: 0, echoRejected: 0, requests: 0 };
  const recorded: RecordedRequest[] = [];

  const credentialsOk = (apiKey: string, apiSecret: string): boolean => accepted.get(apiKey) === apiSecret;

  async function signIn(style: AuthStyle, apiKey: string, apiSecret: string): Promise<Answer> {
    if (!credentialsOk(apiKey, apiSecret)) {
      counters.authRejected += 1;
      return error(401, 'E_UNAUTHORIZED', 'Invalid API key or secret');
    }
    const access = await tokens.issue(apiKey, style, 'access', accessTtl);
    if (style !== 'auth-v2') return { status: 200, body: { access_token: access.token } };
    const refresh = await tokens.issue(apiKey, style, 'refresh', refreshTtl);
    return {
      status: 200,
      body: { access_token: access.token, access_token_expires_in: access.expiresIn, refresh_token: refresh.token, refresh_token_expires_in: refresh.expiresIn },
    };
  }

  async function refresh(refreshToken: string): Promise<Answer> {
    const verified = await tokens.verify(refreshToken, 'refresh');
    if (!verified.ok || verified.claims.style !== 'auth-v2' || !accepted.has(verified.claims.apiKey)) {
      counters.refreshRejected += 1;
      return error(401, 'E_UNAUTHORIZED', 'The refresh token is invalid, expired or revoked');
    }
    const access = await tokens.issue(verified.claims.apiKey, 'auth-v2', 'access', accessTtl);
    if (!options.rotateRefreshTokens) return { status: 200, body: { access_token: access.token, access_token_expires_in: access.expiresIn } };
    tokens.revoke(verified.claims.id);
    const next = await tokens.issue(verified.claims.apiKey, 'auth-v2', 'refresh', refreshTtl);
    return {
      status: 200,
      body: { access_token: access.token, access_token_expires_in: access.expiresIn, refresh_token: next.token, refresh_token_expires_in: next.expiresIn },
    };
  }

  async function echo(req: IncomingMessage, method: string, path: string, body: unknown, record: RecordedRequest): Promise<Answer> {
    const authorization = header(req, 'authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
    const verified = match?.[1] === undefined ? null : await tokens.verify(match[1], 'access');
    if (!verified?.ok) {
      counters.echoRejected += 1;
      return error(401, 'E_UNAUTHORIZED', verified === null ? 'A bearer token is required' : `The access token is ${verified.reason}`);
    }
    const { style } = verified.claims;
    record.style = style;
    const apiVersion = header(req, 'x-api-version') ?? null;
    if (style === 'tokens' && apiVersion !== FISKALY_TOKENS_API_VERSION) {
      counters.echoRejected += 1;
      return error(400, 'E_API_VERSION', `X-Api-Version: ${FISKALY_TOKENS_API_VERSION} is required`);
    }
    const answer: EchoAnswer = { ok: true, method, path, style, apiVersion, scopeIdentifier: header(req, 'x-scope-identifier') ?? null, body };
    return { status: 200, body: answer };
  }

  function takeFault(endpoint: SimEndpoint): SimFault | undefined {
    return faults[endpoint].shift();
  }

  async function route(req: IncomingMessage, method: string, path: string, text: string, record: RecordedRequest): Promise<Answer | SimFault> {
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
    }
    record.body = body;

    if (path === SIMULATOR_ECHO_PATH) {
      counters.echo += 1;
      return takeFault('echo') ?? echo(req, method, path, body, record);
    }
    const style = (Object.keys(AUTH_PATHS) as AuthStyle[]).find((s) => AUTH_PATHS[s] === path);
    if (style === undefined) return error(404, 'E_NOT_FOUND', `Nothing at ${path}`);
    if (method !== 'POST') return error(405, 'E_METHOD', 'Use POST');
    if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith('application/json')) return error(415, 'E_CONTENT_TYPE', 'Send Content-Type: application/json');
    if (typeof body !== 'object' || body === null) return error(400, 'E_BAD_REQUEST', 'The body must be a JSON object');
    record.style = style;

    if (style === 'auth-v2') {
      const refreshBody = v2RefreshSchema.safeParse(body);
      if (refreshBody.success) {
        counters.refresh += 1;
        return takeFault('refresh') ?? refresh(refreshBody.data.refresh_token);
      }
      const credentials = v2CredentialsSchema.safeParse(body);
      if (!credentials.success) return error(400, 'E_BAD_REQUEST', 'Send {"api_key","api_secret"} or {"refresh_token"}');
      counters.auth += 1;
      return takeFault('auth') ?? signIn(style, credentials.data.api_key, credentials.data.api_secret);
    }
    if (style === 'auth-v1-es') {
      const parsed = esSchema.safeParse(body);
      if (!parsed.success) return error(400, 'E_BAD_REQUEST', 'Send {"content":{"api_key","api_secret"}}');
      counters.auth += 1;
      return takeFault('auth') ?? signIn(style, parsed.data.content.api_key, parsed.data.content.api_secret);
    }
    if (header(req, 'x-api-version') !== FISKALY_TOKENS_API_VERSION) return error(400, 'E_API_VERSION', `X-Api-Version: ${FISKALY_TOKENS_API_VERSION} is required`);
    const parsed = tokensSchema.safeParse(body);
    if (!parsed.success) return error(400, 'E_BAD_REQUEST', 'Send {"content":{"type":"API_KEY","key","secret"}}');
    counters.auth += 1;
    return takeFault('auth') ?? signIn(style, parsed.data.content.key, parsed.data.content.secret);
  }

  function sendJson(res: ServerResponse, answer: Answer): void {
    if (res.destroyed || res.writableEnded) return;
    const payload = Buffer.from(JSON.stringify(answer.body), 'utf8');
    res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length, 'Cache-Control': 'no-store' });
    res.end(payload);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.requests += 1;
    const raw = await readBody(req, MAX_BODY_BYTES);
    const text = raw === 'too-large' ? raw : raw.toString('utf8');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Addressed to another name (DNS rebinding): refused like the Fiscal Harmony simulator does.
    if (!isLoopbackHostHeader(header(req, 'host'))) {
      sendJson(res, error(403, 'E_FORBIDDEN', 'Only requests addressed to this computer are answered'));
      return;
    }
    // Browsers are not clients of fiskaly here: the app's main process is.
    if (header(req, 'origin') !== undefined) {
      sendJson(res, error(403, 'E_FORBIDDEN', 'Requests from web pages are refused'));
      return;
    }
    if (text === 'too-large') {
      sendJson(res, error(400, 'E_BAD_REQUEST', 'The body is too large'));
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'x-api-version', 'x-scope-identifier', 'authorization']) {
      const value = header(req, name);
      if (value !== undefined) headers[name] = value;
    }
    const record: RecordedRequest = { method, path, headers, body: undefined };
    if (recorded.length < MAX_RECORDED) recorded.push(record);

    const outcome = await route(req, method, path, text, record);
    if (latencyMs > 0) await sleep(latencyMs);
    if (outcome === 'hang') return;
    if (outcome === 'drop') {
      req.socket.destroy();
      return;
    }
    sendJson(res, typeof outcome === 'number' ? error(outcome, 'E_SIMULATED', 'Simulated failure') : outcome);
  }

  const sockets = new Set<Socket>();
  const server = createServer({ keepAlive: true, noDelay: true }, (req, res) => {
    void handle(req, res).catch((e: unknown) => {
      onError(e);
      sendJson(res, error(500, 'E_INTERNAL', 'Internal simulator error'));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closed = false;
  return {
    baseUrl,
    port,
    async close() {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await done;
    },
    revokeAll: () => void tokens.revokeWhere(() => true),
    revokeAccessTokens: () => void tokens.revokeWhere((use) => use === 'access'),
    revokeRefreshTokens: () => void tokens.revokeWhere((use) => use === 'refresh'),
    counters,
    resetCounters() {
      for (const key of Object.keys(counters) as (keyof SimulatorCounters)[]) counters[key] = 0;
    },
    setCredentials(credentials) {
      accepted = new Map(credentials.map((c) => [c.apiKey, c.apiSecret]));
    },
    setTokenLifetimes(lifetimes) {
      accessTtl = lifetimes.accessTokenTtlSeconds ?? accessTtl;
      refreshTtl = lifetimes.refreshTokenTtlSeconds ?? refreshTtl;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    failNext(endpoint, fault, times = 1) {
      for (let i = 0; i < times; i += 1) faults[endpoint].push(fault);
    },
    requests: () => recorded,
    clearRequests() {
      recorded.length = 0;
    },
    issuedTokens: () => tokens.issued,
  };
}
