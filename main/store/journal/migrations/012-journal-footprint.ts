import type { DatabaseSync } from 'node:sqlite';
import { repackBody } from '../document-body';
import { dateTerms } from '../history-dates';
import { searchTerms } from './002-history-search';
import type { Migration } from './migration';

const BATCH = 2000;

interface BodyRow {
  rowid: number;
  id: string;
  draft: Uint8Array;
  wire: Uint8Array | null;
}

/**
 * A lighter journal (issue 21): 3.9 KB a document, most of it kept twice.
 *
 * - Each line and event named its document by the 36-character id, once in its row and once in
 *   its index: ten copies of the id a document. Documents get a small number of their own, `seq`
 *   (never reused, kept by VACUUM and by recovery), and lines and events move to `line_items`
 *   and `event_log`, which name it. A line's description is kept once per distinct text
 *   (`line_texts`: a shop sells the same things again and again), which is also what invoice
 *   entry looks descriptions up by. `document_lines` and `document_events` are views with the
 *   columns they always had (readers are unchanged); writing through them still works.
 * - Drafts and wire bodies are packed again with the preset dictionary (`document-body.ts`):
 *   about 350 bytes less a document, each body proven to read back byte for byte first.
 * - The full-text index also holds each document's day and month (history-dates.ts), so a search
 *   within a date range is answered from the index alone.
 * - Two indexes no query uses go: `documents_by_profile` (the history reads `document_history`)
 *   and `documents_fiscalised_invoices` (an invoice to credit is found by date, not by number).
 *
 * It runs in the one transaction of its version, in batches so memory stays flat, telling its
 * progress after each: a journal cut off mid-way (the app killed, a power cut) is found at the
 * version before at the next start, as it was, and the step runs again from the start.
 */
export const migration012: Migration = {
  version: 12,
  name: 'journal-footprint',
  sql: `
    DROP INDEX IF EXISTS documents_by_profile;
    DROP INDEX IF EXISTS documents_fiscalised_invoices;
    ALTER TABLE documents ADD COLUMN seq INTEGER;

    DROP INDEX document_lines_by_description;
    DROP INDEX document_events_by_document;
    ALTER TABLE document_lines RENAME TO document_lines_before_012;
    ALTER TABLE document_events RENAME TO document_events_before_012;

  `,
  *run(db: DatabaseSync, progress = () => undefined) {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const total = count('documents') + count('document_lines_before_012') + count('document_events_before_012') + count('document_history');
    let done = 0;
    const step = (rows: number) => progress((done += rows), total);
    progress(0, total);
    yield* numberAndRepack(db, step);
    // The tables naming `seq` come after it is given and indexed (a foreign key's parent needs its index).
    db.exec(`CREATE UNIQUE INDEX documents_by_seq ON documents (seq); ${NEW_TABLES}`);
    const texts = db.prepare('INSERT OR IGNORE INTO line_texts (description) SELECT description FROM document_lines_before_012 WHERE rowid > ? AND rowid <= ? ORDER BY rowid');
    const lines = db.prepare(
      `INSERT INTO line_items (doc_seq, position, text_id, quantity, unit_amount, discount_amount, tax_code, hs_code, line_amount)
       SELECT d.seq, l.position, t.id, l.quantity, l.unit_amount, l.discount_amount, l.tax_code, l.hs_code, l.line_amount
       FROM document_lines_before_012 l JOIN documents d ON d.id = l.document_id JOIN line_texts t ON t.description = l.description
       WHERE l.rowid > ? AND l.rowid <= ? ORDER BY l.rowid`,
    );
    yield* moveRows(db, 'document_lines_before_012', step, (after, upto) => {
      texts.run(after, upto);
      lines.run(after, upto);
    });
    const events = db.prepare(
      `INSERT INTO event_log (id, doc_seq, at, from_state, to_state, note)
       SELECT e.id, d.seq, e.at, e.from_state, e.to_state, e.note
       FROM document_events_before_012 e JOIN documents d ON d.id = e.document_id WHERE e.id > ? AND e.id <= ? ORDER BY e.id`,
    );
    yield* moveRows(db, 'document_events_before_012', step, (after, upto) => events.run(after, upto));
    if (count('line_items') !== count('document_lines_before_012') || count('event_log') !== count('document_events_before_012')) {
      throw new Error('Some lines or events name no document; the journal was left as it was');
    }
    db.exec(`
      -- An event id is never given twice, also the one of an event deleted with its draft.
      INSERT INTO sqlite_sequence (name, seq) SELECT 'event_log', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'event_log');
      UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'document_events_before_012'), 0))
        WHERE name = 'event_log';
      DROP TABLE document_lines_before_012;
      DROP TABLE document_events_before_012;
      DELETE FROM sqlite_sequence WHERE name = 'document_events_before_012';
      ${SHAPE}
      ${DATED_SEARCH}
    `);
    yield* fillSearch(db, step);
  },
};

