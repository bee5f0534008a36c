import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { useShopDatabase } from '../test-support/pg-test-cluster';
import { silentLogger } from '../logging/logger';
import { SHOP_SCHEMA_VERSION } from './migrations';
import { ShopReplicator } from './replicator';
import { openShopClient } from './shop-db-connection';
import { testShopDatabase } from './shop-db-test-action';
import { journalExpectation, loginSettings, shopHoldings, tillReplicator } from './test-support/shop-replication';
import { ManualScheduler } from './test-support/manual-scheduler';
import { openTillJournal, type TillJournal } from './test-support/till-journal';

// Two faults of the list that the outage and crash tests do not make: a server too slow
// to answer (a statement runs past its time limit) and a shop database whose schema is older
// than this app's. Each on a real PostgreSQL: the copy pauses with the reason in plain words,
// the till's journal keeps every event, and the copy catches up once the fault is gone.

const shop = useShopDatabase();
const journals: TillJournal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
});

function tillWith(documents: number): TillJournal {
  const local = openTillJournal();
  journals.push(local);
  local.add(documents);
  return local;
}

/** Every event of the journal (a draft's too): none is copied while the copy is paused. */
function eventsIn(local: TillJournal): number {
  return (local.journal.db.prepare('SELECT count(*) AS n FROM document_events').get() as { n: number }).n;
}

it('pauses while a statement runs past its time limit, loses nothing, and catches up once the server answers again', { timeout: 60_000 }, async (context) => {
  const db = shop.ready(context);
  const login = await db.login('fiscal_desk_till');
  const station = `station-${randomUUID()}`;
  const local = tillWith(12);
  // The app allows a statement 30 s; the same limit, shorter, so the test need not wait that long.
  const settings = loginSettings(login);
  const replicator = new ShopReplicator({
    journal: local.journal.db,
    till: () => ({ stationId: station, branch: 'Harare', label: 'Till 1', appVersion: '0.1.0' }),
    target: () => settings,
    connect: async (onLost) => {
      const client = await openShopClient(settings, login.password, onLost);
      await client.query(`SET statement_timeout = '300ms'`);
      return client;
    },
    scheduler: new ManualScheduler(),
    logger: silentLogger,
  });
  // A busy server: another session holds the documents table, so the till's writes wait.
  const busy = new pg.Client({ connectionString: db.adminUrl });
  await busy.connect();
  try {
    await busy.query('BEGIN');
    await busy.query('LOCK TABLE shop.documents IN SHARE ROW EXCLUSIVE MODE');
    const paused = await replicator.flush();
    expect(paused).toMatchObject({ state: 'paused', problem: 'unreachable' });
    expect(paused.message).toMatch(/^Copy to the shop database paused: the shop database at 127\.0\.0\.1:\d+ is too slow to answer .*Copying goes on by itself/);
    expect(paused.eventsWaiting).toBe(eventsIn(local));
    // The till goes on writing while the copy waits.
    local.add(3);
    await busy.query('ROLLBACK');
  } finally {
    await busy.end();
  }
  expect(await replicator.flush()).toMatchObject({ state: 'up-to-date', eventsWaiting: 0 });
  expect(await shopHoldings(db.admin, station)).toEqual(journalExpectation(local.journal.db));
  await replicator.stop();
});

it('pauses on a shop database whose schema is older than this app\'s, asking IT to bring it up to date, and catches up once it is', { timeout: 60_000 }, async (context) => {
  const db = shop.ready(context);
  const login = await db.login('fiscal_desk_till');
  const station = `station-${randomUUID()}`;
  const local = tillWith(6);
  const { replicator } = tillReplicator(local.journal.db, login, station);
  // As if the server had not been migrated to this app's newest step yet.
  const newest = (await db.admin.query<{ version: number; name: string }>('SELECT version, name FROM shop.schema_version WHERE version = $1', [SHOP_SCHEMA_VERSION])).rows[0]!;
  await db.admin.query('DELETE FROM shop.schema_version WHERE version = $1', [newest.version]);
  const placeholder = SHOP_SCHEMA_VERSION === 1;
  if (placeholder) await db.admin.query(`INSERT INTO shop.schema_version (version, name) VALUES (0, 'before the first')`);
  const behind = SHOP_SCHEMA_VERSION - 1;
  try {
    const tested = await testShopDatabase(loginSettings(login), login.password, station);
    expect(tested).toMatchObject({ ok: false, problem: 'schema-too-old' });
    const paused = await replicator.flush();
    expect(paused).toMatchObject({ state: 'paused', problem: 'schema-too-old' });
    // Test says it as a sentence of its own, the pause after its "paused:".
    for (const message of [tested.message, paused.message]) {
      expect(message.toLowerCase()).toContain(`the shop database has an older schema (${behind}; this copy of Fiscal Desk needs ${SHOP_SCHEMA_VERSION}). Ask IT to bring it up to date (docs/shop-database.md); nothing is lost meanwhile.`.toLowerCase());
    }
    expect(paused.message.startsWith('Copy to the shop database paused: ')).toBe(true);
    expect(paused.eventsWaiting).toBe(eventsIn(local));
    expect((await db.admin.query('SELECT count(*)::int AS n FROM shop.documents WHERE station_id = $1', [station])).rows[0]).toEqual({ n: 0 });
  } finally {
    if (placeholder) await db.admin.query('DELETE FROM shop.schema_version WHERE version = 0');
    await db.admin.query('INSERT INTO shop.schema_version (version, name) VALUES ($1, $2)', [newest.version, newest.name]);
  }
  expect(await replicator.flush()).toMatchObject({ state: 'up-to-date', eventsWaiting: 0 });
  expect(await shopHoldings(db.admin, station)).toEqual(journalExpectation(local.journal.db));
  await replicator.stop();
});
