import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const LOCK_FILE_NAME = 'instance.lock';

/** Another Fiscal Desk holds the data folder: its message is written for the person who started this one. */
export class DataFolderInUseError extends Error {
  constructor(readonly dataDirectory: string) {
    super(
      `Fiscal Desk is already running on the data folder ${dataDirectory}. Use the copy that is running (its address is in the window where it was started), or stop it with Ctrl+C and start again.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

export interface DataFolderLock {
  release(): void;
}

const SQLITE_BUSY = 5;

/**
 * Holds the data folder for this process alone, so two copies never write one settings file
 * and journal at once (changes answered "saved" were lost that way). The lock is SQLite's
 * exclusive lock on `<dataDirectory>/instance.lock` (an fcntl lock on Linux and macOS,
 * LockFileEx on Windows): the operating system holds it for the process and drops it when the
 * process ends however it ends, so there is never a stale lock to guess about, and no pid that
 * may have been reused. Throws DataFolderInUseError when another process holds it.
 */
export function lockDataFolder(dataDirectory: string): DataFolderLock {
  const db = new DatabaseSync(join(dataDirectory, LOCK_FILE_NAME), { timeout: 0 });
  try {
    // In exclusive locking mode the write lock, once taken, is kept until the connection closes.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if ((error as { errcode?: unknown }).errcode === SQLITE_BUSY) throw new DataFolderInUseError(dataDirectory);
    throw error;
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      db.close();
    },
  };
}
