import { signBody, signingKey, type SigningKey } from './signature';
import { isAppError, type AppError } from '../../../shared/errors';
import { stringifyExactJson } from '../../../shared/domain/exact-json';
import type { Logger } from '../../logging/logger';
import { Redactor } from '../../logging/redact';
import { AnswerTooLargeError, describeLimit, JSON_ANSWER_LIMIT_BYTES, readCappedBody } from '../../http/read-capped-body';
import { CookieJar } from './cookie-jar';
import { answerTooLarge, noDevice, noNetwork, notFound, redirected, rejected, serviceMessage, serviceUnavailable, timedOut, wrongCredentials } from './fh-errors';

export interface FiscalHarmonyCredentials {
  apiKey: string;
  apiSecret: string;
}

export interface FiscalHarmonyConnection {
  profileName: string;
  /** e.g. `https://api.fiscalharmony.co.zw/api`, no trailing slash. */
  baseUrl: string;
  applicationName: string;
  stationId: string;
  appVersion: string;
  credentials: () => Promise<FiscalHarmonyCredentials>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  logger: Logger;
  /** The log's redactor: the service's own words pass through it before any message shows them. */
  redactor?: Redactor;
}

export interface FhRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Serialised once with stringifyExactJson (a Dec is an exact JSON number): these bytes are signed and sent. */
  body?: unknown;
  /** What a 404 means on this endpoint. */
  notFound?: 'no-device' | string;
  /** Largest answer accepted, counted after decompression; default JSON_ANSWER_LIMIT_BYTES. */
  maxAnswerBytes?: number;
  /**
   * Sending it twice changes nothing (a GET always; a POST that only asks, such as /status).
   * Never a submission: a document sent again must say IsRetry (the outbox's rule).
   */
  safeToRepeat?: boolean;
}

export interface FhResponse {
  status: number;
  contentType: string;
  bytes: Uint8Array;
  text(): string;
}

const defaultTimeoutMs = 20_000;

/** An answer and the secret values of the request that got it (key, secret, signature, cookies). */
interface Exchange {
  response: FhResponse;
  sentSecrets: readonly string[];
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/**
 * The body's JSON text. A list of texts (the request ids of a status call, every few seconds)
 * has no decimal to write exactly, and JSON.stringify writes it byte for byte as
 * stringifyExactJson would, without calling a replacer for each item.
 */
function serialised(body: unknown): string {
  return isListOfTexts(body) ? JSON.stringify(body) : stringifyExactJson(body);
}

function isListOfTexts(body: unknown): body is string[] {
  if (!Array.isArray(body)) return false;
  for (const item of body as unknown[]) if (typeof item !== 'string') return false;
  return true;
}

/** An answer read to its end; `text()` decodes it as UTF-8 when asked. */
class ReadAnswer implements FhResponse {
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly bytes: Uint8Array,
  ) {}

  text(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8');
  }
}

/**
 * The server closed a kept-open connection just as this request went out on it: the request
 * never reached the service. Node's fetch reports it as "other side closed" or a reset.
 */
