import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import type { ShopReplicationStatus } from '../../shared/contract/shop-db';
import type { Logger } from '../logging/logger';
import { eventsAfter, journalIdentity, readChangeBatch, tillFigures } from './journal-changes';
import { diagnose, type ShopDbTarget } from './shop-db-faults';
import { checkTillAccess } from './shop-db-connection';
import { readCursor, registerTill, writeBatch, type TillIdentity } from './shop-db-writer';

/** When the next round runs: the app's is a timer; tests run rounds at will. */
export interface ReplicationScheduler {
  after(ms: number, run: () => void): { cancel(): void };
}

export const timerScheduler: ReplicationScheduler = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

export interface ReplicatorOptions {
  /** The journal to read: the app's own connection (reads only, never inside a transaction of the outbox). */
  journal: DatabaseSync;
  till: () => TillIdentity;
  /** Where to connect, for the messages. */
  target: () => ShopDbTarget;
  /** A new connection to the shop database; `onLost` hears a connection that died while idle. */
  connect: (onLost: (error: Error) => void) => Promise<pg.Client>;
  scheduler: ReplicationScheduler;
  logger: Logger;
  clock?: () => Date;
  /** Events per batch (each batch is one PostgreSQL transaction). */
  batchSize?: number;
  /** How soon to look again once everything is copied. */
  idleMs?: number;
  /** The first wait after a fault; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  onStatus?: (status: ShopReplicationStatus) => void;
}

const PAUSED = 'Copy to the shop database paused: ';

/**
 * Copies this till's documents, lines, buyers and journal events to the shop database, batch
 * after batch, from where the shop database's cursor for this journal says it stopped. Nothing
 * here is awaited by fiscalisation: the outbox and the signed client know nothing of it, the
 * journal is only read, and a fault only pauses the copy (it says why, retries by itself, and
 * loses nothing, since the journal keeps every event and the cursor only moves with a commit).
 */
export class ShopReplicator {
  private client: pg.Client | null = null;
  private checked = false;
  private running: Promise<ShopReplicationStatus> | null = null;
  private next: { cancel(): void } | null = null;
  private started = false;
  private failures = 0;
  private cursor = 0;
  private current: ShopReplicationStatus = { state: 'copying', message: 'Copying to the shop database.', problem: null, eventsWaiting: 0, lastCopiedAt: null };

  constructor(private readonly options: ReplicatorOptions) {}

  status(): ShopReplicationStatus {
    return this.current;
  }

  /** Starts the loop: a round now, then one after each pause or idle wait. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Something new was written to the journal: copy it soon rather than after the idle wait. */
  nudge(): void {
    if (this.started && this.running === null && this.current.state === 'up-to-date') this.schedule(0);
  }

  /** Copies batches until everything is copied or a fault pauses the copy; answers how it stands. */
  flush(): Promise<ShopReplicationStatus> {
    this.running ??= this.copyAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.started = false;
    this.next?.cancel();
    this.next = null;
    await this.running?.catch(() => undefined);
    await this.dropClient();
  }

  private schedule(ms: number): void {
    this.next?.cancel();
    this.next = this.options.scheduler.after(ms, () => {
      this.next = null;
      void this.flush().then((status) => {
        if (!this.started) return;
        if (status.state === 'paused') {
          const retry = this.options.retryMs ?? 2_000;
          this.schedule(Math.min(retry * 2 ** Math.max(0, this.failures - 1), this.options.maxRetryMs ?? 60_000));
        } else this.schedule(this.options.idleMs ?? 3_000);
      });
    });
  }

  private async copyAll(): Promise<ShopReplicationStatus> {
    const journalId = journalIdentity(this.options.journal);
    try {
      const client = await this.connection();
      const till = this.options.till();
      this.cursor = await readCursor(client, till.stationId, journalId);
      // Once a round: the documents' states are the costly count, and the Tills screen needs no more.
      const figures = tillFigures(this.options.journal);
      for (;;) {
        const batch = readChangeBatch(this.options.journal, this.cursor, this.options.batchSize ?? 500);
        if (batch.lastSeq === null) break;
        this.update({ state: 'copying', message: 'Copying to the shop database.', problem: null, eventsWaiting: eventsAfter(this.options.journal, this.cursor) });
        const waiting = eventsAfter(this.options.journal, batch.lastSeq);
        this.cursor = await writeBatch(client, till, journalId, { ...batch, lastSeq: batch.lastSeq }, { ...figures, eventsWaiting: waiting });
        this.current = { ...this.current, lastCopiedAt: this.now() };
      }
      this.failures = 0;
      return this.update({ state: 'up-to-date', message: 'Every document of this till is in the shop database.', problem: null, eventsWaiting: 0 });
    } catch (error) {
      this.failures += 1;
      await this.dropClient();
      const diagnosis = diagnose(error, this.options.target());
      if (this.current.state !== 'paused' || this.current.problem !== diagnosis.problem) {
        this.options.logger.warn('Copy to the shop database paused', { problem: diagnosis.problem, error });
      }
      return this.update({
        state: 'paused',
        message: `${PAUSED}${diagnosis.message}`,
        problem: diagnosis.problem,
        eventsWaiting: eventsAfter(this.options.journal, this.cursor),
      });
    }
  }

  private async connection(): Promise<pg.Client> {
    if (this.client !== null && this.checked) return this.client;
    await this.dropClient();
    const client = await this.options.connect(() => {
      if (this.client === client) this.client = null;
    });
    this.client = client;
    const till = this.options.till();
    await checkTillAccess(client, this.options.target(), till.stationId);
    await registerTill(client, till);
    this.checked = true;
    return client;
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.checked = false;
    await client?.end().catch(() => undefined);
  }

  private update(change: Omit<ShopReplicationStatus, 'lastCopiedAt'>): ShopReplicationStatus {
    this.current = { ...change, lastCopiedAt: this.current.lastCopiedAt };
    this.options.onStatus?.(this.current);
    return this.current;
  }

  private now(): string {
    return (this.options.clock?.() ?? new Date()).toISOString();
  }
}
