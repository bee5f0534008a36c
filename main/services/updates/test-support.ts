import type { UpdateChannel } from '../../../shared/contract/updates';
import type { Scheduler } from './scheduler';
import type { UpdaterEvent, UpdaterPort } from './updater-port';

/** A stand-in for electron-updater: records what it was asked, reports what the test says. */
export class FakeUpdaterPort implements UpdaterPort {
  readonly calls: string[] = [];
  channel: UpdateChannel | null = null;
  /** The next checkForUpdates / downloadUpdate answer; undefined resolves. */
  checkFailure: Error | undefined;
  downloadFailure: Error | undefined;
  private readonly listeners = new Set<(event: UpdaterEvent) => void>();

  checkForUpdates(): Promise<void> {
    this.calls.push(`check:${this.channel ?? 'none'}`);
    return this.checkFailure === undefined ? Promise.resolve() : Promise.reject(this.checkFailure);
  }

  downloadUpdate(): Promise<void> {
    this.calls.push('download');
    return this.downloadFailure === undefined ? Promise.resolve() : Promise.reject(this.downloadFailure);
  }

  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }

  setChannel(channel: UpdateChannel): void {
    this.channel = channel;
  }

  onEvent(listener: (event: UpdaterEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: UpdaterEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** Timers that move only when the test says so. */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private nextId = 0;
  private readonly tasks = new Map<number, { at: number; every: number | null; task: () => void }>();

  after(ms: number, task: () => void): () => void {
    return this.add(ms, null, task);
  }

  every(ms: number, task: () => void): () => void {
    return this.add(ms, ms, task);
  }

  /** Moves time forward, running every task that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.tasks.entries()].filter(([, entry]) => entry.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (due === undefined) break;
      const [id, entry] = due;
      this.time = entry.at;
      if (entry.every === null) this.tasks.delete(id);
      else entry.at += entry.every;
      entry.task();
    }
    this.time = end;
  }

  get pending(): number {
    return this.tasks.size;
  }

  private add(ms: number, every: number | null, task: () => void): () => void {
    const id = this.nextId++;
    this.tasks.set(id, { at: this.time + ms, every, task });
    return () => this.tasks.delete(id);
  }
}
