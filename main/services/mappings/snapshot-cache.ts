/**
 * Single-flight, per-profile cache of one value with a lifetime. `invalidate()` bumps a
 * generation: a load that started before it is neither reused nor stored afterwards, so a read
 * racing a change can never put the old answer back.
 */
export class SnapshotCache<T> {
  private readonly entries = new Map<string, { generation: number; promise: Promise<T>; loadedAt: number | null }>();
  private generationCounter = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  /** The cached value of `key`, or the one `load` gives (shared by concurrent callers). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.generation === this.generationCounter && (entry.loadedAt === null || this.now() - entry.loadedAt < this.ttlMs)) {
      return entry.promise;
    }
    const generation = this.generationCounter;
    const promise = load();
    const fresh = { generation, promise, loadedAt: null as number | null };
    this.entries.set(key, fresh);
    promise.then(
      () => {
        fresh.loadedAt = this.now();
      },
      () => {
        // Errors are not cached: the next caller tries again.
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return promise;
  }

  /** Stores a value read elsewhere, unless the cache was invalidated since `readStartedAt`. */
  put(key: string, value: T, readStartedAt: number): void {
    if (readStartedAt !== this.generationCounter) return;
    this.entries.set(key, { generation: readStartedAt, promise: Promise.resolve(value), loadedAt: this.now() });
  }

  invalidate(): void {
    this.generationCounter += 1;
    this.entries.clear();
  }
}
