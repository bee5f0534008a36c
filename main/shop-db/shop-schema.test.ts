import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { useShopDatabase, type TestLogin } from '../test-support/pg-test-cluster';
import { migrateShopDb, readSchemaVersion } from './migrate';
import { SHOP_SCHEMA_VERSION } from './migrations';

// The shop database's schema and rights against a real PostgreSQL: the refusals below come from
// the database itself (row-level security and grants), not from the app.

const shop = useShopDatabase();
const open: pg.Client[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.end().catch(() => undefined)));
});

async function connect(login: TestLogin): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: login.url });
  await client.connect();
  open.push(client);
  return client;
}

async function claim(client: pg.Client, station: string): Promise<void> {
  await client.query(`INSERT INTO shop.tills (station_id, branch) VALUES ($1, 'Harare') ON CONFLICT (station_id) DO UPDATE SET branch = excluded.branch`, [station]);
}

async function insertDocument(client: pg.Client, station: string, id = randomUUID()): Promise<string> {
  await client.query(
    `INSERT INTO shop.documents (id, station_id, branch, profile_id, kind, state, currency, buyer_name, total, created_at, updated_at)
     VALUES ($1, $2, 'Harare', 'p', 'invoice', 'queued', 'USD', 'Buyer', '10.50', now(), now())`,
    [id, station],
  );
  return id;
}

/** The SQLSTATE and message PostgreSQL refused with. */
async function refusal(work: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await work;
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  throw new Error('PostgreSQL accepted what it should have refused');
}

describe('migrations', () => {
  it('are recorded in shop.schema_version and applied once', async (context) => {
    const { admin } = shop.ready(context);
    expect(await readSchemaVersion(admin)).toBe(SHOP_SCHEMA_VERSION);
    expect(await migrateShopDb(admin)).toEqual([]);
    const rows = await admin.query<{ version: number }>('SELECT version FROM shop.schema_version ORDER BY version');
    expect(rows.rows.map((row) => row.version)).toEqual([1, 2]);
  });

  it('leave a database made by a newer app alone', async (context) => {
    const { admin } = shop.ready(context);
    await admin.query(`INSERT INTO shop.schema_version (version, name) VALUES (99, 'from a newer app')`);
    try {
      expect(await migrateShopDb(admin)).toEqual([]);
      expect(await readSchemaVersion(admin)).toBe(99);
    } finally {
      await admin.query('DELETE FROM shop.schema_version WHERE version = 99');
    }
  });
});

describe('row-level security', () => {
  it('lets a till write its own station and refuses another station’s rows', async (context) => {
    const db = shop.ready(context);
    const tillA = await connect(await db.login('fiscal_desk_till'));
    const tillB = await connect(await db.login('fiscal_desk_till'));
    const stationA = `station-${randomUUID()}`;
    const stationB = `station-${randomUUID()}`;
    await claim(tillA, stationA);
    await claim(tillB, stationB);
    const own = await insertDocument(tillA, stationA);

    // A row that names another station.
    const foreign = await refusal(insertDocument(tillA, stationB));
    expect(foreign.code).toBe('42501');
    expect(foreign.message).toMatch(/row-level security/);
    const foreignEvent = await refusal(
      tillA.query(`INSERT INTO shop.document_events (station_id, journal_id, event_seq, document_id, at, to_state, note) VALUES ($1, 'j', 1, $2, now(), 'queued', '')`, [stationB, own]),
    );
    expect(foreignEvent.code).toBe('42501');
    // Another till's document cannot be taken over by writing the same id.
    const theirs = await insertDocument(tillB, stationB);
    const takeover = await refusal(
      tillA.query(
        `INSERT INTO shop.documents (id, station_id, branch, profile_id, kind, state, currency, buyer_name, created_at, updated_at)
         VALUES ($1, $2, 'Harare', 'p', 'invoice', 'fiscalised', 'USD', 'X', now(), now())
         ON CONFLICT (id) DO UPDATE SET state = excluded.state`,
        [theirs, stationA],
      ),
    );
    expect(takeover.code).toBe('42501');
    // Nor moved to this station, nor changed in place: the till does not even see it.
    const moved = await tillA.query(`UPDATE shop.documents SET station_id = $1 WHERE id = $2`, [stationA, theirs]);
    expect(moved.rowCount).toBe(0);
    const ownMoved = await refusal(tillA.query(`UPDATE shop.documents SET station_id = $1 WHERE id = $2`, [stationB, own]));
    expect(ownMoved.code).toBe('42501');
    // Claiming another till's station is refused too, and so is a second station for one login.
    expect((await refusal(claim(tillA, stationB))).code).toBe('42501');
    expect((await refusal(claim(tillA, `station-${randomUUID()}`))).code).toBe('23505');

    const state = await db.admin.query<{ id: string; state: string; station_id: string }>('SELECT id, state, station_id FROM shop.documents WHERE id = ANY($1) ORDER BY station_id', [[own, theirs]]);
    expect(state.rows).toEqual(
      [
        { id: own, state: 'queued', station_id: stationA },
        { id: theirs, state: 'queued', station_id: stationB },
      ].sort((a, b) => a.station_id.localeCompare(b.station_id)),
    );
  });

  it('keeps events append-only for a till: no change, no delete', async (context) => {
    const db = shop.ready(context);
    const till = await connect(await db.login('fiscal_desk_till'));
    const station = `station-${randomUUID()}`;
    await claim(till, station);
    const id = await insertDocument(till, station);
    await till.query(`INSERT INTO shop.document_events (station_id, journal_id, event_seq, document_id, at, to_state, note) VALUES ($1, 'j', 1, $2, now(), 'queued', 'Queued')`, [station, id]);
    expect((await refusal(till.query(`UPDATE shop.document_events SET note = 'changed' WHERE document_id = $1`, [id]))).code).toBe('42501');
    expect((await refusal(till.query(`DELETE FROM shop.document_events WHERE document_id = $1`, [id]))).code).toBe('42501');
    expect((await refusal(till.query(`DELETE FROM shop.documents WHERE id = $1`, [id]))).code).toBe('42501');
  });

  it('lets the back office read every till and write nothing', async (context) => {
    const db = shop.ready(context);
    const till = await connect(await db.login('fiscal_desk_till'));
    const office = await connect(await db.login('fiscal_desk_office'));
    const station = `station-${randomUUID()}`;
    await claim(till, station);
    const id = await insertDocument(till, station);
    const seen = await office.query<{ id: string; total: string }>('SELECT id, total FROM shop.documents WHERE id = $1', [id]);
    expect(seen.rows).toEqual([{ id, total: '10.50' }]);
    const tills = await office.query<{ n: string }>('SELECT count(*) AS n FROM shop.tills');
    expect(Number(tills.rows[0]?.n)).toBeGreaterThanOrEqual(1);
    expect((await refusal(insertDocument(office, station))).code).toBe('42501');
    expect((await refusal(office.query(`UPDATE shop.documents SET state = 'rejected' WHERE id = $1`, [id]))).code).toBe('42501');
  });

  it('gives a login in neither group nothing', async (context) => {
    const db = shop.ready(context);
    const stranger = await connect(await db.login(null));
    const denied = await refusal(stranger.query('SELECT count(*) FROM shop.documents'));
    expect(denied.code).toBe('42501');
  });
});
