import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { useShopDatabase } from '../test-support/pg-test-cluster';
import { ManualScheduler } from './test-support/manual-scheduler';
import { journalExpectation, shopHoldings, tillReplicator } from './test-support/shop-replication';
import { openTillJournal, type TillJournal } from './test-support/till-journal';

// A till's real journal copied to a real PostgreSQL through a till's login (row-level security on).

const shop = useShopDatabase();
const journals: TillJournal[] = [];
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  for (const till of journals.splice(0)) till.close();
});

function till(): TillJournal {
  const opened = openTillJournal();
  journals.push(opened);
  return opened;
}

describe('replication', () => {
  it('copies every queued document with its lines, buyer and events, digit for digit, and no draft', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const local = till();
    local.add(12);
    const station = `station-${randomUUID()}`;
    const { replicator } = tillReplicator(local.journal.db, login, station, { batchSize: 5, branch: 'Bulawayo' });
    stops.push(() => replicator.stop());

    const status = await replicator.flush();
    expect(status).toMatchObject({ state: 'up-to-date', problem: null, eventsWaiting: 0 });
    expect(status.lastCopiedAt).not.toBeNull();
    expect(await shopHoldings(db.admin, station)).toEqual(journalExpectation(local.journal.db));

    const drafts = local.journal.db.prepare(`SELECT id FROM documents WHERE state = 'draft'`).all() as { id: string }[];
    expect(drafts.length).toBeGreaterThan(0);
    const copiedDrafts = await db.admin.query('SELECT id FROM shop.documents WHERE id = ANY($1::uuid[])', [drafts.map((row) => row.id)]);
    expect(copiedDrafts.rowCount).toBe(0);

    const sample = local.journal.db.prepare(`SELECT id, number, qr_url, buyer_id FROM documents WHERE state = 'fiscalised' AND buyer_id IS NOT NULL LIMIT 1`).get() as { id: string; number: string; qr_url: string; buyer_id: number };
    const copied = await db.admin.query<{ number: string; qr_url: string; branch: string; buyer: string; lines: { quantity: string; unit_amount: string; line_amount: string }[] }>(
      `SELECT d.number, d.qr_url, d.branch, b.tin AS buyer,
              (SELECT json_agg(json_build_object('quantity', l.quantity::text, 'unit_amount', l.unit_amount::text, 'line_amount', l.line_amount::text) ORDER BY l.position) FROM shop.document_lines l WHERE l.document_id = d.id) AS lines
       FROM shop.documents d JOIN shop.buyers b ON b.station_id = d.station_id AND b.local_id = d.buyer_local_id WHERE d.id = $1`,
      [sample.id],
    );
    expect(copied.rows[0]).toMatchObject({ number: sample.number, qr_url: sample.qr_url, branch: 'Bulawayo' });
    expect(copied.rows[0]?.buyer).toMatch(/^200\d$/);
    expect(copied.rows[0]?.lines).toEqual([
      { quantity: '2', unit_amount: '1.25', line_amount: '2.50' },
      { quantity: '1.5', unit_amount: '0.333', line_amount: '0.4995' },
    ]);
    const tillRow = await db.admin.query<{ branch: string; last_event_seq: string; events_waiting: string; outbox_backlog: number; needs_attention: number }>(
      'SELECT branch, last_event_seq, events_waiting, outbox_backlog, needs_attention FROM shop.tills WHERE station_id = $1',
      [station],
    );
    const maxEvent = (local.journal.db.prepare('SELECT MAX(id) AS id FROM document_events').get() as { id: number }).id;
    expect(tillRow.rows[0]).toMatchObject({ branch: 'Bulawayo', last_event_seq: String(maxEvent), events_waiting: '0' });
    expect(tillRow.rows[0]?.needs_attention).toBeGreaterThan(0);
  });

  it('copies events in order and gives the same rows when replayed from the start', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const local = till();
    local.add(30);
    const station = `station-${randomUUID()}`;
    const { replicator } = tillReplicator(local.journal.db, login, station, { batchSize: 7 });
    stops.push(() => replicator.stop());
    await replicator.flush();
    const dump = async () =>
      (
        await db.admin.query(
          `SELECT (SELECT json_agg(d ORDER BY d.id) FROM (SELECT id, state, number, total::text, updated_at FROM shop.documents WHERE station_id = $1) d) AS documents,
                  (SELECT json_agg(e ORDER BY e.event_seq) FROM (SELECT event_seq, document_id, at, from_state, to_state, note FROM shop.document_events WHERE station_id = $1) e) AS events,
                  (SELECT json_agg(l ORDER BY l.document_id, l.position) FROM (SELECT document_id, position, quantity::text FROM shop.document_lines WHERE station_id = $1) l) AS lines,
                  (SELECT count(*) FROM shop.buyers WHERE station_id = $1) AS buyers`,
          [station],
        )
      ).rows[0];
    const first = await dump();
    // The journal's events, in its order, each once.
    expect(first.events.map((event: { event_seq: number }) => event.event_seq)).toEqual(journalExpectation(local.journal.db).events);

    // Replay everything: the cursor wound back to the start, the same batches written again.
    await db.admin.query('UPDATE shop.replication_cursors SET last_event_seq = 0 WHERE station_id = $1', [station]);
    expect(await replicator.flush()).toMatchObject({ state: 'up-to-date' });
    expect(await dump()).toEqual(first);
    // A second replicator of the same till (another process) replays too, and changes nothing.
    const { replicator: again } = tillReplicator(local.journal.db, login, station, { batchSize: 3 });
    stops.push(() => again.stop());
    await db.admin.query('DELETE FROM shop.replication_cursors WHERE station_id = $1', [station]);
    await again.flush();
    expect(await dump()).toEqual(first);
  });

  it('resumes where it stopped: later documents and state changes, nothing twice', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const local = till();
    local.add(8);
    const station = `station-${randomUUID()}`;
    const { replicator } = tillReplicator(local.journal.db, login, station, { batchSize: 4 });
    stops.push(() => replicator.stop());
    await replicator.flush();
    // A queued document is sent and fiscalised later; new ones arrive.
    const queued = local.journal.db.prepare(`SELECT id FROM documents WHERE state = 'queued' LIMIT 1`).get() as { id: string };
    local.repo.transition(queued.id, { from: ['queued'] }, 'fiscalised', { qr_url: 'https://example.test/late' }, new Date().toISOString(), 'Fiscalised');
    local.add(9);
    expect(replicator.status().state).toBe('up-to-date');
    await replicator.flush();
    expect(await shopHoldings(db.admin, station)).toEqual(journalExpectation(local.journal.db));
    const late = await db.admin.query<{ state: string; qr_url: string }>('SELECT state, qr_url FROM shop.documents WHERE id = $1', [queued.id]);
    expect(late.rows[0]).toEqual({ state: 'fiscalised', qr_url: 'https://example.test/late' });
  });

  it('starts its journal afresh when the journal was replaced (another identity), keeping what the old one copied', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const station = `station-${randomUUID()}`;
    const old = till();
    old.add(6);
    const first = tillReplicator(old.journal.db, login, station);
    stops.push(() => first.replicator.stop());
    await first.replicator.flush();
    const before = await shopHoldings(db.admin, station);
    // A new journal (after damage): its event sequence starts from 1 again.
    const fresh = till();
    fresh.add(4);
    const second = tillReplicator(fresh.journal.db, login, station);
    stops.push(() => second.replicator.stop());
    expect(await second.replicator.flush()).toMatchObject({ state: 'up-to-date' });
    const docs = await db.admin.query<{ n: string }>('SELECT count(*) AS n FROM shop.documents WHERE station_id = $1', [station]);
    expect(Number(docs.rows[0]?.n)).toBe(before.documents.length + journalExpectation(fresh.journal.db).documents.length);
    const events = await db.admin.query<{ n: string }>('SELECT count(*) AS n FROM shop.document_events WHERE station_id = $1', [station]);
    expect(Number(events.rows[0]?.n)).toBe(before.events.length + journalExpectation(fresh.journal.db).events.length);
  });

  it('brings two tills together: the back office reads every document once, with totals per currency equal to each till’s own', async (context) => {
    const db = shop.ready(context);
    const tills = [
      { local: till(), login: await db.login('fiscal_desk_till'), station: `station-${randomUUID()}` },
      { local: till(), login: await db.login('fiscal_desk_till'), station: `station-${randomUUID()}` },
    ];
    tills[0]!.local.add(14);
    tills[1]!.local.add(9);
    const replicators = tills.map(({ local, login, station }, index) => tillReplicator(local.journal.db, login, station, { batchSize: 6, branch: index === 0 ? 'Harare' : 'Bulawayo' }).replicator);
    for (const replicator of replicators) stops.push(() => replicator.stop());
    // Both at once, as two tills do.
    expect((await Promise.all(replicators.map((replicator) => replicator.flush()))).map((status) => status.state)).toEqual(['up-to-date', 'up-to-date']);

    const office = new pg.Client({ connectionString: (await db.login('fiscal_desk_office')).url });
    await office.connect();
    stops.push(() => office.end());
    const stations = tills.map((entry) => entry.station);
    const shopTotals = await office.query<{ currency: string; total: string; n: string }>(
      'SELECT currency, sum(total)::text AS total, count(DISTINCT id) AS n FROM shop.documents WHERE station_id = ANY($1) GROUP BY currency ORDER BY currency',
      [stations],
    );
    const tillTotals = new Map<string, { total: Decimal; n: number }>();
    for (const { local } of tills) {
      for (const row of local.journal.db.prepare(`SELECT currency, total FROM documents WHERE state <> 'draft'`).all() as { currency: string; total: string }[]) {
        const sum = tillTotals.get(row.currency) ?? { total: new Decimal(0), n: 0 };
        tillTotals.set(row.currency, { total: sum.total.plus(row.total), n: sum.n + 1 });
      }
    }
    expect(shopTotals.rows.map((row) => ({ currency: row.currency, total: new Decimal(row.total).toFixed(2), n: Number(row.n) }))).toEqual(
      [...tillTotals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) => ({ currency, total: sum.total.toFixed(2), n: sum.n })),
    );
    const byBranch = await office.query<{ branch: string; n: string }>('SELECT branch, count(*) AS n FROM shop.documents WHERE station_id = ANY($1) GROUP BY branch ORDER BY branch', [stations]);
    expect(byBranch.rows).toEqual([
      { branch: 'Bulawayo', n: String(journalExpectation(tills[1]!.local.journal.db).documents.length) },
      { branch: 'Harare', n: String(journalExpectation(tills[0]!.local.journal.db).documents.length) },
    ]);
  });

  it('runs on its scheduler: a round now, the idle wait after it, a retry that grows after a fault', async (context) => {
    const db = shop.ready(context);
    const login = await db.login('fiscal_desk_till');
    const local = till();
    local.add(3);
    const station = `station-${randomUUID()}`;
    const scheduler = new ManualScheduler();
    const statuses: string[] = [];
    const { replicator } = tillReplicator(local.journal.db, login, station, { scheduler, idleMs: 3_000, retryMs: 1_000, maxRetryMs: 4_000, password: 'wrong', onStatus: (status) => statuses.push(status.state) });
    stops.push(() => replicator.stop());
    replicator.start();
    expect(scheduler.due()).toEqual([0]);
    const retries: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      const next = scheduler.scheduled();
      scheduler.runNext();
      await next;
      expect(scheduler.due()).toHaveLength(1);
      retries.push(scheduler.due()[0]!);
    }
    expect(retries).toEqual([1_000, 2_000, 4_000, 4_000]);
    expect(replicator.status()).toMatchObject({ state: 'paused', problem: 'wrong-password' });
    expect(replicator.status().message).toMatch(/^Copy to the shop database paused: the shop database refused the password/);
    expect(replicator.status().eventsWaiting).toBeGreaterThan(0);
  });
});
