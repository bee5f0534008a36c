import type pg from 'pg';
import type { ChangeBatch } from './journal-changes';

/** Who is copying: this till's station (its claim in shop.tills) and what the Tills screen shows of it. */
export interface TillIdentity {
  stationId: string;
  branch: string;
  label: string;
  appVersion: string;
}

/**
 * Claims (or refreshes) this till's row. The login role that first claims a station keeps it:
 * the database refuses another role's claim of it, and a second station for one login.
 */
export async function registerTill(client: pg.ClientBase, till: TillIdentity): Promise<void> {
  await client.query(
    `INSERT INTO shop.tills (station_id, branch, label, app_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (station_id) DO UPDATE SET branch = excluded.branch, label = excluded.label, app_version = excluded.app_version`,
    [till.stationId, till.branch, till.label, till.appVersion],
  );
}

/** Where this till's copy of this journal stands in the shop database (0: nothing copied yet). */
export async function readCursor(client: pg.ClientBase, stationId: string, journalId: string): Promise<number> {
  const result = await client.query<{ last_event_seq: string }>('SELECT last_event_seq FROM shop.replication_cursors WHERE station_id = $1 AND journal_id = $2', [stationId, journalId]);
  const row = result.rows[0];
  return row === undefined ? 0 : Number(row.last_event_seq);
}

/**
 * Writes one batch and advances the cursor in one transaction: PostgreSQL has the rows and the
 * cursor that covers them, or neither. Every write is keyed (document id, station and event
 * sequence), so a batch written twice (a crash after COMMIT, two processes of one till) changes
 * nothing; a document's older snapshot never overwrites a newer one. Amounts go as the journal's
 * text: an empty one (invoice entry leaves a line without a discount empty) is no amount, and an
 * empty discount is none. Answers the cursor after it.
 */
