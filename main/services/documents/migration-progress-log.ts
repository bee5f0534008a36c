import type { Logger } from '../../logging/logger';
import type { MigrationProgress } from '../../store/journal/migrations/migration';

/** How far a step is, in whole percent (a step with nothing to move is done). */
export const percentOf = (progress: MigrationProgress): number => (progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100));

/**
 * Passes a step's progress on at most once every tenth of the way and at its end, per step:
 * a batch ends many times a second, and whoever reads it needs to see it move, not every row.
 */
export function everyTenth(report: (progress: MigrationProgress) => void): (progress: MigrationProgress) => void {
  const lastTenth = new Map<number, number>();
  return (progress) => {
    const tenth = Math.floor(percentOf(progress) / 10);
    if ((lastTenth.get(progress.version) ?? -1) >= tenth) return;
    lastTenth.set(progress.version, tenth);
    report(progress);
  };
}

/** The log's record of how far a journal update is. */
export function logMigrationProgress(logger: Logger, progress: MigrationProgress): void {
  logger.info('Updating the documents journal', { step: `${progress.version} ${progress.name}`, done: progress.done, total: progress.total, percent: percentOf(progress) });
}

/** The log's record of a long journal update each tenth of the way, so whoever looks at a slow start sees it move. */
export function migrationProgressLog(logger: Logger): (progress: MigrationProgress) => void {
  return everyTenth((progress) => logMigrationProgress(logger, progress));
}
