// Builds a till's replicator over a real journal and a real PostgreSQL login, and reads back
// what each side holds, for the tests to compare.
import type pg from 'pg';
import type { DatabaseSync } from 'node:sqlite';
import { silentLogger } from '../../logging/logger';
import type { TestLogin } from '../../test-support/pg-test-cluster';
import { ShopReplicator, type ReplicationScheduler, type ReplicatorOptions } from '../replicator';
import { openShopClient, type ShopDbConnectionSettings } from '../shop-db-connection';
import { ManualScheduler } from './manual-scheduler';

export function loginSettings(login: TestLogin): ShopDbConnectionSettings {
  const url = new URL(login.url);
  return { host: url.hostname, port: Number(url.port), database: url.pathname.slice(1), user: login.role, tls: 'off' };
}

export function tillReplicator(
  db: DatabaseSync,
  login: TestLogin,
  stationId: string,
  options: Partial<Omit<ReplicatorOptions, 'journal' | 'till' | 'target' | 'connect'>> & { password?: string; branch?: string } = {},
): { replicator: ShopReplicator; scheduler: ReplicationScheduler } {
  const settings = loginSettings(login);
  const scheduler = options.scheduler ?? new ManualScheduler();
  const replicator = new ShopReplicator({
    journal: db,
    till: () => ({ stationId, branch: options.branch ?? 'Harare', label: 'Till 1', appVersion: '0.1.0' }),
    target: () => settings,
    connect: (onLost) => openShopClient(settings, options.password ?? login.password, onLost),
    logger: silentLogger,
    ...options,
    scheduler,
  });
  return { replicator, scheduler };
}

/** What the journal holds that the shop database must end with: non-draft documents and all their events. */
export function journalExpectation(db: DatabaseSync): { documents: { id: string; state: string; total: string | null }[]; events: number[] } {
  const documents = db.prepare(`SELECT id, state, total FROM documents WHERE state <> 'draft' ORDER BY id`).all() as { id: string; state: string; total: string | null }[];
  const events = db.prepare(`SELECT e.id FROM document_events e JOIN documents d ON d.id = e.document_id WHERE d.state <> 'draft' ORDER BY e.id`).all() as { id: number }[];
  return { documents: byId(documents.map((row) => ({ ...row }))), events: events.map((row) => row.id) };
}

/** What the shop database holds of one station, in the same shape (totals as PostgreSQL prints the numeric). */
export async function shopHoldings(admin: pg.Client, stationId: string): Promise<{ documents: { id: string; state: string; total: string | null }[]; events: number[] }> {
  const documents = await admin.query<{ id: string; state: string; total: string | null }>('SELECT id::text AS id, state, total::text AS total FROM shop.documents WHERE station_id = $1 ORDER BY id::text', [stationId]);
  const events = await admin.query<{ event_seq: string }>('SELECT event_seq FROM shop.document_events WHERE station_id = $1 ORDER BY event_seq', [stationId]);
  return { documents: byId(documents.rows), events: events.rows.map((row) => Number(row.event_seq)) };
}

function byId<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
