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
 * - per-till counts by kind, state and currency (and by day), kept by triggers in the same
 *   transaction as the tills' copies, so that "how many match" never counts a million rows.
 *
 * The functions are immutable (generated columns need it): `AT TIME ZONE 'UTC'` and to_char
 * with these patterns depend on no setting. Nothing here needs an extension or a superuser: the
 * owner that ran the first migration runs this one.
 */
export const shopMigration002: ShopMigration = {
  version: 2,
  name: 'back-office-search',
  sql: `
    CREATE FUNCTION shop.history_date(issued_at text, created_at timestamptz) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(issued_at, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) $$;

    CREATE FUNCTION shop.search_words(words text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(word), '{}') FROM regexp_split_to_table(translate(lower(words), '${FOLD_FROM}', '${FOLD_TO}'), '[^[:alnum:]./-]+') AS word WHERE word <> '' $$;

    CREATE FUNCTION shop.search_terms(number text, buyer_name text, buyer_tin text, total numeric, verification_code text, zimra_number integer, fiscal_day integer) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT array_to_tsvector(shop.search_words(concat_ws(' ',
        number,
        nullif(ltrim(ltrim(number, '${NUMBER_PREFIX}'), '0'), ''),
        buyer_name,
        buyer_tin,
        total::text,
        verification_code,
        replace(verification_code, '-', ''),
        CASE WHEN zimra_number IS NOT NULL THEN zimra_number::text || '/' || coalesce(fiscal_day::text, '') END,
        zimra_number::text))) $$;

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
    DROP INDEX shop.documents_newest;
    DROP INDEX shop.documents_by_station;
    DROP INDEX shop.documents_by_branch;
    DROP INDEX shop.documents_attention;
    DROP INDEX shop.documents_by_number;
    DROP INDEX shop.documents_by_buyer;

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
    CREATE FUNCTION shop.add_to_counts(changes jsonb) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog
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
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
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

    INSERT INTO shop.document_day_counts (day, station_id, branch, kind, state, currency, documents)
      SELECT left(history_date, 10), station_id, branch, kind, state, currency, count(*) FROM shop.documents GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO shop.document_counts (station_id, branch, kind, state, currency, documents)
      SELECT station_id, branch, kind, state, currency, count(*) FROM shop.documents GROUP BY 1, 2, 3, 4, 5;

    REVOKE ALL ON shop.document_counts, shop.document_day_counts FROM PUBLIC;
    GRANT SELECT ON shop.document_counts, shop.document_day_counts TO fiscal_desk_office;
  `,
};
