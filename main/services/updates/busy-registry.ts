/**
 * Work in progress that a restart would interrupt. Whoever starts such work (the document outbox,
 * an export) registers it and releases the token when done; the updater asks before restarting.
 */
export interface BusyToken {
  /** Ends this piece of work. Calling it again does nothing. */
  release(): void;
}

export class BusyRegistry {
  private readonly active = new Map<symbol, string>();
  private readonly listeners = new Set<() => void>();

  /** `reason` is shown to the user as it stands: plain words, e.g. "Sending 3 documents to Fiscal Harmony". */
  register(reason: string): BusyToken {
    const key = Symbol(reason);
    this.active.set(key, reason);
    this.notify();
    return {
      release: () => {
        if (this.active.delete(key)) this.notify();
      },
    };
  }

  isBusy(): boolean {
    return this.active.size > 0;
  }

  /** What is in progress, each reason once, in the order the work started. */
  reasons(): string[] {
    return [...new Set(this.active.values())];
  }

  /** Called whenever work starts or ends. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
