// What a failure of the journal's SQLite engine (or of a file write next to it) means. node:sqlite
// throws an Error with `code: 'ERR_SQLITE_ERROR'`, `errcode` (SQLite's result code, e.g. 11) and
// `errstr` ("database disk image is malformed"); checked by experiment on Node 24. File writes
// throw Node's errno errors (`code: 'ENOSPC'`).

/** SQLite's primary result codes this app tells apart (https://sqlite.org/rescode.html). */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;

export type StorageFailure = 'corrupt' | 'full' | 'locked';

interface ErrorFields {
  errcode?: unknown;
  errstr?: unknown;
  message?: unknown;
  code?: unknown;
}

const fieldsOf = (error: unknown): ErrorFields => (error !== null && typeof error === 'object' ? (error as ErrorFields) : {});

/** The primary code: an extended one (SQLITE_CORRUPT_INDEX is 779) keeps it in its low byte. */
function primaryCode(fields: ErrorFields): number | null {
  return typeof fields.errcode === 'number' ? fields.errcode & 0xff : null;
}

const textOf = (fields: ErrorFields): string => `${String(fields.errstr ?? '')} ${String(fields.message ?? '')}`.toLowerCase();

/** An error from the SQLite engine (node:sqlite), not from anything else a handler does. */
const fromSqlite = (fields: ErrorFields): boolean => fields.code === 'ERR_SQLITE_ERROR' || typeof fields.errcode === 'number';

/** Which of the failures below `error` is, or null for anything else. */
export function storageFailureOf(error: unknown): StorageFailure | null {
  const fields = fieldsOf(error);
  // A full volume (ENOSPC) or a user over quota (EDQUOT) on a file write.
  if (fields.code === 'ENOSPC' || fields.code === 'EDQUOT') return 'full';
  if (!fromSqlite(fields)) return null;
  const code = primaryCode(fields);
  const text = textOf(fields);
  if (code === SQLITE_CORRUPT || code === SQLITE_NOTADB || text.includes('not a database') || text.includes('malformed') || text.includes('corrupt')) return 'corrupt';
  // SQLite answers SQLITE_FULL when the file system said ENOSPC or EDQUOT.
  if (code === SQLITE_FULL) return 'full';
  if (code === SQLITE_BUSY || code === SQLITE_LOCKED || text.includes('locked') || text.includes('busy')) return 'locked';
  return null;
}

/** PRAGMA quick_check found damage in a file SQLite could open: the same as SQLITE_CORRUPT. */
export class QuickCheckFailed extends Error {
  readonly errcode = SQLITE_CORRUPT;
  constructor(readonly problems: string) {
    super(`The journal's quick check found damage: ${problems}`);
    this.name = 'QuickCheckFailed';
  }
}

/** The journal file is damaged (a page overwritten, not an SQLite file at all). */
export const isCorruption = (error: unknown): boolean => storageFailureOf(error) === 'corrupt';

/** The disk (or the user's quota) has no room for the write. */
export const isDiskFull = (error: unknown): boolean => storageFailureOf(error) === 'full';

/** Another connection holds the lock longer than the busy time-out. */
export const isLocked = (error: unknown): boolean => storageFailureOf(error) === 'locked';
