import type pg from 'pg';
import type { ShopTill } from '../../../shared/contract/shop-office';
import { isoText } from './office-rows';

interface TillRow {
  station_id: string;
  label: string;
  branch: string;
  app_version: string;
  last_replicated_at: string | null;
  events_waiting: string;
  outbox_backlog: number;
  needs_attention: number;
  documents: string;
}

/** Every till that ever copied to the shop database, with how many of its documents it holds. */
export async function readTills(db: pg.Pool, thisStation: string): Promise<ShopTill[]> {
  const result = await db.query<TillRow>(
    `SELECT t.station_id, t.label, t.branch, t.app_version, ${isoText('t.last_replicated_at')} AS last_replicated_at,
       t.events_waiting, t.outbox_backlog, t.needs_attention, coalesce(c.documents, 0) AS documents
     FROM shop.tills t LEFT JOIN (SELECT station_id, sum(documents) AS documents FROM shop.document_counts GROUP BY station_id) c ON c.station_id = t.station_id
     ORDER BY t.branch, t.label, t.station_id`,
  );
  return result.rows.map((row) => ({
    stationId: row.station_id,
    label: row.label,
    branch: row.branch,
    appVersion: row.app_version,
    thisTill: row.station_id === thisStation,
    lastReplicatedAt: row.last_replicated_at,
    eventsWaiting: Math.max(0, Number(row.events_waiting)),
    outboxBacklog: Math.max(0, row.outbox_backlog),
    needsAttention: Math.max(0, row.needs_attention),
    documents: Number(row.documents),
  }));
}

/** The branches tills name now, and those their documents were copied under. */
export async function readBranches(db: pg.Pool): Promise<string[]> {
  const result = await db.query<{ branch: string }>(
    `SELECT branch FROM (SELECT branch FROM shop.tills UNION SELECT branch FROM shop.document_counts) AS named WHERE branch <> '' ORDER BY branch COLLATE "C"`,
  );
  return result.rows.map((row) => row.branch);
}
