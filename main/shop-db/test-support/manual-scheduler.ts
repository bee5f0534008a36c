import type { ReplicationScheduler } from '../replicator';

/** A scheduler the test runs by hand: `due()` lists the waits asked for, `runNext()` runs the earliest. */
export class ManualScheduler implements ReplicationScheduler {
  private waiting: { ms: number; run: () => void }[] = [];
  private listeners: (() => void)[] = [];

  after(ms: number, run: () => void): { cancel(): void } {
    const entry = { ms, run };
    this.waiting.push(entry);
    for (const listener of this.listeners.splice(0)) listener();
    return { cancel: () => (this.waiting = this.waiting.filter((other) => other !== entry)) };
  }

  /** Resolves when the next wait is asked for. */
  scheduled(): Promise<void> {
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  due(): number[] {
    return this.waiting.map((entry) => entry.ms);
  }

  runNext(): void {
    const earliest = [...this.waiting].sort((a, b) => a.ms - b.ms)[0];
    if (earliest === undefined) throw new Error('Nothing is scheduled');
    this.waiting = this.waiting.filter((entry) => entry !== earliest);
    earliest.run();
  }
}
