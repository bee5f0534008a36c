import { AppError } from '../../../shared/errors';

const maxServiceMessage = 300;

/** The service's own words from an error body, cleaned for display: no HTML, no stack, short. */
export function serviceMessage(bodyText: string): string | null {
  let text: string | null = null;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (typeof parsed === 'string') text = parsed;
    else if (parsed !== null && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const candidate = record.Message ?? record.message ?? record.title ?? record.errors;
      if (typeof candidate === 'string') text = candidate;
      else if (candidate !== undefined) text = JSON.stringify(candidate);
    }
  } catch {
    text = bodyText;
  }
  if (text === null) return null;
  if (/<\s*(html|body|!doctype)/i.test(text)) return null;
  const firstLines = text.split('\n').filter((line) => !/^\s+at\s/.test(line)).join(' ').replace(/\s+/g, ' ').trim();
  if (firstLines === '') return null;
  return firstLines.length > maxServiceMessage ? `${firstLines.slice(0, maxServiceMessage)}…` : firstLines;
}

export function wrongCredentials(profileName: string): AppError {
  return new AppError(
    'WRONG_CREDENTIALS',
    `Fiscal Harmony did not accept the API key or secret of "${profileName}". Copy both again from the Fiscal Harmony portal (API Keys) and replace them in Connections.`,
  );
}

export function noDevice(): AppError {
  return new AppError(
    'NO_DEVICE',
    'This Fiscal Harmony account has no fiscal device attached yet. Attach or register a device in the Fiscal Harmony portal, then refresh.',
  );
}

// The HTTP status is logged where the answer is read; a shop manager's message never shows it.
export function serviceUnavailable(): AppError {
  return new AppError(
    'SERVICE_UNAVAILABLE',
    'Fiscal Harmony is not available right now. Nothing was lost: try again in a few minutes.',
    { retryable: true },
  );
}

export function unreadableAnswer(): AppError {
  return new AppError('SERVICE_UNAVAILABLE', 'Fiscal Harmony sent an answer Fiscal Desk could not read. Try again in a few minutes.', {
    retryable: true,
  });
}

export function answerTooLarge(limit: string): AppError {
  return new AppError(
    'SERVICE_UNAVAILABLE',
    `Fiscal Harmony sent an answer larger than ${limit}, far more than it ever should, so Fiscal Desk stopped reading it. Check the address in Connections; if it is right, try again later.`,
  );
}

export function timedOut(seconds: number): AppError {
  return new AppError('TIMEOUT', `Fiscal Harmony did not answer within ${seconds} seconds. Check the internet connection and try again.`, {
    retryable: true,
  });
}

export function noNetwork(cause: unknown): AppError {
  return new AppError(
    'NETWORK',
    'Fiscal Desk could not reach Fiscal Harmony. Check that this computer is online (and the address in Connections is right), then try again.',
    { retryable: true, cause },
  );
}

export function rejected(message: string | null): AppError {
  return new AppError(
    'SERVICE_REJECTED',
    message === null
      ? 'Fiscal Harmony refused the request without saying why. Check the details and try again; if it keeps happening, the log file has the details.'
      : `Fiscal Harmony refused the request: ${message}`,
  );
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found at Fiscal Harmony. It may have been deleted elsewhere; refresh the list.`);
}

/** Where a URL points, without path or query (which may carry anything): `https://host:port`. */
function originOf(url: string | null, base?: string): string | null {
  if (url === null) return null;
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}

export function redirected(requestUrl: string, location: string | null): AppError {
  const from = originOf(requestUrl) ?? 'the address in Connections';
  const to = originOf(location, requestUrl);
  return new AppError(
    'SERVICE_REJECTED',
    `Fiscal Harmony at ${from} sent the request on to ${to ?? 'another address'}. Fiscal Desk does not follow such redirects, so that the API key never goes anywhere else. Check the address in Connections; if the service really moved, enter its new address there.`,
  );
}
