import { AppError, type ErrorCode } from '../../../shared/errors';
import { diagnose, ShopDbFault, type ShopDbTarget } from '../shop-db-faults';

const DOCS = 'docs/shop-database.md';

/** Nothing to connect to yet: this computer was never told of a shop database. */
export const NOT_SET_UP_MESSAGE = 'This computer has no shop database yet. Set up the shop database in Settings (its address, database, user and password) to see every till here.';

/** A login with a till's rights (or none): it may not read the other tills' documents. */
export function notOfficeLogin(target: ShopDbTarget): ShopDbFault {
  return new ShopDbFault(
    'missing-right',
    `the user "${target.user}" may not read every till's documents: it is not in the back office's group. Ask IT to add it (GRANT fiscal_desk_office TO "${target.user}"; see ${DOCS}), or enter the back office's login in Settings, Shop database.`,
  );
}

/** PostgreSQL cancelled a read that ran past the statement timeout. */
const TIMED_OUT = '57014';

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/**
 * What a failed back-office read means for the manager, in the words the till's copy uses for
 * the same fault (shop-db-faults.ts), plus the back office's own: too slow, not the office's login.
 */
export function officeProblem(error: unknown, target: ShopDbTarget, timeoutMs: number): { code: ErrorCode; message: string } {
  if (codeOf(error) === TIMED_OUT || (error instanceof Error && /query read timeout/i.test(error.message))) {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    return {
      code: 'TIMEOUT',
      message: `The shop database at ${target.host}:${target.port} did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}. Try again in a moment, or narrow the list with a date range; if it keeps happening, ask IT to check the server.`,
    };
  }
  const { problem, message } = diagnose(error, target);
  // diagnose's own words for an unknown answer speak of the till's copy retrying.
  if (problem === 'other') {
    const text = error instanceof Error ? error.message : String(error);
    return { code: 'SERVICE_UNAVAILABLE', message: `The shop database answered: ${text}. Try again in a moment; if it keeps happening, ask IT to check the server (${DOCS}).` };
  }
  const code: ErrorCode =
    problem === 'unreachable' || problem === 'tls' ? 'NETWORK' : problem === 'wrong-password' || problem === 'no-login' ? 'WRONG_CREDENTIALS' : problem === 'disk-full' ? 'SERVICE_UNAVAILABLE' : 'NOT_ALLOWED';
  return { code, message: sentence(message) };
}

export function officeError(error: unknown, target: ShopDbTarget, timeoutMs: number): AppError {
  if (error instanceof AppError) return error;
  const { code, message } = officeProblem(error, target, timeoutMs);
  return new AppError(code, message, { retryable: code === 'NETWORK' || code === 'TIMEOUT' || code === 'SERVICE_UNAVAILABLE', cause: error });
}
