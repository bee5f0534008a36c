import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ShopReplicationStatus } from '../../shared/contract/shop-db';
import { useShopDatabase } from '../test-support/pg-test-cluster';
import { timerScheduler } from './replicator';
import { journalExpectation, shopHoldings, tillReplicator } from './test-support/shop-replication';
import { openTillJournal } from './test-support/till-journal';

// The real cluster is stopped while the till copies, then started again: the copy pauses with
// the reason, the till goes on writing its journal, and the loop catches up by itself with
// every document and event exactly once. A cluster of this file's own, since it is stopped.

const shop = useShopDatabase({ ownCluster: true });

it('pauses while PostgreSQL is stopped mid-batch and catches up by itself once it is back', { timeout: 120_000 }, async (context) => {
  const db = shop.ready(context);
  const login = await db.login('fiscal_desk_till');
  const station = `station-${randomUUID()}`;
  const local = openTillJournal();
  const seen: ShopReplicationStatus[] = [];
  const waiters: { test: (status: ShopReplicationStatus) => boolean; resolve: () => void }[] = [];
  const when = (test: (status: ShopReplicationStatus) => boolean) => new Promise<void>((resolve) => waiters.push({ test, resolve }));
  let batches = 0;
  const { replicator } = tillReplicator(local.journal.db, login, station, {
    scheduler: timerScheduler,
    batchSize: 5,
    idleMs: 50,
    retryMs: 50,
    maxRetryMs: 200,
    onStatus: (status) => {
      seen.push(status);
      if (status.state === 'copying') batches += 1;
      for (const waiter of waiters.filter((w) => w.test(status))) waiter.resolve();
    },
  });
  try {
    local.add(400);
    const paused = when((status) => status.state === 'paused');
    replicator.start();
    await when(() => batches >= 4);
    // Stopped while batches are being written (pg_ctl's fast mode ends every session at once).
    await db.cluster.stop();
    await paused;
    const pause = seen.find((status) => status.state === 'paused')!;
    expect(pause.problem, pause.message).toBe('unreachable');
    expect(pause.message).toMatch(/^Copy to the shop database paused: the shop database at 127\.0\.0\.1:\d+ cannot be reached\./);
    expect(pause.eventsWaiting).toBeGreaterThan(0);

    // The till keeps working: its journal takes documents while the shop database is away.
    const started = performance.now();
    local.add(30);
    expect(performance.now() - started).toBeLessThan(5_000);

    const caughtUp = when((status) => status.state === 'up-to-date');
    await db.cluster.restart();
    await caughtUp;
    expect(await shopHoldings(await db.reconnect(), station)).toEqual(journalExpectation(local.journal.db));
  } finally {
    await replicator.stop();
    local.close();
  }
});
