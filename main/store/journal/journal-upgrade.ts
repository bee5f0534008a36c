import { existsSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../logging/logger';
import { connection, migrationSteps, userVersion } from './journal';
import { migrations as allMigrations } from './migrations';
import type { Migration, MigrationProgress } from './migrations/migration';

export interface JournalUpgradeOptions {
  path: string;
  logger: Logger;
  migrations?: readonly Migration[];
  /** How long it waits for another program's lock (as Journal.open does) before leaving it to the open. */
  busyTimeoutMs?: number;
  /** Told after each batch of a long step. */
  onProgress?: (progress: MigrationProgress) => void;
  /** What runs between two batches: a turn of the event loop by default. */
  pause?: () => Promise<void>;
}

/**
 * The schema the journal at `path` is at and the one this app brings it to, when opening it
 * will update it; null for a journal already current, a new or empty one (nothing to move),
 * and one that cannot be read (opening it says why).
 */
export function pendingUpgrade(path: string, migrations: readonly Migration[] = allMigrations): { from: number; to: number } | null {
  if (!existsSync(path)) return null;
  const to = migrations.at(-1)?.version ?? 0;
  try {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const from = userVersion(db);
      return from > 0 && from < to ? { from, to } : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Brings an existing journal to this app's schema before the app opens it, letting the event
 * loop run between batches so that a window (or the terminal) can show how far it is: at a
 * million documents an update takes minutes, and a start that shows nothing meanwhile looks hung
 * and gets killed, which throws the work away (each step commits only at its end).
 *
 * Answers whether it updated the journal. Anything that stops it (a damaged file, a lock, a
 * newer schema) is left to Journal.open, which meets the same problem and says what to do.
 */
export async function upgradeJournal(options: JournalUpgradeOptions): Promise<boolean> {
  const migrations = options.migrations ?? allMigrations;
  if (pendingUpgrade(options.path, migrations) === null) return false;
  const pause = options.pause ?? (() => nextTurn());
  let db: DatabaseSync | undefined;
  try {
    db = connection({ path: options.path, ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }) });
    for (const _batch of migrationSteps(db, migrations, options.logger, options.onProgress)) await pause();
    return true;
  } catch (error) {
    options.logger.warn('The journal could not be updated before opening it; opening it will say why', { error });
    return false;
  } finally {
    db?.close();
  }
}
