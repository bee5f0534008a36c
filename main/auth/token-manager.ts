// The fiskaly token manager: one per connection profile, used by every fiskaly call
// (main/providers/fiskaly/fiskaly-client.ts). The strategy of fiskaly-auth.md and DESIGN.md §4:
// - sign in once with key and secret (read from the keychain through `credentials()` each time);
// - tokens in memory only, each registered with the redactor so no log can carry it;
// - refresh ahead of the expiry the server states, and on a 401;
// - one sign-in or refresh in flight at a time, however many callers wait for it;
// - a refused refresh falls back to signing in again with key and secret;
// - a refused sign-in is an operator error naming the profile and what to check, and it is
//   sticky: no further network attempt until the key or secret changes or reset() is called.
import type { TokenState } from '../../shared/contract/fiskaly-token-state';
import { AppError, isAppError } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import { buildAuthRequest, buildRefreshRequest, parseTokenAnswer, styleHasRefresh } from './auth-styles';
import type { ApiCredentials, AuthRequest, AuthStyle, IssuedToken, TokenAnswer } from './auth-styles';
import { isTransientStatus, joinUrl, send, unavailableError } from './http';
import type { HttpAnswer } from './http';

export type { AuthStyle } from './auth-styles';

export const DEFAULT_REFRESH_AHEAD_MS = 5 * 60 * 1000;
export const DEFAULT_AUTH_TIMEOUT_MS = 15_000;
/** After a proactive refresh failed for a passing reason, the current token is used this long (at most half its remaining life) before trying again. */
export const PROACTIVE_RETRY_MS = 15_000;

export interface TokenManagerOptions {
  profileId: string;
  /** The name the operator gave the profile; used in error messages. */
  profileName: string;
  style: AuthStyle;
  /** The product's base URL (no trailing slash needed), e.g. `https://kassensichv-middleware.fiskaly.com`. */
  baseUrl: string;
  /** `X-Api-Version` for the `tokens` style; default FISKALY_TOKENS_API_VERSION. Ignored by other styles. */
  apiVersion?: string;
  /** Named in the operator error ("keys of the live environment..."). */
  environment?: 'test' | 'live';
  /** Reads key and secret (from the keychain); called for every sign-in, never cached here. */
  credentials: () => Promise<ApiCredentials>;
  fetch?: typeof fetch;
  /** Epoch ms; injectable for tests. */
  clock?: () => number;
  /** Refresh this long before the stated expiry; capped at half the token's lifetime. Default 5 min. */
  refreshAheadMs?: number;
  /** Time limit of one sign-in or refresh request. Default 15 s. */
  timeoutMs?: number;
  redactor: Redactor;
  logger: Logger;
}

/** Thrown inside an operation whose generation was dropped by reset(); never leaves the class. */
class Superseded extends Error {}

type Listener = (state: TokenState) => void;

export class TokenManager {
  readonly profileId: string;
  readonly profileName: string;
  readonly style: AuthStyle;
  readonly baseUrl: string;

  private readonly options: TokenManagerOptions;
  private readonly fetchFn: typeof fetch;
  private readonly clock: () => number;
  private readonly refreshAheadMs: number;
  private readonly timeoutMs: number;

  private access: IssuedToken | null = null;
  private refresh: IssuedToken | null = null;
  private inflight: Promise<string> | null = null;
  /** Sticky: set when fiskaly refused the key and secret. */
  private failure: AppError | null = null;
  private lastError: AppError | null = null;
  private authenticatedAtMs: number | null = null;
  private proactiveHoldUntilMs = 0;
  private refreshCount = 0;
  private authCount = 0;
  /** Bumped by reset(): results of operations started before it are thrown away. */
  private generation = 0;
  private readonly listeners = new Set<Listener>();

  constructor(options: TokenManagerOptions) {
    this.options = options;
    this.profileId = options.profileId;
    this.profileName = options.profileName;
    this.style = options.style;
    this.baseUrl = options.baseUrl;
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.clock = options.clock ?? Date.now;
    this.refreshAheadMs = options.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS;
  }

