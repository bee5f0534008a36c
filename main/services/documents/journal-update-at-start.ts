import { join } from 'node:path';
import type { Logger } from '../../logging/logger';
import { JOURNAL_FILE_NAME } from '../../store/journal/journal';
import { pendingUpgrade, upgradeJournal } from '../../store/journal/journal-upgrade';
import { everyTenth, logMigrationProgress, percentOf } from './migration-progress-log';

/** What the person starting the app is shown while their journal is updated. */
export interface JournalUpdateView {
  /** Whole percent of the current step. */
  percent: number;
  /** 1-based: the step being made, of `steps`. */
  step: number;
  steps: number;
}

/** What a host shows while the journal is updated: the desktop app a small window, browser mode its terminal. */
export interface JournalUpdateDisplay {
  open(view: JournalUpdateView): void;
  show(view: JournalUpdateView): void;
  close(): void;
}

/** Shows nothing: tests, and hosts without a place to show it. */
export const quietJournalUpdate: JournalUpdateDisplay = { open: () => undefined, show: () => undefined, close: () => undefined };

/**
 * Run by each host before it builds the app: when the data folder's journal was written by an
 * earlier version, it is brought to this version's schema now, with its progress on `display`
 * (a million documents take minutes). Nothing is shown for a journal that is current or new.
 */
export async function updateJournalAtStart(options: { dataDirectory: string; logger: Logger; display: JournalUpdateDisplay }): Promise<void> {
  const path = join(options.dataDirectory, JOURNAL_FILE_NAME);
  const pending = pendingUpgrade(path);
  if (pending === null) return;
  const steps = pending.to - pending.from;
  const viewOf = (version: number, percent: number): JournalUpdateView => ({ percent, step: version - pending.from, steps });
  // One tenth for both: the log says what the person starting the app sees.
  const tellProgress = everyTenth((progress) => {
    logMigrationProgress(options.logger, progress);
    options.display.show(viewOf(progress.version, percentOf(progress)));
  });
  options.display.open(viewOf(pending.from + 1, 0));
  try {
    await upgradeJournal({
      path,
      logger: options.logger,
      onProgress: tellProgress,
    });
  } finally {
    options.display.close();
  }
}
