import type { Migration } from './migration';

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The columns of `document_history` copied from `documents` as they are. */
const COPIED = ['id', 'profile_id', 'kind', 'state', 'number', 'issued_at', 'buyer_name', 'buyer_tin', 'currency', 'total', 'verification_code', 'zimra_number', 'fiscal_day', 'service_error', 'created_at', 'updated_at'] as const;

/** `documents` columns whose change must reach the history. */
const WATCHED = COPIED.filter((column) => column !== 'id' && column !== 'updated_at');

const copiedValues = (row: string) => COPIED.map((column) => `${row}.${column}`).join(', ');
/** The date the history sorts and filters by: when the document was issued, or created (a draft). */
const dateOf = (row: string) => `coalesce(${row}.issued_at, ${row}.created_at)`;
/** Ordering by amount only, never arithmetic: the decimal string read as a number. */
const totalSortOf = (row: string) => `CAST(${row}.total AS REAL)`;

/**
 * The words a document is found by. Numbers and verification codes are also indexed without
 * their separators and leading zeros, so `42` finds INV-000042 and `A1B2C3D4` finds A1B2-C3D4-...
 */
export const searchTerms = (row: string) => `concat_ws(' ',
  ${row}.number,
  nullif(ltrim(ltrim(${row}.number, '${letters}-_/. '), '0'), ''),
  ${row}.buyer_name,
  ${row}.buyer_tin,
  ${row}.total,
  ${row}.verification_code,
  replace(${row}.verification_code, '-', ''),
  CASE WHEN ${row}.zimra_number IS NOT NULL THEN ${row}.zimra_number || '/' || coalesce(${row}.fiscal_day, '') END,
  ${row}.zimra_number)`;

const countDelta = (row: string, delta: 1 | -1) => `
  INSERT INTO document_day_counts (profile_id, day, kind, state, currency, documents)
  VALUES (${row}.profile_id, substr(${row}.date, 1, 10), ${row}.kind, ${row}.state, ${row}.currency, ${delta})
  ON CONFLICT (profile_id, day, kind, state, currency) DO UPDATE SET documents = documents + (${delta});`;

const FILL_HISTORY = `
  INSERT INTO document_history (${COPIED.join(', ')}, date, total_sort)
    SELECT ${copiedValues('d')}, ${dateOf('d')}, ${totalSortOf('d')} FROM documents d ORDER BY d.rowid;`;

/** In bulk, before the triggers exist (the migration); afterwards the triggers do this row by row. */
const FILL_DERIVED = `
  INSERT INTO documents_fts (rowid, terms) SELECT h.hid, ${searchTerms('h')} FROM document_history h;
  INSERT INTO document_day_counts (profile_id, day, kind, state, currency, documents)
    SELECT h.profile_id, substr(h.date, 1, 10), h.kind, h.state, h.currency, count(*) FROM document_history h GROUP BY 1, 2, 3, 4, 5;
`;

/**
 * History at a million documents (issue 12). `documents` rows are wide (the draft and the wire
 * body), so the list reads a narrow copy of what it shows, `document_history`, with an ordered
 * index for each sort and filter, a full-text index of what the manager searches by
 * (`documents_fts`, keyed by `document_history.hid`), and per-day counts so that "how many
 * match" never scans. Triggers keep all three in step with `documents` in the same transaction.
 */
export const migration002: Migration = {
  version: 2,
  name: 'history-search',
  sql: `
    CREATE TABLE document_history (
      hid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      profile_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      state TEXT NOT NULL,
      number TEXT,
      issued_at TEXT,
      buyer_name TEXT NOT NULL,
      buyer_tin TEXT,
      currency TEXT NOT NULL,
      total TEXT,
      verification_code TEXT,
      zimra_number INTEGER,
      fiscal_day INTEGER,
      service_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      date TEXT NOT NULL,
      total_sort REAL
    ) STRICT;
    CREATE INDEX document_history_date ON document_history (profile_id, date);
    CREATE INDEX document_history_state ON document_history (profile_id, state, date);
    CREATE INDEX document_history_currency ON document_history (profile_id, currency, date);
    CREATE INDEX document_history_kind ON document_history (profile_id, kind, date);
    CREATE INDEX document_history_number ON document_history (profile_id, number);
    CREATE INDEX document_history_total ON document_history (profile_id, total_sort);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      terms,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2 tokenchars '-/.'",
      prefix = '2 3'
    );

    CREATE TABLE document_day_counts (
      profile_id TEXT NOT NULL,
      day TEXT NOT NULL,
      kind TEXT NOT NULL,
      state TEXT NOT NULL,
      currency TEXT NOT NULL,
      documents INTEGER NOT NULL,
      PRIMARY KEY (profile_id, day, kind, state, currency)
    ) STRICT, WITHOUT ROWID;

    ${FILL_HISTORY}
    ${FILL_DERIVED}

    CREATE TRIGGER documents_to_history_insert AFTER INSERT ON documents BEGIN
      INSERT INTO document_history (${COPIED.join(', ')}, date, total_sort)
      VALUES (${copiedValues('new')}, ${dateOf('new')}, ${totalSortOf('new')});
    END;

    CREATE TRIGGER documents_to_history_update AFTER UPDATE OF ${WATCHED.join(', ')} ON documents
    WHEN ${WATCHED.map((column) => `old.${column} IS NOT new.${column}`).join(' OR ')}
    BEGIN
      UPDATE document_history SET ${COPIED.filter((column) => column !== 'id').map((column) => `${column} = new.${column}`).join(', ')},
        date = ${dateOf('new')}, total_sort = ${totalSortOf('new')}
      WHERE id = new.id;
    END;

    CREATE TRIGGER documents_to_history_delete AFTER DELETE ON documents BEGIN
      DELETE FROM document_history WHERE id = old.id;
    END;

    CREATE TRIGGER document_history_insert AFTER INSERT ON document_history BEGIN
      INSERT INTO documents_fts (rowid, terms) VALUES (new.hid, ${searchTerms('new')});
      ${countDelta('new', 1)}
    END;

    CREATE TRIGGER document_history_delete AFTER DELETE ON document_history BEGIN
      DELETE FROM documents_fts WHERE rowid = old.hid;
      ${countDelta('old', -1)}
    END;

    CREATE TRIGGER document_history_terms AFTER UPDATE ON document_history
    WHEN old.number IS NOT new.number OR old.buyer_name IS NOT new.buyer_name OR old.buyer_tin IS NOT new.buyer_tin
      OR old.total IS NOT new.total OR old.verification_code IS NOT new.verification_code
      OR old.zimra_number IS NOT new.zimra_number OR old.fiscal_day IS NOT new.fiscal_day
    BEGIN
      DELETE FROM documents_fts WHERE rowid = old.hid;
      INSERT INTO documents_fts (rowid, terms) VALUES (new.hid, ${searchTerms('new')});
    END;

    CREATE TRIGGER document_history_counts AFTER UPDATE ON document_history
    WHEN old.profile_id IS NOT new.profile_id OR old.kind IS NOT new.kind OR old.state IS NOT new.state
      OR old.currency IS NOT new.currency OR substr(old.date, 1, 10) IS NOT substr(new.date, 1, 10)
    BEGIN
      ${countDelta('old', -1)}
      ${countDelta('new', 1)}
    END;
  `,
};

/** Rebuilds the history copy from `documents` (a repair); its triggers rebuild the index and counts. */
export const REBUILD_HISTORY_SQL = `
  DELETE FROM document_history;
  ${FILL_HISTORY}
`;