  /**
   * A valid access token: the cached one, or one obtained now (sign-in the first time, refresh
   * when it is due or expired). Concurrent callers share the one operation in flight. Throws the
   * sticky operator error without touching the network once fiskaly has refused the key and secret.
   */
  async getAccessToken(): Promise<string> {
    if (this.failure) throw this.failure;
    if (this.inflight) return this.inflight;
    const now = this.clock();
    const access = this.access;
    if (access && !isExpired(access, now)) {
      if (!this.isDue(access, now) || now < this.proactiveHoldUntilMs) return access.value;
      return this.startOperation(access);
    }
    return this.startOperation(null);
  }

  /**
   * A request was answered 401 with `rejectedToken`. Returns a token to retry with (once): the
   * current one if another caller already replaced the rejected token, otherwise the result of
   * the single refresh (or sign-in) in flight. Throws the operator error when signing in again
   * is refused too.
   */
  async handleUnauthorized(rejectedToken: string): Promise<string> {
    if (this.failure) throw this.failure;
    if (this.inflight) {
      // Join the operation in flight; only if it handed back the very token that was refused
      // (an early refresh that failed and kept it) is a new one needed.
      const token = await this.inflight;
      if (token !== rejectedToken) return token;
      if (this.failure) throw this.failure;
      if (this.inflight !== null) return this.inflight;
    }
    const access = this.access;
    if (access && access.value !== rejectedToken) return this.getAccessToken();
    if (access) {
      this.logger.info('fiskaly: access token refused (401), refreshing', { profileId: this.profileId });
      this.dropAccess();
    }
    return this.startOperation(null);
  }

  /** The key or secret changed in the keychain: cached tokens are dropped, a sticky error cleared. */
  credentialsChanged(): void {
    this.logger.info('fiskaly: credentials changed, cached tokens dropped', { profileId: this.profileId });
    this.reset();
  }

  /** Drops every token and the sticky error; the next call signs in again. Counters are kept. */
  reset(): void {
    this.generation += 1;
    this.dropAccess();
    this.dropRefresh();
    this.inflight = null;
    this.failure = null;
    this.lastError = null;
    this.authenticatedAtMs = null;
    this.proactiveHoldUntilMs = 0;
    this.emit();
  }