const NEW_TABLES = `
    CREATE TABLE line_texts (
      id INTEGER PRIMARY KEY,
      description TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TABLE line_items (
      id INTEGER PRIMARY KEY,
      doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      text_id INTEGER NOT NULL REFERENCES line_texts (id),
      quantity TEXT NOT NULL,
      unit_amount TEXT NOT NULL,
      discount_amount TEXT NOT NULL,
      tax_code TEXT NOT NULL,
      hs_code TEXT NOT NULL,
      line_amount TEXT
    ) STRICT;

    CREATE TABLE event_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
      at TEXT NOT NULL,
      from_state TEXT,
      to_state TEXT NOT NULL,
      note TEXT NOT NULL
    ) STRICT;
`;

/** Indexes, the two views with the old tables' columns, and what keeps `seq` and the log as they must be. */
const SHAPE = `
  CREATE UNIQUE INDEX line_items_by_document ON line_items (doc_seq, position);
  CREATE INDEX line_items_by_text ON line_items (text_id);
  CREATE INDEX line_texts_by_description ON line_texts (description COLLATE NOCASE);
  CREATE INDEX event_log_by_document ON event_log (doc_seq, id);

  -- A document gets the next number when written without one.
  CREATE TRIGGER documents_seq AFTER INSERT ON documents WHEN new.seq IS NULL BEGIN
    UPDATE documents SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM documents) WHERE rowid = new.rowid;
  END;

  -- The log is append-only: an event is never changed; it goes only with its (draft) document.
  CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
  BEGIN SELECT RAISE(ABORT, 'document events are append-only'); END;

  CREATE VIEW document_lines AS
    SELECT d.id AS document_id, l.position, t.description, l.quantity, l.unit_amount, l.discount_amount, l.tax_code, l.hs_code, l.line_amount
    FROM line_items l JOIN documents d ON d.seq = l.doc_seq JOIN line_texts t ON t.id = l.text_id;

  CREATE TRIGGER document_lines_insert INSTEAD OF INSERT ON document_lines BEGIN
    INSERT OR IGNORE INTO line_texts (description) VALUES (new.description);
    INSERT INTO line_items (doc_seq, position, text_id, quantity, unit_amount, discount_amount, tax_code, hs_code, line_amount)
    VALUES ((SELECT seq FROM documents WHERE id = new.document_id), new.position, (SELECT id FROM line_texts WHERE description = new.description),
      new.quantity, new.unit_amount, new.discount_amount, new.tax_code, new.hs_code, new.line_amount);
  END;

  CREATE TRIGGER document_lines_delete INSTEAD OF DELETE ON document_lines BEGIN
    DELETE FROM line_items WHERE doc_seq = (SELECT seq FROM documents WHERE id = old.document_id) AND position = old.position;
  END;

  CREATE VIEW document_events AS
    SELECT e.id, d.id AS document_id, e.at, e.from_state, e.to_state, e.note
    FROM event_log e JOIN documents d ON d.seq = e.doc_seq;

  CREATE TRIGGER document_events_insert INSTEAD OF INSERT ON document_events BEGIN
    INSERT INTO event_log (id, doc_seq, at, from_state, to_state, note)
    VALUES (new.id, (SELECT seq FROM documents WHERE id = new.document_id), new.at, new.from_state, new.to_state, new.note);
  END;

  CREATE TRIGGER document_events_no_update INSTEAD OF UPDATE ON document_events
  BEGIN SELECT RAISE(ABORT, 'document events are append-only'); END;
`;

