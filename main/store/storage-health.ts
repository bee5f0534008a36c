import { AppError } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { storageFailureOf } from './journal/sqlite-errors';

export interface DiskFull {
  /** The folder whose disk had no room (the data folder: journal, settings and PDFs live there). */
  folder: string;
  /** When a write last failed for lack of space (ISO). */
  since: string;
}

/** A write refused for lack of space, in the words the manager reads (the same for every file the app writes). */
export function diskFullError(folder: string, cause: unknown): AppError {
  return new AppError('DISK_FULL', `The disk holding ${folder} is full; nothing saved was lost. Free some space, then try again.`, { retryable: true, cause });
}

export interface StorageHealthOptions {
  dataDirectory: string;
  journalPath: string;
  logger: Logger;
  clock: () => Date;
}

/**
 * What the app has learnt about the disk under its data folder from the failures it met: the one
 * place a full disk and a damaged journal become typed errors with plain words (instead of
 * "Something went wrong"), remembered for the dashboard and for whoever must stop on damage.
 */
export class StorageHealth {
  private full: DiskFull | null = null;
  private damage: AppError | null = null;
  private readonly damageListeners: ((error: AppError) => void)[] = [];

  constructor(private readonly options: StorageHealthOptions) {}

  /** The typed error a storage failure stands for (and it is remembered), or null for any other error. */
  translate(error: unknown): AppError | null {
    const failure = storageFailureOf(error);
    if (failure === 'full') return this.diskFull(error);
    if (failure === 'corrupt') return this.journalDamaged(error);
    return null;
  }

  /** A write went through: the disk has room again. */
  wrote(): void {
    if (this.full === null) return;
    this.options.logger.info('A write went through again: the disk has room', { folder: this.full.folder });
    this.full = null;
  }

  /** Whether the last write failed for lack of space, and since when. */
  diskFullNow(): DiskFull | null {
    return this.full;
  }

  /** Why the journal must not be written to any more (it was found damaged), or null. */
  journalDamage(): AppError | null {
    return this.damage;
  }

  /** Throws the damage found earlier: a damaged journal is not written to again until the app restarts and checks it. */
  refuseIfDamaged(): void {
    if (this.damage !== null) throw this.damage;
  }

  /** Called once, when the journal is first found damaged. */
  onJournalDamaged(listener: (error: AppError) => void): void {
    this.damageListeners.push(listener);
  }

  private diskFull(cause: unknown): AppError {
    const folder = this.options.dataDirectory;
    if (this.full === null) this.options.logger.error('A write failed: the disk is full', { folder, error: cause });
    this.full = { folder, since: this.options.clock().toISOString() };
    return diskFullError(folder, cause);
  }

  private journalDamaged(cause: unknown): AppError {
    if (this.damage !== null) return this.damage;
    this.damage = new AppError(
      'JOURNAL_DAMAGED',
      `Part of the documents journal (${this.options.journalPath}) cannot be read: the file is damaged. ` +
        'Nothing more is sent to Fiscal Harmony or saved until Fiscal Desk restarts and checks the journal. ' +
        'Close Fiscal Desk and start it again; if this message comes back, keep the file and contact support.',
      { cause },
    );
    this.options.logger.error('The journal was found damaged while running: sending stopped until a restart', { path: this.options.journalPath, error: cause });
    for (const listener of this.damageListeners) listener(this.damage);
    return this.damage;
  }
}
