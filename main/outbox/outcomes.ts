import { isAppError } from '../../shared/errors';

/** Fiscal Harmony's words when a re-sent document had already arrived (fh-api.md section 5). */
export const ALREADY_RECEIVED_ERRORS = ['Already fiscalised', 'Duplicate document id'] as const;

export function isAlreadyReceived(error: string | null | undefined): boolean {
  const text = (error ?? '').trim().toLowerCase();
  return ALREADY_RECEIVED_ERRORS.some((known) => text.startsWith(known.toLowerCase()));
}

/**
 * What a failed submission means for the document.
 * - `ambiguous`: the request may have arrived (timeout, dropped connection, 5xx, an unreadable
 *   answer): retry the same id with IsRetry, never as a new document.
 * - `not-sent`: refused before the service looked at the document (credentials, no connection):
 *   retry later as it was.
 * - `refused`: the service answered that this document is wrong: the manager must fix it.
 */
export type SubmitFailure = 'ambiguous' | 'not-sent' | 'refused';

export function classifySubmitFailure(error: unknown): SubmitFailure {
  if (!isAppError(error)) return 'ambiguous';
  switch (error.code) {
    case 'WRONG_CREDENTIALS':
    case 'CREDENTIALS_MISSING':
    case 'KEYCHAIN_UNAVAILABLE':
    case 'NO_CONNECTION':
    case 'NO_DEVICE':
      return 'not-sent';
    case 'SERVICE_REJECTED':
    case 'INVALID_INPUT':
      return 'refused';
    default:
      return 'ambiguous';
  }
}

/** True when the failure says this computer is offline (nothing answered at all). */
export function isOffline(error: unknown): boolean {
  return isAppError(error) && error.code === 'NETWORK';
}

export function messageOf(error: unknown): string {
  return isAppError(error) ? error.message : 'Something unexpected went wrong while sending.';
}
