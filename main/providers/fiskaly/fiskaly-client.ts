// The one way to call fiskaly: every request gets its bearer token from the profile's
// TokenManager, the /tokens family's X-Api-Version (and X-Scope-Identifier when an organisation
// unit is set), a time limit, exactly one retry after a 401, and errors mapped to AppError codes
// with messages for a shop manager (no token, no secret, no raw server text).
import type { z } from 'zod';
import type { ConnectionTestResult } from '../../../shared/contract/connections';
import { AppError, isAppError } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/errors';
import { isTransientStatus, joinUrl, send, unavailableError } from '../../auth/http';
import type { HttpAnswer } from '../../auth/http';
import type { TokenManager } from '../../auth/token-manager';
import type { Logger } from '../../logging/logger';

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export interface FiskalyClientOptions {
  tokens: TokenManager;
  /** `X-Api-Version` on every call; set for the /tokens family (products.ts), else null. */
  apiVersion: string | null;
  /** Sent as `X-Scope-Identifier` when `scopeHeader` is true and this is non-empty. */
  organizationUnitId?: string | null;
  /** Whether the family takes `X-Scope-Identifier` (the /tokens family). */
  scopeHeader: boolean;
  /** What testConnection() calls after signing in (products.ts connectionProbePath); null: sign-in only. */
  probePath: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
  clock?: () => number;
  logger: Logger;
}

export interface FiskalyRequestInit<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON once; the same bytes are sent on the retry. */
  body?: unknown;
  /** Validates the answer; without it the parsed JSON is returned unchecked. */
  schema?: z.ZodType<T>;
  /** Largest answer accepted, counted after decompression; default JSON_ANSWER_LIMIT_BYTES. */
  maxAnswerBytes?: number;
}

export interface FiskalyConnectionTestResult extends ConnectionTestResult {
  /** The error's code when `ok` is false (the message is in `message`). */
  code: ErrorCode | null;
}

export class FiskalyClient {
  readonly tokens: TokenManager;
  private readonly options: FiskalyClientOptions;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly clock: () => number;

  constructor(options: FiskalyClientOptions) {
    this.options = options;
    this.tokens = options.tokens;
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.clock = options.clock ?? Date.now;
  }

  private get profileName(): string {
    return this.tokens.profileName;
  }

  /** The headers every call carries besides Authorization (exposed for tests and diagnostics). */
  extraHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.options.apiVersion) headers['X-Api-Version'] = this.options.apiVersion;
    const unit = this.options.organizationUnitId?.trim();
    if (this.options.scopeHeader && unit) headers['X-Scope-Identifier'] = unit;
    return headers;
  }

  /**
   * Calls `path` (below the profile's base URL) with a bearer token. A 401 is handed to the
   * token manager (single-flight refresh, then sign-in) and the call is retried exactly once;
   * a second 401 is surfaced.
   */
  async request<T = unknown>(path: string, init: FiskalyRequestInit<T>): Promise<T> {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    let token = await this.tokens.getAccessToken();
    let answer = await this.send(path, init.method, body, token, init.maxAnswerBytes);
    if (answer.status === 401) {
      token = await this.tokens.handleUnauthorized(token);
      answer = await this.send(path, init.method, body, token, init.maxAnswerBytes);
      if (answer.status === 401) {
        this.options.logger.warn('fiskaly: request refused (401) again after a fresh token', { profileId: this.tokens.profileId, path });
        throw new AppError(
          'NOT_ALLOWED',
          `fiskaly refused this request for "${this.profileName}" even after signing in again. Check that the API key may act for this organisation unit and environment.`,
        );
      }
    }
    return this.read(answer, path, init.schema);
  }

  /**
   * Signs in (using the cached token if there is one) and calls the probe path. Never throws:
   * the result says what went wrong in words for the operator. A profile whose sign-in was
   * refused (sticky error) is reset first, since the operator asked explicitly to try again.
   */
  async testConnection(): Promise<FiskalyConnectionTestResult> {
    if (this.tokens.state().status === 'failed') this.tokens.reset();
    const checkedAt = (): string => new Date(this.clock()).toISOString();
    try {
      if (this.options.probePath === null) await this.tokens.getAccessToken();
      else await this.request(this.options.probePath, { method: 'GET' });
      return { ok: true, message: `fiskaly accepted "${this.profileName}".`, checkedAt: checkedAt(), code: null };
    } catch (error) {
      const appError = isAppError(error) ? error : new AppError('INTERNAL', `Testing "${this.profileName}" failed unexpectedly.`, { cause: error });
      return { ok: false, message: appError.message, checkedAt: checkedAt(), code: appError.code };
    }
  }

  private send(path: string, method: string, body: string | undefined, token: string, maxAnswerBytes: number | undefined): Promise<HttpAnswer> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}`, ...this.extraHeaders() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return send({
      fetch: this.fetchFn,
      url: joinUrl(this.tokens.baseUrl, path),
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      timeoutMs: this.timeoutMs,
      profileName: this.profileName,
      ...(maxAnswerBytes === undefined ? {} : { maxAnswerBytes }),
    });
  }

  private read<T>(answer: HttpAnswer, path: string, schema: z.ZodType<T> | undefined): T {
    const { status } = answer;
    if (status >= 200 && status < 300) {
      if (answer.notJson) throw this.unexpected(path, status);
      if (!schema) return answer.json as T;
      const parsed = schema.safeParse(answer.json);
      if (!parsed.success) throw this.unexpected(path, status);
      return parsed.data;
    }
    this.options.logger.warn('fiskaly: request failed', { profileId: this.tokens.profileId, path, status, answer: answer.json });
    if (isTransientStatus(status)) throw unavailableError(this.profileName);
    const name = this.profileName;
    switch (status) {
      case 403:
        throw new AppError('NOT_ALLOWED', `fiskaly does not allow this for "${name}". Check that the API key may act for this organisation unit and environment.`);
      case 404:
        throw new AppError('NOT_FOUND', `fiskaly does not know what was asked for ("${name}"). Check the base URL and the organisation unit.`);
      case 409:
        throw new AppError('CONFLICT', `fiskaly reports a conflict for "${name}": the item was changed or already exists.`);
      default:
        throw new AppError('SERVICE_REJECTED', `fiskaly refused the request for "${name}" without saying why. Check the connection's details; the log file has the answer fiskaly gave.`);
    }
  }

  private unexpected(path: string, status: number): AppError {
    this.options.logger.warn('fiskaly: unexpected answer', { profileId: this.tokens.profileId, path, status });
    return new AppError('SERVICE_REJECTED', `fiskaly answered "${this.profileName}" in an unexpected way. Check the base URL and product of the connection.`);
  }
}
