import type { ShopMigration } from './migration';

/**
 * The shop database's first schema, in its own `shop` schema: every till (its station id, branch
 * and last replication), the documents each till copied (keyed by document UUID) with their
 * lines, the buyers of its register, every journal event (keyed by station, journal identity and
 * the event's sequence in that journal) and each till's replication cursor.
 *
 * Rights (docs/shop-database.md): members of `fiscal_desk_till` insert and update only rows of
 * the station their login role claimed in `shop.tills` (row-level security, so the database
 * itself refuses another station's rows); members of `fiscal_desk_office` read everything.
 * Amounts are `numeric` (copied digit for digit from the journal's decimal strings); `issued_at`
 * stays the fiscal date as Fiscal Harmony wrote it.
 */
export const shopMigration001: ShopMigration = {
  version: 1,
  name: 'tills-documents-events',
  sql: `
    -- The two group roles the policies name; made here when the one migrating may (an IT person
    -- may also have made them beforehand, docs/shop-database.md). Roles belong to the whole
    -- server, so another database of it may have made them already.
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fiscal_desk_till') THEN CREATE ROLE fiscal_desk_till NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fiscal_desk_office') THEN CREATE ROLE fiscal_desk_office NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

    CREATE SCHEMA IF NOT EXISTS shop;

    -- One row per till. A till's login role claims its station on its first copy (role_name is
    -- unique: one login role is one till); every other table's policy follows this claim.
    CREATE TABLE shop.tills (
      station_id text PRIMARY KEY,
      role_name name NOT NULL UNIQUE DEFAULT current_user,
      branch text NOT NULL DEFAULT '',
      label text NOT NULL DEFAULT '',
      app_version text NOT NULL DEFAULT '',
      journal_id text,
      last_event_seq bigint NOT NULL DEFAULT 0,
      last_replicated_at timestamptz,
      events_waiting bigint NOT NULL DEFAULT 0,
      outbox_backlog integer NOT NULL DEFAULT 0,
      needs_attention integer NOT NULL DEFAULT 0,
      registered_at timestamptz NOT NULL DEFAULT now()
    );

    -- Where each till's copy stands in each of its journals (a journal replaced after damage has
    -- another identity and starts again from its first event). Advanced in the same transaction
    -- as the rows it covers, so a crash on either side never skips or repeats an event.
    CREATE TABLE shop.replication_cursors (
      station_id text NOT NULL REFERENCES shop.tills (station_id),
      journal_id text NOT NULL,
      last_event_seq bigint NOT NULL CHECK (last_event_seq >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (station_id, journal_id)
    );

    CREATE TABLE shop.buyers (
      station_id text NOT NULL REFERENCES shop.tills (station_id),
      local_id bigint NOT NULL,
      profile_id text NOT NULL,
      name text NOT NULL,
      trade_name text NOT NULL,
      tin text NOT NULL,
      vat_number text NOT NULL,
      phone text NOT NULL,
      email text NOT NULL,
      address jsonb NOT NULL,
      last_used_at timestamptz NOT NULL,
      PRIMARY KEY (station_id, local_id)
    );

    CREATE TABLE shop.documents (
      id uuid PRIMARY KEY,
      station_id text NOT NULL REFERENCES shop.tills (station_id),
      branch text NOT NULL,
      profile_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
      state text NOT NULL CHECK (state IN ('draft', 'queued', 'sending', 'submitted', 'fiscalised', 'needs-fix', 'rejected', 'needs-attention')),
      number text,
      issued_at text,
      currency text NOT NULL,
      buyer_name text NOT NULL,
      buyer_tin text,
      buyer_local_id bigint,
      original_id uuid,
      sub_total numeric,
      total_tax numeric,
      total numeric,
      service_error text,
      last_failure text,
      qr_url text,
      verification_code text,
      fiscal_day integer,
      device_id integer,
      zimra_number integer,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      copied_at timestamptz NOT NULL DEFAULT now()
    );
    -- The back office's lists: newest first for the shop, a branch or a till; what needs
    -- attention across the shop; a number or a buyer looked up; an invoice's credit notes.
    CREATE INDEX documents_newest ON shop.documents (created_at DESC, id);
    CREATE INDEX documents_by_station ON shop.documents (station_id, created_at DESC);
    CREATE INDEX documents_by_branch ON shop.documents (branch, created_at DESC);
    CREATE INDEX documents_attention ON shop.documents (state, created_at DESC) WHERE state IN ('needs-fix', 'rejected', 'needs-attention');
    CREATE INDEX documents_by_number ON shop.documents (number) WHERE number IS NOT NULL;
    CREATE INDEX documents_by_buyer ON shop.documents (lower(buyer_name) text_pattern_ops);
    CREATE INDEX documents_by_original ON shop.documents (original_id) WHERE original_id IS NOT NULL;

    CREATE TABLE shop.document_lines (
      document_id uuid NOT NULL REFERENCES shop.documents (id) ON DELETE CASCADE,
      position integer NOT NULL,
      station_id text NOT NULL REFERENCES shop.tills (station_id),
      description text NOT NULL,
      quantity numeric,
      unit_amount numeric,
      discount_amount numeric NOT NULL DEFAULT 0,
      tax_code text NOT NULL,
      hs_code text NOT NULL,
      line_amount numeric,
      PRIMARY KEY (document_id, position)
    );

    -- The journal's event log, append-only here too: tills insert events, never change them.
    CREATE TABLE shop.document_events (
      station_id text NOT NULL REFERENCES shop.tills (station_id),
      journal_id text NOT NULL,
      event_seq bigint NOT NULL,
      document_id uuid NOT NULL REFERENCES shop.documents (id),
      at timestamptz NOT NULL,
      from_state text,
      to_state text NOT NULL,
      note text NOT NULL,
      PRIMARY KEY (station_id, journal_id, event_seq)
    );
    CREATE INDEX document_events_by_document ON shop.document_events (document_id, at);

    -- Least privilege: nothing for anyone by default, then exactly what each role needs.
    REVOKE ALL ON ALL TABLES IN SCHEMA shop FROM PUBLIC;
    GRANT USAGE ON SCHEMA shop TO fiscal_desk_till, fiscal_desk_office;
    GRANT SELECT ON shop.schema_version TO fiscal_desk_till, fiscal_desk_office;
    GRANT SELECT, INSERT, UPDATE ON shop.tills, shop.replication_cursors, shop.buyers, shop.documents TO fiscal_desk_till;
    GRANT SELECT, INSERT, UPDATE, DELETE ON shop.document_lines TO fiscal_desk_till;
    GRANT SELECT, INSERT ON shop.document_events TO fiscal_desk_till;
    GRANT SELECT ON ALL TABLES IN SCHEMA shop TO fiscal_desk_office;

    ALTER TABLE shop.tills ENABLE ROW LEVEL SECURITY;
    ALTER TABLE shop.replication_cursors ENABLE ROW LEVEL SECURITY;
    ALTER TABLE shop.buyers ENABLE ROW LEVEL SECURITY;
    ALTER TABLE shop.documents ENABLE ROW LEVEL SECURITY;
    ALTER TABLE shop.document_lines ENABLE ROW LEVEL SECURITY;
    ALTER TABLE shop.document_events ENABLE ROW LEVEL SECURITY;

    -- A till sees and writes only the row its login role claimed (and cannot hand it to another role).
    CREATE POLICY till_own_row ON shop.tills FOR ALL TO fiscal_desk_till
      USING (role_name = current_user) WITH CHECK (role_name = current_user);
    CREATE POLICY till_own_station ON shop.replication_cursors FOR ALL TO fiscal_desk_till
      USING (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user))
      WITH CHECK (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user));
    CREATE POLICY till_own_station ON shop.buyers FOR ALL TO fiscal_desk_till
      USING (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user))
      WITH CHECK (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user));
    CREATE POLICY till_own_station ON shop.documents FOR ALL TO fiscal_desk_till
      USING (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user))
      WITH CHECK (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user));
    CREATE POLICY till_own_station ON shop.document_lines FOR ALL TO fiscal_desk_till
      USING (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user))
      WITH CHECK (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user));
    CREATE POLICY till_own_station ON shop.document_events FOR ALL TO fiscal_desk_till
      USING (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user))
      WITH CHECK (station_id = (SELECT t.station_id FROM shop.tills t WHERE t.role_name = current_user));

    -- The back office reads every till's rows.
    CREATE POLICY office_reads_all ON shop.tills FOR SELECT TO fiscal_desk_office USING (true);
    CREATE POLICY office_reads_all ON shop.replication_cursors FOR SELECT TO fiscal_desk_office USING (true);
    CREATE POLICY office_reads_all ON shop.buyers FOR SELECT TO fiscal_desk_office USING (true);
    CREATE POLICY office_reads_all ON shop.documents FOR SELECT TO fiscal_desk_office USING (true);
    CREATE POLICY office_reads_all ON shop.document_lines FOR SELECT TO fiscal_desk_office USING (true);
    CREATE POLICY office_reads_all ON shop.document_events FOR SELECT TO fiscal_desk_office USING (true);
  `,
};
