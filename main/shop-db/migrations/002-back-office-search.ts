import type { ShopMigration } from './migration';

/** Accented letters folded to their base letter, as the journal's search does (FTS5 remove_diacritics). */
const FOLDS: [string, string][] = [
  ['àáâãäåāăą', 'a'],
  ['çćč', 'c'],
  ['ď', 'd'],
  ['èéêëēėęě', 'e'],
  ['ìíîïīį', 'i'],
  ['ł', 'l'],
  ['ñńň', 'n'],
  ['òóôõöøōő', 'o'],
  ['ŕř', 'r'],
  ['śšş', 's'],
  ['ť', 't'],
  ['ùúûüūůűų', 'u'],
  ['ýÿ', 'y'],
  ['źżž', 'z'],
];
const FOLD_FROM = FOLDS.map(([from]) => from).join('');
const FOLD_TO = FOLDS.map(([from, to]) => to.repeat([...from].length)).join('');

/** What ltrim strips before a seller number's digits (the journal's searchTerms: `INV-000042` is also found as `42`). */
const NUMBER_PREFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_/. ';

/**
 * The back office's search and lists over every till's documents (issue 19), the same way the
 * journal answers a till's own list (main/store/journal/history-query.ts):
 *
 * - `history_date`: the date the list sorts and filters by, the fiscal date as Fiscal Harmony
 *   wrote it (CAT) or, before there is one, when the document was made. Its first ten
 *   characters are the CAT day of the date filters.
 * - `search_terms`: the words a document is found by (seller number, also without its prefix and
 *   leading zeros; buyer name and TIN; amount; verification code, also without dashes; ZIMRA
 *   number with and without its fiscal day), lower case and unaccented, split as the journal's
 *   full-text index splits them (letters and digits, with `-`, `/` and `.` inside a word). Each
 *   word typed must start one of them: `'inv-00':*`, answered by a GIN index.
 * - an index for each sort and filter, for the shop, a branch and a till.
 * - per-till counts by kind, state and currency (and by day), and each document's search words
 *   one row each, kept by triggers in the same transaction as the tills' copies, so that "how
 *   many match" never counts a million rows, nor visits every match.
 *
 * The functions are immutable (generated columns need it): `AT TIME ZONE 'UTC'` and to_char
 * with these patterns depend on no setting. The search's are one expression of immutable parts
 * only (|| rather than concat_ws, which is stable), so PostgreSQL inlines them: otherwise each
 * runs as a query of its own for every row copied, five times slower. Nothing here needs an extension or a superuser: the
 * owner that ran the first migration runs this one.
 */
