import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import { migrations as allMigrations } from './migrations';
import { drain, type Migration, type MigrationProgress } from './migrations/migration';
import { isCorruption, isLocked, QuickCheckFailed } from './sqlite-errors';

export const JOURNAL_FILE_NAME = 'journal.sqlite';

export interface JournalOptions {
  path: string;
  logger: Logger;
  /** How long a write waits for another process's lock before giving up. */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  /** Names the file a corrupt journal is moved to. */
  now?: () => Date;
  /** Told how far a long migration is (a large journal takes minutes), after each batch. */
  onMigrationProgress?: (progress: MigrationProgress) => void;
}

/** What happened when the journal was opened, for the manager to read. */
export interface JournalOpening {
  /** Where a corrupt journal was moved, when one was (a new, empty journal was started). */
  movedAside: string | null;
  /**
   * The journal had nothing in it, so a new one was started: there was no file, an empty
   * (0-byte) one, or an SQLite file without a single table. Null when it had its schema.
   */
  startedEmpty: 'no-file' | 'empty-file' | 'no-schema' | null;
}

/** Told of every write: may refuse it (a journal found damaged), hears each commit, and types a failure. */
export interface JournalWatcher {
  beforeWrite(): void;
  committed(): void;
  /** What to throw for a failed write: a typed error, or the failure as it is. */
  failed(error: unknown): unknown;
}

/**
 * The local journal of every document (DESIGN.md section 5): one SQLite file in the data folder,
 * WAL with synchronous FULL so a committed change survives a power cut, foreign keys on, and
 * versioned migrations applied at start-up.
 */
export class Journal {
  private watcher: JournalWatcher | null = null;

  private constructor(
    readonly db: DatabaseSync,
    readonly path: string,
    readonly opening: JournalOpening,
  ) {}

  static open(options: JournalOptions): Journal {
    mkdirSync(dirname(options.path), { recursive: true });
    const migrations = options.migrations ?? allMigrations;
    const startedEmpty = emptiness(options.path);
    try {
      return new Journal(connect(options, migrations), options.path, { movedAside: null, startedEmpty });
    } catch (error) {
      if (!isCorruption(error)) throw openingError(error, options.path, migrations);
      const aside = moveAside(options.path, options.now?.() ?? new Date());
      options.logger.error('The journal could not be read; it was moved aside and a new one started', { path: options.path, aside, error });
      return new Journal(connect(options, migrations), options.path, { movedAside: aside, startedEmpty: null });
    }
  }

  /** Runs `work` in one write transaction (taken at once, so two processes never interleave). */
  transaction<T>(work: () => T): T {
    this.watcher?.beforeWrite();
    let result: T;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      result = work();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw this.watcher === null ? error : this.watcher.failed(error);
    }
    this.watcher?.committed();
    return result;
  }

  /** One watcher of every write (the app's storage health and its idle checkpoint). */
  watch(watcher: JournalWatcher): void {
    this.watcher = watcher;
  }

  /**
   * Copies the write-ahead log into the journal file and empties it, so the file alone holds
   * every acknowledged write (a `-wal` deleted or lost afterwards takes nothing with it).
   * Answers false when another process was in the way: it never waits for one (the next idle
   * moment comes soon enough), so the app does not freeze meanwhile.
   */
  checkpoint(): boolean {
    const { timeout } = this.db.prepare('PRAGMA busy_timeout').get() as { timeout: number };
    this.db.exec('PRAGMA busy_timeout = 0');
    try {
      const row = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number } | undefined;
      return row?.busy === 0;
    } finally {
      this.db.exec(`PRAGMA busy_timeout = ${timeout}`);
    }
  }

  schemaVersion(): number {
    return userVersion(this.db);
  }

  integrityCheck(): string {
    const rows = this.db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  }

  close(): void {
    if (!this.db.isOpen) return;
    try {
      this.checkpoint();
    } catch {
      // Closing checkpoints too, as far as it can; a journal that cannot be read still closes.
    } finally {
      this.db.close();
    }
  }
}

function connect(options: JournalOptions, migrations: readonly Migration[]): DatabaseSync {
  const db = connection(options);
  try {
    // Opening waits for the whole update (journal-upgrade.ts lets other work run in between).
    drain(migrationSteps(db, migrations, options.logger, options.onMigrationProgress));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A connection as the journal keeps it (WAL, synchronous FULL, foreign keys), its pages checked. */
export function connection(options: Pick<JournalOptions, 'path' | 'busyTimeoutMs'>): DatabaseSync {
  const db = new DatabaseSync(options.path, { timeout: options.busyTimeoutMs ?? 5000, enableForeignKeyConstraints: true });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    quickCheck(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A damaged page is found now, at open, rather than by whichever save reads it first. */
function quickCheck(db: DatabaseSync): void {
  const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).join('; ');
  if (problems !== 'ok') throw new QuickCheckFailed(problems);
}

export function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

class NewerSchemaError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`Journal schema ${found} is newer than this app's ${known}`);
  }
}

/**
 * Brings the journal to the latest schema, each step in one transaction of its own, yielding
 * between the batches of a long step (the transaction stays open meanwhile).
 */
export function* migrationSteps(db: DatabaseSync, migrations: readonly Migration[], logger: Logger, onProgress: JournalOptions['onMigrationProgress']): Generator<void> {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = userVersion(db);
  if (current > latest) throw new NewerSchemaError(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have migrated while this one waited for the lock.
      if (userVersion(db) >= migration.version) {
        db.exec('COMMIT');
        continue;
      }
      const started = performance.now();
      db.exec(migration.sql);
      const batches = migration.run?.(db, (done, total) => onProgress?.({ version: migration.version, name: migration.name, done, total }));
      if (batches !== undefined) yield* batches;
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
      // A large journal takes a while (minutes at a million documents): the log says how long.
      logger.info('The journal was brought to a new schema', { version: migration.version, name: migration.name, ms: Math.round(performance.now() - started) });
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Whether the file holds nothing yet (so opening it starts a new journal); null when it has tables, or cannot be read. */
function emptiness(path: string): JournalOpening['startedEmpty'] {
  if (!existsSync(path)) return 'no-file';
  if (statSync(path).size === 0) return 'empty-file';
  try {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const row = db.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get() as { n: number };
      return row.n === 0 ? 'no-schema' : null;
    } finally {
      db.close();
    }
  } catch {
    // Unreadable: opening it says how (moved aside when corrupt).
    return null;
  }
}

function moveAside(path: string, now: Date): string {
  const aside = `${path}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

function openingError(error: unknown, path: string, migrations: readonly Migration[]): AppError {
  if (error instanceof NewerSchemaError) {
    return new AppError(
      'CONFLICT',
      `The documents journal (${path}) was written by a newer version of Fiscal Desk. Install the latest version to open it; nothing in it was changed.`,
      { cause: error },
    );
  }
  if (isLocked(error)) {
    return new AppError(
      'CONFLICT',
      `The documents journal (${path}) is locked by another program. Close other copies of Fiscal Desk (and any tool that has the file open), then restart the app.`,
      { retryable: true, cause: error },
    );
  }
  return new AppError(
    'INTERNAL',
    `The documents journal (${path}) could not be opened (schema ${migrations.at(-1)?.version ?? 0}). Check that the data folder can be written; nothing in it was changed.`,
    { cause: error },
  );
}