  /** Non-secret state for the UI: never a token value. */
  state(): TokenState {
    const now = this.clock();
    const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined || !isDateInRange(ms) ? null : new Date(ms).toISOString());
    const usable = (this.access !== null && !isExpired(this.access, now)) || (this.refresh !== null && !isExpired(this.refresh, now));
    return {
      status: this.failure ? 'failed' : this.inflight ? 'refreshing' : usable ? 'signed-in' : 'signed-out',
      accessTokenExpiresAt: iso(this.access?.expiresAtMs),
      refreshTokenExpiresAt: iso(this.refresh?.expiresAtMs),
      hasRefreshToken: this.refresh !== null,
      lastError: this.lastError ? { code: this.lastError.code, message: this.lastError.message } : null,
      authenticatedAt: iso(this.authenticatedAtMs),
      refreshCount: this.refreshCount,
      authCount: this.authCount,
    };
  }

  /** Called with the new state whenever it changes (for pushing it to the UI). Returns an unsubscribe. */
  onStateChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- internals -------------------------------------------------------------------------

  private get logger(): Logger {
    return this.options.logger;
  }

  private get redactor(): Redactor {
    return this.options.redactor;
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const state = this.state();
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch (error) {
        this.logger.warn('fiskaly: token state listener failed', { error });
      }
    }
  }

  /** Due for a proactive refresh: within `refreshAheadMs` (at most half its lifetime) of its expiry. */
  private isDue(token: IssuedToken, now: number): boolean {
    if (token.expiresAtMs === null) return false;
    const lifetime = Math.max(0, token.expiresAtMs - token.obtainedAtMs);
    return now >= token.expiresAtMs - Math.min(this.refreshAheadMs, lifetime / 2);
  }

  /** Starts the single operation; `stillValid` is the current token when this is a proactive refresh. */
  private startOperation(stillValid: IssuedToken | null): Promise<string> {
    const generation = this.generation;
    const tracked: Promise<string> = this.obtain(generation, stillValid).then(
      (token) => {
        this.finish(tracked);
        return token;
      },
      (error: unknown) => {
        this.finish(tracked);
        // reset() happened meanwhile: start over with the new credentials.
        if (error instanceof Superseded) return this.getAccessToken();
        throw error;
      },
    );
    this.inflight = tracked;
    this.emit();
    return tracked;
  }

  private finish(operation: Promise<string>): void {
    if (this.inflight === operation) this.inflight = null;
    this.emit();
  }

  private async obtain(generation: number, stillValid: IssuedToken | null): Promise<string> {
    try {
      const refresh = this.refresh;
      if (refresh && styleHasRefresh(this.style) && !isExpired(refresh, this.clock())) {
        const token = await this.refreshWith(refresh, generation);
        if (token !== null) return token;
      }
      return await this.signIn(generation);
    } catch (error) {
      if (error instanceof Superseded || generation !== this.generation) throw new Superseded();
      const appError = isAppError(error) ? error : new AppError('INTERNAL', `Signing in to fiskaly failed for "${this.profileName}".`, { cause: error });
      if (appError.retryable && stillValid && stillValid === this.access && !isExpired(stillValid, this.clock())) {
        // A proactive refresh failed for a passing reason: the current token is still good.
        const now = this.clock();
        const left = stillValid.expiresAtMs === null ? PROACTIVE_RETRY_MS : stillValid.expiresAtMs - now;
        this.proactiveHoldUntilMs = now + Math.min(PROACTIVE_RETRY_MS, left / 2);
        this.lastError = appError;
        this.logger.warn('fiskaly: early refresh failed, keeping the current token for now', { profileId: this.profileId, code: appError.code });
        return stillValid.value;
      }
      this.lastError = appError;
      throw appError;
    }
  }

  private checkGeneration(generation: number): void {
    if (generation !== this.generation) throw new Superseded();
  }

  private async exchange(request: AuthRequest): Promise<HttpAnswer> {
    return send({
      fetch: this.fetchFn,
      url: joinUrl(this.baseUrl, request.path),
      method: 'POST',
      headers: request.headers,
      body: request.body,
      timeoutMs: this.timeoutMs,
      profileName: this.profileName,
    });
  }

  /** The refreshed access token, or null when fiskaly refused the refresh token (then: sign in again). */
  private async refreshWith(refresh: IssuedToken, generation: number): Promise<string | null> {
    const sentAt = this.clock();
    const answer = await this.exchange(buildRefreshRequest(refresh.value));
    this.checkGeneration(generation);
    if (answer.status >= 200 && answer.status < 300) {
      const tokens = parseTokenAnswer(answer.json, sentAt);
      if (tokens) {
        this.adopt(tokens);
        this.refreshCount += 1;
        this.lastError = null;
        this.logger.info('fiskaly: access token refreshed', { profileId: this.profileId, accessTokenExpiresAt: this.state().accessTokenExpiresAt });
        return tokens.access.value;
      }
      this.logger.warn('fiskaly: refresh answer without an access token, signing in again', { profileId: this.profileId });
    } else if (isTransientStatus(answer.status)) {
      this.logger.warn('fiskaly: refresh answered with a temporary failure', { profileId: this.profileId, status: answer.status });
      throw unavailableError(this.profileName);
    } else {
      this.logger.warn('fiskaly: refresh token refused, signing in again with key and secret', { profileId: this.profileId, status: answer.status });
    }
    this.dropRefresh();
    return null;
  }

  private async readCredentials(): Promise<ApiCredentials> {
    let credentials: ApiCredentials;
    try {
      credentials = await this.options.credentials();
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('KEYCHAIN_UNAVAILABLE', `The API key and secret of "${this.profileName}" could not be read from the keychain.`, { retryable: true, cause: error });
    }
    if (credentials.apiKey.trim() === '' || credentials.apiSecret.trim() === '') {
      throw new AppError('CREDENTIALS_MISSING', `"${this.profileName}" has no API key or secret yet. Enter both in the connection settings.`);
    }
    this.redactor.registerSecret(credentials.apiSecret);
    return credentials;
  }

  private async signIn(generation: number): Promise<string> {
    const credentials = await this.readCredentials();
    this.checkGeneration(generation);
    const sentAt = this.clock();
    const answer = await this.exchange(buildAuthRequest(this.style, credentials, this.options.apiVersion));
    this.checkGeneration(generation);
    if (answer.status >= 200 && answer.status < 300) {
      const tokens = parseTokenAnswer(answer.json, sentAt);
      if (!tokens) {
        throw this.fail(
          new AppError(
            'SERVICE_REJECTED',
            `The address set for "${this.profileName}" did not answer like fiskaly's sign-in. Check the connection's base URL and product.`,
          ),
          answer.status,
        );
      }
      this.dropRefresh();
      this.adopt(tokens);
      this.authCount += 1;
      this.authenticatedAtMs = this.clock();
      this.lastError = null;
      this.logger.info('fiskaly: signed in', { profileId: this.profileId, style: this.style, accessTokenExpiresAt: this.state().accessTokenExpiresAt });
      return tokens.access.value;
    }
    if (isTransientStatus(answer.status)) {
      this.logger.warn('fiskaly: sign-in answered with a temporary failure', { profileId: this.profileId, status: answer.status });
      throw unavailableError(this.profileName);
    }
    if (answer.status === 404 || answer.status === 405) {
      throw this.fail(
        new AppError(
          'SERVICE_REJECTED',
          `fiskaly has no sign-in at the address set for "${this.profileName}". Check the connection's base URL, product and environment (test or live).`,
        ),
        answer.status,
      );
    }
    throw this.fail(this.operatorError(), answer.status);
  }

  /** The error of strategy step 5: names the profile and what to check. */
  private operatorError(): AppError {
    const environment =
      this.options.environment === undefined
        ? 'the environment this connection uses (test or live)'
        : `the ${this.options.environment.toUpperCase()} environment, which this connection uses`;
    return new AppError(
      'WRONG_CREDENTIALS',
      `fiskaly refused to sign in "${this.profileName}". Check the API key and the API secret, and that they were created for ${environment}. Nothing more will be sent until the key or secret is changed or the connection is tested again.`,
      { fields: { apiKey: 'Check the API key', apiSecret: 'Check the API secret' } },
    );
  }

  /** Makes `error` sticky: no more network attempts until credentialsChanged() or reset(). */
  private fail(error: AppError, status: number): AppError {
    this.failure = error;
    this.lastError = error;
    this.dropAccess();
    this.dropRefresh();
    this.logger.error('fiskaly: sign-in refused, stopped retrying', { profileId: this.profileId, style: this.style, status, code: error.code });
    return error;
  }

  private adopt(tokens: TokenAnswer): void {
    this.redactor.registerSecret(tokens.access.value);
    if (this.access && this.access.value !== tokens.access.value) this.redactor.forgetSecret(this.access.value);
    this.access = tokens.access;
    this.proactiveHoldUntilMs = 0;
    // A refresh answer without a new refresh token keeps the one we have.
    if (tokens.refresh && styleHasRefresh(this.style)) {
      this.redactor.registerSecret(tokens.refresh.value);
      if (this.refresh && this.refresh.value !== tokens.refresh.value) this.redactor.forgetSecret(this.refresh.value);
      this.refresh = tokens.refresh;
    }
  }

  private dropAccess(): void {
    if (this.access) this.redactor.forgetSecret(this.access.value);
    this.access = null;
  }

  private dropRefresh(): void {
    if (this.refresh) this.redactor.forgetSecret(this.refresh.value);
    this.refresh = null;
  }
}

/** A Date can hold it (±8.64e15 ms); toISOString() throws otherwise. */
function isDateInRange(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

function isExpired(token: IssuedToken, now: number): boolean {
  return token.expiresAtMs !== null && now >= token.expiresAtMs;
}