export const shopMigration002: ShopMigration = {
  version: 2,
  name: 'back-office-search',
  sql: `
    CREATE FUNCTION shop.history_date(issued_at text, created_at timestamptz) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(issued_at, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) $$;

    -- translate() is slow (a scan of the whole list per character): text all in ASCII skips it.
    CREATE FUNCTION shop.unaccented(words text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT CASE WHEN octet_length(words) = char_length(words) THEN words ELSE translate(words, '${FOLD_FROM}', '${FOLD_TO}') END $$;

    CREATE FUNCTION shop.search_words(words text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT array_remove(regexp_split_to_array(shop.unaccented(lower(coalesce(words, ''))), '[^[:alnum:]./-]+'), '') $$;

    CREATE FUNCTION shop.search_terms(number text, buyer_name text, buyer_tin text, total numeric, verification_code text, zimra_number integer, fiscal_day integer) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT array_to_tsvector(shop.search_words(
        coalesce(number, '') || ' ' ||
        coalesce(nullif(ltrim(ltrim(number, '${NUMBER_PREFIX}'), '0'), ''), '') || ' ' ||
        coalesce(buyer_name, '') || ' ' ||
        coalesce(buyer_tin, '') || ' ' ||
        coalesce(total::text, '') || ' ' ||
        coalesce(verification_code, '') || ' ' ||
        coalesce(replace(verification_code, '-', ''), '') || ' ' ||
        coalesce(zimra_number::text || '/' || coalesce(fiscal_day::text, ''), '') || ' ' ||
        coalesce(zimra_number::text, ''))) $$;

    -- The words typed, each the start of a word of search_terms (a word with a separator inside,
    -- like O'Brien, is its parts: each must start a word). Null when no word has a letter or digit.
    CREATE FUNCTION shop.search_query(words text[]) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT string_agg('''' || replace(replace(part, '\\', '\\\\'), '''', '''''') || ''':*', ' & ')::tsquery
            FROM unnest(words) AS word, unnest(shop.search_words(word)) AS part $$;

    ALTER TABLE shop.documents
      ADD COLUMN history_date text COLLATE "C" GENERATED ALWAYS AS (shop.history_date(issued_at, created_at)) STORED,
      ADD COLUMN search_terms tsvector GENERATED ALWAYS AS (shop.search_terms(number, buyer_name, buyer_tin, total, verification_code, zimra_number, fiscal_day)) STORED;

    -- The first schema's list indexes ordered by created_at; the lists order by history_date.
    DROP INDEX IF EXISTS shop.documents_newest;
    DROP INDEX IF EXISTS shop.documents_by_station;
    DROP INDEX IF EXISTS shop.documents_by_branch;
    DROP INDEX IF EXISTS shop.documents_attention;
    DROP INDEX IF EXISTS shop.documents_by_number;
    DROP INDEX IF EXISTS shop.documents_by_buyer;

    CREATE INDEX documents_history ON shop.documents (history_date, id);
    CREATE INDEX documents_station_history ON shop.documents (station_id, history_date, id);
    CREATE INDEX documents_branch_history ON shop.documents (branch, history_date, id);
    CREATE INDEX documents_state_history ON shop.documents (state, history_date);
    CREATE INDEX documents_currency_history ON shop.documents (currency, history_date);
    CREATE INDEX documents_kind_history ON shop.documents (kind, history_date);
    -- As the journal sorts (SQLite compares text byte by byte: collation "C", whatever the
    -- server's default): a document without a number or an amount comes last from the top.
    CREATE INDEX documents_number ON shop.documents ((number COLLATE "C") DESC NULLS LAST, id DESC);
    CREATE INDEX documents_total ON shop.documents (total DESC NULLS LAST, id DESC);
    -- A till's numbers share its prefix: one till's (or branch's) in number order would otherwise
    -- walk every other till's first.
    CREATE INDEX documents_station_number ON shop.documents (station_id, (number COLLATE "C") DESC NULLS LAST, id DESC);
    CREATE INDEX documents_branch_number ON shop.documents (branch, (number COLLATE "C") DESC NULLS LAST, id DESC);
    CREATE INDEX documents_station_total ON shop.documents (station_id, total DESC NULLS LAST, id DESC);
    CREATE INDEX documents_branch_total ON shop.documents (branch, total DESC NULLS LAST, id DESC);
    CREATE INDEX documents_search ON shop.documents USING gin (search_terms);

    CREATE TABLE shop.document_counts (
      station_id text NOT NULL,
      branch text NOT NULL,
      kind text NOT NULL,
      state text NOT NULL,
      currency text NOT NULL,
      documents bigint NOT NULL,
      PRIMARY KEY (station_id, branch, kind, state, currency)
    );
    CREATE TABLE shop.document_day_counts (
      day text NOT NULL,
      station_id text NOT NULL,
      branch text NOT NULL,
      kind text NOT NULL,
      state text NOT NULL,
      currency text NOT NULL,
      documents bigint NOT NULL,
      PRIMARY KEY (day, station_id, branch, kind, state, currency)
    );

    -- Adds a statement's changes to the counts, in key order (two copies of one till lock the
    -- same rows in the same order). Runs as the schema's owner: tills never write the counts.
    -- Every name is schema-qualified and pg_temp searched last, so no caller's object stands in.
    CREATE FUNCTION shop.add_to_counts(changes jsonb) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
      AS $$
        WITH delta AS (
          SELECT c.day, c.station_id, c.branch, c.kind, c.state, c.currency, sum(c.n)::bigint AS n
          FROM jsonb_to_recordset(changes) AS c(day text, station_id text, branch text, kind text, state text, currency text, n bigint)
          GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.n) <> 0
        ), by_day AS (
          INSERT INTO shop.document_day_counts AS t (day, station_id, branch, kind, state, currency, documents)
          SELECT day, station_id, branch, kind, state, currency, n FROM delta ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (day, station_id, branch, kind, state, currency) DO UPDATE SET documents = t.documents + excluded.documents
        )
        INSERT INTO shop.document_counts AS t (station_id, branch, kind, state, currency, documents)
        SELECT station_id, branch, kind, state, currency, sum(n) FROM delta GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (station_id, branch, kind, state, currency) DO UPDATE SET documents = t.documents + excluded.documents
      $$;
    REVOKE ALL ON FUNCTION shop.add_to_counts(jsonb) FROM PUBLIC;

    CREATE FUNCTION shop.count_documents() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
      AS $$
      DECLARE
        changes jsonb;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT jsonb_agg(jsonb_build_object('day', left(r.history_date, 10), 'station_id', r.station_id, 'branch', r.branch, 'kind', r.kind, 'state', r.state, 'currency', r.currency, 'n', 1))
            INTO changes FROM added r;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT jsonb_agg(c) INTO changes FROM (
            SELECT jsonb_build_object('day', left(r.history_date, 10), 'station_id', r.station_id, 'branch', r.branch, 'kind', r.kind, 'state', r.state, 'currency', r.currency, 'n', -1) AS c FROM before r
            UNION ALL
            SELECT jsonb_build_object('day', left(r.history_date, 10), 'station_id', r.station_id, 'branch', r.branch, 'kind', r.kind, 'state', r.state, 'currency', r.currency, 'n', 1) FROM after r
          ) AS both_sides;
        ELSE
          SELECT jsonb_agg(jsonb_build_object('day', left(r.history_date, 10), 'station_id', r.station_id, 'branch', r.branch, 'kind', r.kind, 'state', r.state, 'currency', r.currency, 'n', -1))
            INTO changes FROM removed r;
        END IF;
        IF changes IS NOT NULL THEN PERFORM shop.add_to_counts(changes); END IF;
        RETURN NULL;
      END $$;
    REVOKE ALL ON FUNCTION shop.count_documents() FROM PUBLIC;

    CREATE TRIGGER documents_counted_insert AFTER INSERT ON shop.documents REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION shop.count_documents();
    CREATE TRIGGER documents_counted_update AFTER UPDATE ON shop.documents REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION shop.count_documents();
    CREATE TRIGGER documents_counted_delete AFTER DELETE ON shop.documents REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION shop.count_documents();

    -- Each document's search words, one row each, so that "how many documents have a word
    -- starting so" (in a scope and between two days) is counted from one index alone: a GIN
    -- index has to visit the page of every match (a surname among a million documents: 37,000
    -- pages). Kept by a trigger like the counts.
    CREATE TABLE shop.document_words (
      word text COLLATE "C" NOT NULL,
      document_id uuid NOT NULL,
      station_id text NOT NULL,
      branch text NOT NULL,
      history_date text COLLATE "C" NOT NULL
    );
    CREATE UNIQUE INDEX document_words_lookup ON shop.document_words (word, document_id) INCLUDE (station_id, branch, history_date);

    -- Each statement names only the transition tables its trigger has (a query naming another
    -- would fail when planned).
    CREATE FUNCTION shop.index_words() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
      AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO shop.document_words (word, document_id, station_id, branch, history_date)
            SELECT word, r.id, r.station_id, r.branch, r.history_date FROM after r, unnest(tsvector_to_array(r.search_terms)) AS word
            ON CONFLICT DO NOTHING;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM shop.document_words w
            USING (SELECT r.id, unnest(tsvector_to_array(r.search_terms)) AS word FROM before r) AS gone
            WHERE w.word = gone.word AND w.document_id = gone.id;
        ELSE
          -- Most copies change a document's state, not its words: only the others are written.
          -- (No temporary table: in a function that runs as the owner, a caller's own temporary
          -- table of that name would be written instead.)
          DELETE FROM shop.document_words w
            USING (SELECT b.id, unnest(tsvector_to_array(b.search_terms)) AS word FROM before b JOIN after a ON a.id = b.id
                   WHERE a.search_terms IS DISTINCT FROM b.search_terms OR a.station_id IS DISTINCT FROM b.station_id OR a.branch IS DISTINCT FROM b.branch OR a.history_date IS DISTINCT FROM b.history_date) AS gone
            WHERE w.word = gone.word AND w.document_id = gone.id;
          INSERT INTO shop.document_words (word, document_id, station_id, branch, history_date)
            SELECT word, a.id, a.station_id, a.branch, a.history_date FROM after a JOIN before b ON b.id = a.id, unnest(tsvector_to_array(a.search_terms)) AS word
            WHERE a.search_terms IS DISTINCT FROM b.search_terms OR a.station_id IS DISTINCT FROM b.station_id OR a.branch IS DISTINCT FROM b.branch OR a.history_date IS DISTINCT FROM b.history_date
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$;
    REVOKE ALL ON FUNCTION shop.index_words() FROM PUBLIC;
    CREATE TRIGGER documents_words_insert AFTER INSERT ON shop.documents REFERENCING NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION shop.index_words();
    CREATE TRIGGER documents_words_update AFTER UPDATE ON shop.documents REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION shop.index_words();
    CREATE TRIGGER documents_words_delete AFTER DELETE ON shop.documents REFERENCING OLD TABLE AS before FOR EACH STATEMENT EXECUTE FUNCTION shop.index_words();
    INSERT INTO shop.document_words (word, document_id, station_id, branch, history_date)
      SELECT word, d.id, d.station_id, d.branch, d.history_date FROM shop.documents d, unnest(tsvector_to_array(d.search_terms)) AS word;

    INSERT INTO shop.document_day_counts (day, station_id, branch, kind, state, currency, documents)
      SELECT left(history_date, 10), station_id, branch, kind, state, currency, count(*) FROM shop.documents GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO shop.document_counts (station_id, branch, kind, state, currency, documents)
      SELECT station_id, branch, kind, state, currency, count(*) FROM shop.documents GROUP BY 1, 2, 3, 4, 5;

    REVOKE ALL ON shop.document_counts, shop.document_day_counts, shop.document_words FROM PUBLIC;
    GRANT SELECT ON shop.document_counts, shop.document_day_counts, shop.document_words TO fiscal_desk_office;
  `,
};