function isStaleConnection(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

/**
 * The signed transport of fh-api.md section 2: every header, the body serialised once and
 * signed as sent, a cookie kept if the service sets one, one re-send after a 401, timeouts,
 * and errors mapped to codes a shop manager's screen can explain.
 */
export class FiscalHarmonyHttp {
  private readonly cookies = new CookieJar();
  /** The last secret's signing key, kept so each request does not rebuild it. */
  private key: { secret: string; key: SigningKey } | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly redactor: Redactor;

  constructor(private readonly connection: FiscalHarmonyConnection) {
    this.fetchImpl = connection.fetch ?? fetch;
    this.timeoutMs = connection.timeoutMs ?? defaultTimeoutMs;
    this.redactor = connection.redactor ?? new Redactor();
  }

  async send(request: FhRequest): Promise<FhResponse> {
    const bodyBytes = request.body === undefined ? undefined : Buffer.from(serialised(request.body), 'utf8');
    const first = await this.attempt(request, bodyBytes);
    if (first.response.status !== 401) return this.check(request, first);
    // The session may have lapsed: forget any cookie and send once more before giving up.
    this.cookies.clear();
    const second = await this.attempt(request, bodyBytes);
    if (second.response.status === 401) {
      this.connection.logger.warn('Fiscal Harmony refused the API key or signature twice', { method: request.method, path: request.path });
      throw wrongCredentials(this.connection.profileName);
    }
    return this.check(request, second);
  }

  private async attempt(request: FhRequest, bodyBytes: Buffer | undefined, reconnect = request.method === 'GET' || request.safeToRepeat === true): Promise<Exchange> {
    const { apiKey, apiSecret } = await this.connection.credentials();
    const headers: Record<string, string> = {
      Accept: 'application/json, text/plain, application/pdf',
      'X-Api-Key': apiKey,
      'X-Application': this.connection.applicationName,
      'X-App-Station': this.connection.stationId,
      'X-App-Version': this.connection.appVersion,
    };
    if (bodyBytes !== undefined) {
      headers['Content-Type'] = 'application/json';
      if (this.key?.secret !== apiSecret) this.key = { secret: apiSecret, key: signingKey(apiSecret) };
      headers['X-Api-Signature'] = signBody(bodyBytes, this.key.key);
    }
    const cookie = this.cookies.header();
    if (cookie !== null) headers.Cookie = cookie;
    const sentSecrets = [apiKey, apiSecret, ...this.cookies.values()];
    if (headers['X-Api-Signature'] !== undefined) sentSecrets.push(headers['X-Api-Signature']);

    const url = `${this.connection.baseUrl}${request.path}`;
    // One timer for the whole exchange (headers and body), cleared as soon as it is over.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new DOMException('Timed out', 'TimeoutError')), this.timeoutMs);
    try {
      // Never follow a redirect: the key, the signature and (on a 307) the signed body would go
      // to whatever address the answer names, plain http included.
      const init: RequestInit = { method: request.method, headers, signal: abort.signal, redirect: 'manual' };
      if (bodyBytes !== undefined) init.body = bodyBytes;
      const response = await this.fetchImpl(url, init);
      if (isRedirect(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        this.connection.logger.warn('Fiscal Harmony answered with a redirect, not followed', { method: request.method, path: request.path, status: response.status });
        throw redirected(url, response.headers.get('location'));
      }
      this.cookies.store(response.headers.getSetCookie());
      const bytes = await readCappedBody(response, request.maxAnswerBytes ?? JSON_ANSWER_LIMIT_BYTES);
      return { response: new ReadAnswer(response.status, response.headers.get('content-type') ?? '', bytes), sentSecrets };
    } catch (error) {
      if (isAppError(error)) throw error;
      if (reconnect && isStaleConnection(error) && !abort.signal.aborted) {
        this.connection.logger.info('Fiscal Harmony closed a kept-open connection; asking again on a new one', { method: request.method, path: request.path });
        return this.attempt(request, bodyBytes, false);
      }
      throw this.transportError(error, request);
    } finally {
      clearTimeout(timer);
    }
  }

  private transportError(error: unknown, request: FhRequest): AppError {
    if (error instanceof AnswerTooLargeError) {
      this.connection.logger.warn('Fiscal Harmony answer too large, not read', { method: request.method, path: request.path, limitBytes: error.limitBytes });
      return answerTooLarge(describeLimit(error.limitBytes));
    }
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      this.connection.logger.warn('Fiscal Harmony request timed out', { method: request.method, path: request.path, timeoutMs: this.timeoutMs });
      return timedOut(Math.round(this.timeoutMs / 1000));
    }
    this.connection.logger.warn('Fiscal Harmony request failed', { method: request.method, path: request.path, error });
    return noNetwork(error);
  }

  private check(request: FhRequest, { response, sentSecrets }: Exchange): FhResponse {
    if (response.status >= 200 && response.status < 300) return response;
    this.connection.logger.warn('Fiscal Harmony answered with an error', { method: request.method, path: request.path, status: response.status });
    if (response.status === 404) throw request.notFound === 'no-device' ? noDevice() : notFound(request.notFound ?? 'This item');
    if (response.status >= 500) throw serviceUnavailable();
    // The service's words go to the screen: a service echoing the request must not show its key or signature.
    throw rejected(serviceMessage(this.redactor.redactString(response.text(), sentSecrets)));
  }
}
