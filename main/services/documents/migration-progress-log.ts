import type { Logger } from '../../logging/logger';
import type { MigrationProgress } from '../../store/journal/migrations/migration';

/**
 * A journal update at start-up runs before any window can show it (a large journal takes
 * minutes): the log says how far it is, at most once every tenth of the way and at the end, so
 * whoever looks at a slow start sees it move.
 */
export function migrationProgressLog(logger: Logger): (progress: MigrationProgress) => void {
  let lastTenth = new Map<number, number>();
  return (progress) => {
    const tenth = progress.total === 0 ? 10 : Math.floor((progress.done / progress.total) * 10);
    if ((lastTenth.get(progress.version) ?? -1) >= tenth) return;
    lastTenth = new Map(lastTenth).set(progress.version, tenth);
    logger.info('Updating the documents journal', { step: `${progress.version} ${progress.name}`, done: progress.done, total: progress.total, percent: progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100) });
  };
}
