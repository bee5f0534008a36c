import type { DatabaseSync } from 'node:sqlite';
import type { BuyerRow, DocumentRow, EventRow, LineRow } from '../store/journal/document-rows';

export type CopiedDocument = Omit<DocumentRow, 'draft' | 'wire'>;

/** What one batch copies: the journal's events after a cursor, and the documents they belong to as they are now. */
export interface ChangeBatch {
  /** The highest event sequence the batch covers (the cursor after it); null when nothing is new. */
  lastSeq: number | null;
  documents: CopiedDocument[];
  lines: LineRow[];
  buyers: BuyerRow[];
  /** Every event of those documents up to `lastSeq`, in order (earlier ones too: a document copied only once it left draft). */
  events: EventRow[];
}

const DOCUMENT_COLUMNS = `id, profile_id, kind, state, number, issued_at, currency, buyer_name, buyer_tin, buyer_id, original_id, sub_total, total_tax,
  total, is_retry, ambiguous, attempts, next_attempt_at, lease_owner, lease_until, request_id, submitted_at, next_poll_at, polls, service_error,
  last_failure, qr_url, verification_code, fiscal_day, device_id, zimra_number, pdf_token, created_at, updated_at`;

/**
 * Reads the next batch from the journal's append-only event log: at most `limit` events after
 * `afterSeq`, in order. Drafts are not copied: they change and are discarded without an event,
 * and are no one else's business until queued (a draft's events go with it once it is). Reads
 * only, each a statement of its own, so a write of the outbox never waits for it.
 */
export function readChangeBatch(db: DatabaseSync, afterSeq: number, limit: number): ChangeBatch {
  const events = db.prepare('SELECT id, document_id FROM document_events WHERE id > ? ORDER BY id LIMIT ?').all(afterSeq, limit) as { id: number; document_id: string }[];
  const last = events.at(-1);
  if (last === undefined) return { lastSeq: null, documents: [], lines: [], buyers: [], events: [] };
  const readDocument = db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ? AND state <> 'draft'`);
  const readLines = db.prepare('SELECT * FROM document_lines WHERE document_id = ? ORDER BY position');
  const readEvents = db.prepare('SELECT * FROM document_events WHERE document_id = ? AND id <= ? ORDER BY id');
  const readBuyer = db.prepare('SELECT id, profile_id, name, trade_name, tin, vat_number, phone, email, address_json, last_used_at FROM buyers WHERE id = ?');
  const batch: ChangeBatch = { lastSeq: last.id, documents: [], lines: [], buyers: [], events: [] };
  const buyers = new Set<number>();
  for (const id of new Set(events.map((event) => event.document_id))) {
    const document = readDocument.get(id) as CopiedDocument | undefined;
    if (document === undefined) continue;
    batch.documents.push(document);
    batch.lines.push(...(readLines.all(id) as unknown as LineRow[]));
    batch.events.push(...(readEvents.all(id, last.id) as unknown as EventRow[]));
    if (document.buyer_id !== null && !buyers.has(document.buyer_id)) {
      buyers.add(document.buyer_id);
      const buyer = readBuyer.get(document.buyer_id) as BuyerRow | undefined;
      if (buyer !== undefined) batch.buyers.push(buyer);
    }
  }
  batch.events.sort((a, b) => a.id - b.id);
  return batch;
}

/** This journal file's identity (migration 007): a journal started afresh is copied from its first event again. */
export function journalIdentity(db: DatabaseSync): string {
  const row = db.prepare(`SELECT value FROM journal_meta WHERE key = 'journal_id'`).get() as { value: string } | undefined;
  if (row === undefined) throw new Error('The journal has no identity (migration 007)');
  return row.value;
}

/** Journal events after the cursor (a range of the log's primary key: cheap however long the journal). */
export function eventsAfter(db: DatabaseSync, afterSeq: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM document_events WHERE id > ?').get(afterSeq) as { n: number }).n;
}

/** What the back office's Tills screen shows of this till: the outbox's backlog and the documents needing attention. */
export function tillFigures(db: DatabaseSync): { outboxBacklog: number; needsAttention: number } {
  const states = db
    .prepare(
      `SELECT SUM(state IN ('queued', 'sending', 'submitted')) AS backlog, SUM(state IN ('needs-fix', 'needs-attention')) AS attention
       FROM documents WHERE state IN ('queued', 'sending', 'submitted', 'needs-fix', 'needs-attention')`,
    )
    .get() as { backlog: number | null; attention: number | null };
  return { outboxBacklog: states.backlog ?? 0, needsAttention: states.attention ?? 0 };
}