/**
 * The full-text index gets a second column, `dates` (history-dates.ts): made again, filled from
 * the history copy in batches, with the two triggers that write it (the others only delete).
 */
const DATED_SEARCH = `
  DROP TABLE documents_fts;
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    terms,
    dates,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '-/.'",
    prefix = '1 2 3'
  );

  DROP TRIGGER document_history_insert;
  CREATE TRIGGER document_history_insert AFTER INSERT ON document_history BEGIN
    INSERT INTO documents_fts (rowid, terms, dates) VALUES (new.hid, ${searchTerms('new')}, ${dateTerms('new')});
    INSERT INTO document_day_counts (profile_id, day, kind, state, currency, documents)
    VALUES (new.profile_id, substr(new.date, 1, 10), new.kind, new.state, new.currency, 1)
    ON CONFLICT (profile_id, day, kind, state, currency) DO UPDATE SET documents = documents + 1;
  END;

  DROP TRIGGER document_history_terms;
  CREATE TRIGGER document_history_terms AFTER UPDATE ON document_history
  WHEN old.number IS NOT new.number OR old.buyer_name IS NOT new.buyer_name OR old.buyer_tin IS NOT new.buyer_tin
    OR old.total IS NOT new.total OR old.verification_code IS NOT new.verification_code
    OR old.zimra_number IS NOT new.zimra_number OR old.fiscal_day IS NOT new.fiscal_day OR old.date IS NOT new.date
  BEGIN
    DELETE FROM documents_fts WHERE rowid = old.hid;
    INSERT INTO documents_fts (rowid, terms, dates) VALUES (new.hid, ${searchTerms('new')}, ${dateTerms('new')});
  END;
`;

function* fillSearch(db: DatabaseSync, step: (rows: number) => void): Generator<void> {
  const fill = db.prepare(`INSERT INTO documents_fts (rowid, terms, dates) SELECT h.hid, ${searchTerms('h')}, ${dateTerms('h')} FROM document_history h WHERE h.hid > ? AND h.hid <= ?`);
  yield* moveRows(db, 'document_history', step, (after, upto) => fill.run(after, upto));
}

/** Gives every document its `seq` (in rowid order) and packs its bodies again, a batch at a time. */
function* numberAndRepack(db: DatabaseSync, step: (rows: number) => void): Generator<void> {
  const next = db.prepare('SELECT rowid, id, draft, wire FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?');
  const write = db.prepare('UPDATE documents SET seq = ?, draft = ?, wire = ? WHERE rowid = ?');
  let after = 0;
  let seq = 0;
  for (;;) {
    const rows = next.all(after, BATCH) as unknown as BodyRow[];
    for (const row of rows) {
      seq += 1;
      write.run(seq, repackBody(row.draft, { documentId: row.id }), row.wire === null ? null : repackBody(row.wire, { documentId: row.id }), row.rowid);
    }
    step(rows.length);
    if (rows.length < BATCH) break;
    yield;
    after = rows.at(-1)!.rowid;
  }
}

/** Moves a table's rows in rowid batches with `move(after, upto)`, yielding after each. */
function* moveRows(db: DatabaseSync, table: string, step: (rows: number) => void, move: (after: number, upto: number) => void): Generator<void> {
  const batchEnd = db.prepare(`SELECT max(rowid) AS upto, count(*) AS n FROM (SELECT rowid FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?)`);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const { upto, n } = batchEnd.get(after, BATCH * 5) as { upto: number | null; n: number };
    if (upto === null) return;
    move(after, upto);
    step(n);
    after = upto;
    yield;
  }
}
