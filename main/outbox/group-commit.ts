import type { Journal } from '../store/journal/journal';

export interface GroupCommitOptions {
  /** When the waiting writes are committed; the next turn of the event loop by default. */
  defer?: (run: () => void) => void;
  /** Runs once per transaction, after its writes and before it commits (the outbox claims the next documents there). */
  beforeCommit?: () => void;
}

/**
 * Writes that arrive in the same turn of the event loop share one transaction, so one disk sync
 * (synchronous FULL) serves many documents: group commit. A write's promise settles once its
 * transaction is durable.
 */
export class GroupCommit {
  private pending: { work: () => void; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;
  private readonly defer: (run: () => void) => void;

  constructor(
    private readonly journal: Journal,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.defer = options.defer ?? ((run) => setImmediate(run));
  }

  write(work: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ work, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      this.defer(() => this.flush());
    });
  }

  /** Commits everything waiting now. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.journal.transaction(() => {
        for (const item of batch) item.work();
        this.options.beforeCommit?.();
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
  }
}
