import type { Migration } from './migration';

/**
 * The first journal: documents with their lines and buyer snapshot, the buyer register, the
 * per-profile number sequences and the append-only event log. Amounts are TEXT decimal strings.
 */
export const migration001: Migration = {
  version: 1,
  name: 'documents',
  sql: `
    CREATE TABLE number_sequences (
      profile_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
      prefix TEXT NOT NULL,
      next_value INTEGER NOT NULL CHECK (next_value >= 1),
      PRIMARY KEY (profile_id, kind)
    ) STRICT;

    CREATE TABLE buyers (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      name TEXT NOT NULL,
      trade_name TEXT NOT NULL,
      tin TEXT NOT NULL,
      vat_number TEXT NOT NULL,
      phone TEXT NOT NULL,
      email TEXT NOT NULL,
      address_json TEXT NOT NULL,
      last_used_at TEXT NOT NULL,
      use_count INTEGER NOT NULL DEFAULT 1,
      UNIQUE (profile_id, name, tin)
    ) STRICT;

    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
      state TEXT NOT NULL CHECK (state IN ('draft', 'queued', 'sending', 'submitted', 'fiscalised', 'needs-fix', 'rejected', 'needs-attention')),
      draft_json TEXT NOT NULL,
      number TEXT,
      issued_at TEXT,
      currency TEXT NOT NULL,
      buyer_name TEXT NOT NULL,
      buyer_tin TEXT,
      buyer_id INTEGER REFERENCES buyers (id),
      original_id TEXT REFERENCES documents (id),
      sub_total TEXT,
      total_tax TEXT,
      total TEXT,
      wire_json TEXT,
      is_retry INTEGER NOT NULL DEFAULT 0,
      ambiguous INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER,
      lease_owner TEXT,
      lease_until INTEGER,
      request_id TEXT,
      submitted_at INTEGER,
      next_poll_at INTEGER,
      polls INTEGER NOT NULL DEFAULT 0,
      service_error TEXT,
      last_failure TEXT,
      qr_url TEXT,
      verification_code TEXT,
      fiscal_day INTEGER,
      device_id INTEGER,
      zimra_number INTEGER,
      pdf_token TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (profile_id, kind, number)
    ) STRICT;

    CREATE INDEX documents_outbox ON documents (state, next_attempt_at) WHERE state IN ('queued', 'sending');
    CREATE INDEX documents_polling ON documents (state, next_poll_at) WHERE state = 'submitted';
    CREATE INDEX documents_by_profile ON documents (profile_id, created_at);
    CREATE INDEX documents_by_original ON documents (original_id) WHERE original_id IS NOT NULL;

    CREATE TABLE document_lines (
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      description TEXT NOT NULL,
      quantity TEXT NOT NULL,
      unit_amount TEXT NOT NULL,
      discount_amount TEXT NOT NULL,
      tax_code TEXT NOT NULL,
      hs_code TEXT NOT NULL,
      line_amount TEXT,
      PRIMARY KEY (document_id, position)
    ) STRICT;

    CREATE TABLE document_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      from_state TEXT,
      to_state TEXT NOT NULL,
      note TEXT NOT NULL
    ) STRICT;
    CREATE INDEX document_events_by_document ON document_events (document_id, id);

    -- The log is append-only: an event is never changed; it goes only with its (draft) document.
    CREATE TRIGGER document_events_no_update BEFORE UPDATE ON document_events
    BEGIN SELECT RAISE(ABORT, 'document events are append-only'); END;
  `,
};
