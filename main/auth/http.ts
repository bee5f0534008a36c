// One HTTP exchange with fiskaly, with a time limit, and the mapping of what can go wrong on the
// way (no answer, too slow, an answer that is not JSON) to AppErrors written for a shop manager.
// Used by the token manager and by the fiskaly client.
import { AppError } from '../../shared/errors';
import { AnswerTooLargeError, describeLimit, JSON_ANSWER_LIMIT_BYTES, readCappedBody } from '../http/read-capped-body';

export interface HttpAnswer {
  status: number;
  /** Parsed JSON, or undefined for an empty body or one that is not JSON. */
  json: unknown;
  /** The body was present but not JSON. */
  notJson: boolean;
}

export interface SendOptions {
  fetch: typeof fetch;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Profile name, for the messages. */
  profileName: string;
  /** Largest answer accepted, counted after decompression; default JSON_ANSWER_LIMIT_BYTES. */
  maxAnswerBytes?: number;
}

export function networkError(profileName: string, cause: unknown): AppError {
  return new AppError('NETWORK', `Could not reach fiskaly for "${profileName}". Check this computer's internet connection and the connection's base URL.`, {
    retryable: true,
    cause,
  });
}

export function timeoutError(profileName: string, cause: unknown): AppError {
  return new AppError('TIMEOUT', `fiskaly did not answer in time for "${profileName}". Try again in a moment.`, { retryable: true, cause });
}

export function answerTooLargeError(profileName: string, limitBytes: number): AppError {
  return new AppError(
    'SERVICE_UNAVAILABLE',
    `fiskaly sent an answer larger than ${describeLimit(limitBytes)} for "${profileName}", far more than it ever should, so Fiscal Desk stopped reading it. Check the connection's base URL; if it is right, try again later.`,
  );
}

/** `https://host:port` of a URL (its path and query may carry anything), or null. */
function originOf(url: string | null, base?: string): string | null {
  if (url === null) return null;
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}

export function redirectedError(profileName: string, url: string, location: string | null): AppError {
  const to = originOf(location, url);
  return new AppError(
    'SERVICE_REJECTED',
    `fiskaly at ${originOf(url) ?? 'the base URL'} sent the request for "${profileName}" on to ${to ?? 'another address'}. Fiscal Desk does not follow such redirects, so that the key, secret and tokens never go anywhere else. Check the connection's base URL.`,
  );
}

/** The HTTP status is logged by the caller; a shop manager's message never shows it. */
export function unavailableError(profileName: string): AppError {
  return new AppError('SERVICE_UNAVAILABLE', `fiskaly is not available right now (for "${profileName}"). Try again in a few minutes.`, {
    retryable: true,
  });
}

/** 408, 429 and 5xx: worth trying again later, says nothing about the credentials. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error.name === 'AbortError' && String(error.message).includes('timeout')));
}

/** Sends one request; throws NETWORK or TIMEOUT AppErrors, never a raw fetch error. */
export async function send(options: SendOptions): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(options.url, {
      method: options.method,
      headers: options.headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      signal,
      // Never follow: the bearer token or the key and secret would go wherever the answer says.
      redirect: 'manual',
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw redirectedError(options.profileName, options.url, response.headers.get('location'));
    }
    text = new TextDecoder().decode(await readCappedBody(response, options.maxAnswerBytes ?? JSON_ANSWER_LIMIT_BYTES));
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof AnswerTooLargeError) throw answerTooLargeError(options.profileName, error.limitBytes);
    if (isTimeout(error) || signal.aborted) throw timeoutError(options.profileName, error);
    throw networkError(options.profileName, error);
  }
  if (text.trim() === '') return { status: response.status, json: undefined, notJson: false };
  try {
    return { status: response.status, json: JSON.parse(text) as unknown, notJson: false };
  } catch {
    return { status: response.status, json: undefined, notJson: true };
  }
}

/** Joins a base URL (which may carry a path) and an absolute path without doubling slashes. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