export async function writeBatch(
  client: pg.ClientBase,
  till: TillIdentity,
  journalId: string,
  batch: ChangeBatch & { lastSeq: number },
  figures: { eventsWaiting: number; outboxBacklog: number; needsAttention: number },
): Promise<number> {
  await client.query('BEGIN');
  try {
    if (batch.buyers.length > 0) {
      await client.query(
        `INSERT INTO shop.buyers (station_id, local_id, profile_id, name, trade_name, tin, vat_number, phone, email, address, last_used_at)
         SELECT $1, b.id, b.profile_id, b.name, b.trade_name, b.tin, b.vat_number, b.phone, b.email, b.address_json::jsonb, b.last_used_at
         FROM json_to_recordset($2::json) AS b(id bigint, profile_id text, name text, trade_name text, tin text, vat_number text, phone text, email text, address_json text, last_used_at timestamptz)
         ON CONFLICT (station_id, local_id) DO UPDATE SET profile_id = excluded.profile_id, name = excluded.name, trade_name = excluded.trade_name, tin = excluded.tin,
           vat_number = excluded.vat_number, phone = excluded.phone, email = excluded.email, address = excluded.address, last_used_at = excluded.last_used_at`,
        [till.stationId, JSON.stringify(batch.buyers)],
      );
    }
    if (batch.documents.length > 0) {
      await client.query(
        `INSERT INTO shop.documents (id, station_id, branch, profile_id, kind, state, number, issued_at, currency, buyer_name, buyer_tin, buyer_local_id, original_id,
           sub_total, total_tax, total, service_error, last_failure, qr_url, verification_code, fiscal_day, device_id, zimra_number, created_at, updated_at)
         SELECT d.id, $1, $2, d.profile_id, d.kind, d.state, d.number, d.issued_at, d.currency, d.buyer_name, d.buyer_tin, d.buyer_id, d.original_id,
           NULLIF(d.sub_total, '')::numeric, NULLIF(d.total_tax, '')::numeric, NULLIF(d.total, '')::numeric, d.service_error, d.last_failure, d.qr_url, d.verification_code, d.fiscal_day, d.device_id, d.zimra_number, d.created_at, d.updated_at
         FROM json_to_recordset($3::json) AS d(id uuid, profile_id text, kind text, state text, number text, issued_at text, currency text, buyer_name text, buyer_tin text,
           buyer_id bigint, original_id uuid, sub_total text, total_tax text, total text, service_error text, last_failure text, qr_url text,
           verification_code text, fiscal_day integer, device_id integer, zimra_number integer, created_at timestamptz, updated_at timestamptz)
         ORDER BY d.id
         ON CONFLICT (id) DO UPDATE SET station_id = excluded.station_id, branch = excluded.branch, profile_id = excluded.profile_id, kind = excluded.kind,
           state = excluded.state, number = excluded.number, issued_at = excluded.issued_at, currency = excluded.currency, buyer_name = excluded.buyer_name,
           buyer_tin = excluded.buyer_tin, buyer_local_id = excluded.buyer_local_id, original_id = excluded.original_id, sub_total = excluded.sub_total,
           total_tax = excluded.total_tax, total = excluded.total, service_error = excluded.service_error, last_failure = excluded.last_failure,
           qr_url = excluded.qr_url, verification_code = excluded.verification_code, fiscal_day = excluded.fiscal_day, device_id = excluded.device_id,
           zimra_number = excluded.zimra_number, created_at = excluded.created_at, updated_at = excluded.updated_at, copied_at = now()
         WHERE shop.documents.updated_at <= excluded.updated_at`,
        [till.stationId, till.branch, JSON.stringify(batch.documents)],
      );
      const ids = batch.documents.map((document) => document.id);
      await client.query('DELETE FROM shop.document_lines WHERE document_id = ANY($1::uuid[])', [ids]);
      if (batch.lines.length > 0) {
        await client.query(
          `INSERT INTO shop.document_lines (document_id, position, station_id, description, quantity, unit_amount, discount_amount, tax_code, hs_code, line_amount)
           SELECT l.document_id, l.position, $1, l.description, NULLIF(l.quantity, '')::numeric, NULLIF(l.unit_amount, '')::numeric,
             COALESCE(NULLIF(l.discount_amount, ''), '0')::numeric, l.tax_code, l.hs_code, NULLIF(l.line_amount, '')::numeric
           FROM json_to_recordset($2::json) AS l(document_id uuid, position integer, description text, quantity text, unit_amount text,
             discount_amount text, tax_code text, hs_code text, line_amount text)`,
          [till.stationId, JSON.stringify(batch.lines)],
        );
      }
    }
    if (batch.events.length > 0) {
      await client.query(
        `INSERT INTO shop.document_events (station_id, journal_id, event_seq, document_id, at, from_state, to_state, note)
         SELECT $1, $2, e.id, e.document_id, e.at, e.from_state, e.to_state, e.note
         FROM json_to_recordset($3::json) AS e(id bigint, document_id uuid, at timestamptz, from_state text, to_state text, note text)
         ORDER BY e.id
         ON CONFLICT (station_id, journal_id, event_seq) DO NOTHING`,
        [till.stationId, journalId, JSON.stringify(batch.events)],
      );
    }
    const cursor = await client.query<{ last_event_seq: string }>(
      `INSERT INTO shop.replication_cursors (station_id, journal_id, last_event_seq) VALUES ($1, $2, $3)
       ON CONFLICT (station_id, journal_id) DO UPDATE SET last_event_seq = GREATEST(shop.replication_cursors.last_event_seq, excluded.last_event_seq), updated_at = now()
       RETURNING last_event_seq`,
      [till.stationId, journalId, batch.lastSeq],
    );
    const after = Number(cursor.rows[0]?.last_event_seq ?? batch.lastSeq);
    await client.query(
      `UPDATE shop.tills SET journal_id = $2, last_event_seq = $3, last_replicated_at = now(), events_waiting = $4, outbox_backlog = $5, needs_attention = $6
       WHERE station_id = $1`,
      [till.stationId, journalId, after, figures.eventsWaiting, figures.outboxBacklog, figures.needsAttention],
    );
    await client.query('COMMIT');
    return after;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
