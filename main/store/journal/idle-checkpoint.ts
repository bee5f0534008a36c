import type { Logger } from '../../logging/logger';
import type { Journal } from './journal';

/** Runs work later; injected so that tests say when "later" is instead of sleeping. */
export interface IdleScheduler {
  schedule(run: () => void, ms: number): { cancel(): void };
}

export const timerScheduler: IdleScheduler = {
  schedule(run, ms) {
    const handle = setTimeout(run, ms);
    // A pending checkpoint never keeps the process alive: closing the journal checkpoints too.
    handle.unref();
    return { cancel: () => clearTimeout(handle) };
  },
};

export const DEFAULT_IDLE_MS = 2_000;

/**
 * Checkpoints the journal once no write has come for a while: until then the latest writes live
 * only in the `-wal` file, and a `-wal` deleted (or lost with a crash) while the app runs would
 * take acknowledged documents with it. Each write pushes the checkpoint back, so a busy outbox is
 * never slowed by one.
 */
export class IdleCheckpoint {
  private pending: { cancel(): void } | null = null;
  private readonly idleMs: number;
  private readonly scheduler: IdleScheduler;

  constructor(private readonly options: { journal: Journal; logger: Logger; idleMs?: number; scheduler?: IdleScheduler }) {
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.scheduler = options.scheduler ?? timerScheduler;
  }

  /** A write was committed: checkpoint once the journal has been quiet for `idleMs`. */
  wrote(): void {
    this.pending?.cancel();
    this.pending = this.scheduler.schedule(() => {
      this.pending = null;
      this.run();
    }, this.idleMs);
  }

  /** Forgets a pending checkpoint (the journal is about to close, which checkpoints by itself). */
  dispose(): void {
    this.pending?.cancel();
    this.pending = null;
  }

  private run(): void {
    try {
      if (!this.options.journal.checkpoint()) this.options.logger.debug('The journal checkpoint waits for another process; it is tried after the next write');
    } catch (error) {
      this.options.logger.warn('The journal could not be checkpointed', { error });
    }
  }
}
