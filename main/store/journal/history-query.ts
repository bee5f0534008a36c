import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { DocumentPage, DocumentSummary, ListDocumentsQuery } from '../../../shared/contract/documents';
import { datesQuery, profileDays } from './history-dates';

/**
 * The history's filters as SQL over `document_history` (migration 002), shared by the page query,
 * the export and the counts. Every condition has an index behind it; the search goes through the
 * full-text index, keyed by `hid`.
 */
export type HistoryFilter = Omit<ListDocumentsQuery, 'sort' | 'offset' | 'limit'>;

/** The summary's columns only: never the drafts' and wire bodies. */
export const SUMMARY_COLUMNS =
  'id, profile_id, kind, state, number, issued_at, buyer_name, buyer_tin, currency, total, verification_code, zimra_number, fiscal_day, service_error, created_at, updated_at';

export interface SummaryRow {
  id: string;
  profile_id: string;
  kind: DocumentSummary['kind'];
  state: DocumentSummary['state'];
  number: string | null;
  issued_at: string | null;
  buyer_name: string;
  buyer_tin: string | null;
  currency: string;
  total: string | null;
  verification_code: string | null;
  zimra_number: number | null;
  fiscal_day: number | null;
  service_error: string | null;
  created_at: string;
  updated_at: string;
}

export function summaryOf(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    profileId: row.profile_id,
    kind: row.kind,
    state: row.state,
    number: row.number,
    date: row.issued_at,
    buyerName: row.buyer_name,
    buyerTin: row.buyer_tin,
    currency: row.currency,
    total: row.total,
    verificationCode: row.verification_code,
    zimraNumber: row.zimra_number === null || row.fiscal_day === null ? null : `${row.zimra_number}/${row.fiscal_day}`,
    serviceError: row.service_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const MAX_TERMS = 8;

/** Prefix lengths the full-text index keeps ready (migration 006: prefix = '1 2 3'). */
const READY_PREFIXES = new Set([1, 2, 3]);
/** A prefix that stands for more indexed words than this is matched as a whole word instead. */
const MAX_PREFIX_WORDS = 200;

/** Whether `term` is the start of more than MAX_PREFIX_WORDS indexed words (the term dictionary alone: fast). */
export type BroadPrefix = (term: string) => boolean;

/**
 * The manager's words as an FTS5 query: every word must match the start of an indexed word
 * (`inv-00` finds INV-000042). Each word is quoted, so no input is FTS syntax; `12,50` reads as
 * 12.50. A prefix the index does not keep ready and that stands for a great many words (`INV-0`
 * starts every number) would take seconds to expand: it matches as a whole word until typing
 * narrows it.
 */
export function ftsQuery(search: string, broad: BroadPrefix = () => false, expand: PrefixWords = () => null): string | null {
  return formatWords(ftsWords(search, broad, expand));
}

/**
 * The few indexed words a prefix the index does not keep ready stands for (null: too many to
 * list). FTS5 expands such a prefix by reading every document of each of its words into memory
 * (11 ms for a surname at a million documents); the same words asked for by name are read as
 * they are needed (4 ms).
 */
export type PrefixWords = (term: string) => readonly string[] | null;

/** At most this many words are asked for by name instead of by their prefix. */
const MAX_NAMED_WORDS = 16;

type FtsWord = { term: string; prefix: boolean; named?: readonly string[] };

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

const formatWord = (word: FtsWord): string => {
  if (word.named !== undefined && word.named.length > 0) return word.named.length === 1 ? quoted(word.named[0]!) : `(${word.named.map(quoted).join(' OR ')})`;
  return `${quoted(word.term)}${word.prefix ? '*' : ''}`;
};

const formatWords = (words: readonly FtsWord[]): string | null => (words.length === 0 ? null : words.map(formatWord).join(' AND '));

function ftsWords(search: string, broad: BroadPrefix, expand: PrefixWords = () => null): FtsWord[] {
  return search
    .toLowerCase()
    .split(/\s+/)
    .map((term) => (/^\d+,\d*$/.test(term) ? term.replace(',', '.') : term))
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS)
    .map((term) => {
      const oneWord = /^[\p{L}\p{N}\-/.]+$/u.test(term);
      const ready = READY_PREFIXES.has([...term].length);
      if (!oneWord || ready) return { term, prefix: true };
      if (broad(term)) return { term, prefix: false };
      // Plain letters and digits are indexed as typed (lower case): the dictionary's words are exactly what the prefix stands for.
      const named = /^[a-z0-9\-/.]+$/.test(term) ? expand(term) : null;
      return named === null ? { term, prefix: true } : { term, prefix: false, named };
    });
}

const isReady = (word: FtsWord) => !word.prefix || READY_PREFIXES.has([...word.term].length);

/** A word the index's days and months (`d20261127`, `m202611`) could match: then the words are kept to their own column. */
const mayMatchDates = (word: FtsWord) => /^[dm]\d*$/.test(word.term) || (word.named ?? []).some((named) => /^[dm]\d/.test(named));

/** Above every character: `term` up to this bound holds exactly the words starting with `term`. */
const LAST_CHARACTER = '\u{10FFFF}';

/**
 * Asks the index's term dictionary (a temporary fts5vocab table of this connection) for at most
 * MAX_PREFIX_WORDS + 1 of the words that start with `term`. Both bounds matter: the dictionary
 * counts every document of each word it lists, and the words after a name are other names with
 * tens of thousands of documents each (30 ms a name without the upper bound, under 1 ms with it).
 */
function prefixWords(db: DatabaseSync): { broad: BroadPrefix; expand: PrefixWords } {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_fts_words USING fts5vocab(main, documents_fts, 'row')");
  const words = db.prepare('SELECT term FROM temp.documents_fts_words WHERE term >= ? AND term <= ? LIMIT ?');
  const found = new Map<string, string[]>();
  const lookUp = (term: string) => {
    let list = found.get(term);
    if (list === undefined) {
      list = (words.all(term, term + LAST_CHARACTER, MAX_PREFIX_WORDS + 1) as { term: string }[]).map((row) => row.term);
      found.set(term, list);
    }
    return list;
  };
  return {
    broad: (term) => lookUp(term).length > MAX_PREFIX_WORDS,
    expand: (term) => {
      const list = lookUp(term);
      return list.length <= MAX_NAMED_WORDS ? list : null;
    },
  };
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The day after `YYYY-MM-DD`, for an exclusive upper bound on the history date. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const SEARCH_CONDITION = 'hid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)';

interface Conditions {
  sql: string;
  params: SQLInputValue[];
  search: string | null;
  /** The full-text query also holds the date range (history-dates.ts): its matches are within it. */
  dated: boolean;
  /** Every search word is whole or a prefix the index keeps ready: looking up one row is cheap. */
  readyWords: boolean;
  /** The filters without the search. */
  filterSql: string;
  filterParams: SQLInputValue[];
}

/**
 * The filters other than the search, as SQL over a table keyed like `document_history`; each
 * table keeps its dates its own way, so the caller says how a day bound reads there.
 */
function filterParts(
  profileId: string,
  filter: HistoryFilter,
  dates: { from: (day: string) => [string, SQLInputValue]; to: (day: string) => [string, SQLInputValue] },
): { parts: string[]; params: SQLInputValue[] } {
  const parts = ['profile_id = ?'];
  const params: SQLInputValue[] = [profileId];
  if (filter.kinds.length > 0) {
    parts.push(`kind IN (${placeholders(filter.kinds)})`);
    params.push(...filter.kinds);
  }
  if (filter.states.length > 0) {
    parts.push(`state IN (${placeholders(filter.states)})`);
    params.push(...filter.states);
  }
  if (filter.currency !== '') {
    parts.push('currency = ?');
    params.push(filter.currency);
  }
  for (const [day, bound] of [[filter.dateFrom, dates.from], [filter.dateTo, dates.to]] as const) {
    if (day === null) continue;
    const [sql, value] = bound(day);
    parts.push(sql);
    params.push(value);
  }
  return { parts, params };
}

function conditions(db: DatabaseSync, profileId: string, filter: HistoryFilter): Conditions {
  const { parts, params } = filterParts(profileId, filter, { from: (day) => ['date >= ?', day], to: (day) => ['date < ?', nextDay(day)] });
  const vocabulary = prefixWords(db);
  const words = ftsWords(filter.search, vocabulary.broad, vocabulary.expand);
  const wordsQuery = formatWords(words);
  const dates = wordsQuery === null ? null : datesOf(db, profileId, filter);
  // A column filter makes FTS5 read every match's positions: only where a word could be a date.
  const ownColumn = wordsQuery !== null && words.some(mayMatchDates) ? `{terms} : (${wordsQuery})` : wordsQuery;
  const search = ownColumn === null ? null : `${ownColumn}${dates === null ? '' : ` AND ${dates}`}`;
  const filterSql = parts.join(' AND ');
  const filterParams = [...params];
  if (search !== null) {
    parts.push(SEARCH_CONDITION);
    params.push(search);
  }
  return { sql: parts.join(' AND '), params, search, dated: dates !== null, readyWords: words.every(isReady), filterSql, filterParams };
}

/** The filter's day range as a full-text condition, a side left open reaching the profile's first or last day. */
function datesOf(db: DatabaseSync, profileId: string, filter: HistoryFilter): string | null {
  if (filter.dateFrom === null && filter.dateTo === null) return null;
  const days = filter.dateFrom === null || filter.dateTo === null ? profileDays(db, profileId) : null;
  const from = filter.dateFrom ?? days?.first;
  const to = filter.dateTo ?? days?.last;
  return from === undefined || to === undefined ? null : datesQuery(from, to);
}

const ORDER: Record<ListDocumentsQuery['sort'], string> = {
  newest: 'date DESC, hid DESC',
  oldest: 'date ASC, hid ASC',
  number: 'number DESC, hid DESC',
  'total-desc': 'total_sort DESC, hid DESC',
  'total-asc': 'total_sort ASC, hid ASC',
};

/** From the per-day counts: how many of the profile's documents pass the filters other than the search. */
function countFiltered(db: DatabaseSync, profileId: string, filter: HistoryFilter): number {
  const { parts, params } = filterParts(profileId, filter, { from: (day) => ['day >= ?', day], to: (day) => ['day <= ?', day] });
  const row = db.prepare(`SELECT coalesce(sum(documents), 0) AS n FROM document_day_counts WHERE ${parts.join(' AND ')}`).get(...params) as { n: number };
  return row.n;
}

/** How many documents of every profile the search words match, counting at most `limit` (-1: all). The full-text index alone. */
function countMatches(db: DatabaseSync, search: string, limit = -1): number {
  return (db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)').get(search, limit) as { n: number }).n;
}

/**
 * A search the list is not asked to count to the end: past this many matches it says "more than
 * 10,000", which is all a manager needs to type on. Counting the 800,000 matches of one letter at
 * a million documents took 100 ms a keystroke; counting to the cap takes about 1 ms.
 */
export const MATCHES_COUNTED = 10_000;

/** Every other profile's documents, from the per-day counts. */
function otherProfiles(db: DatabaseSync, profileId: string): { profile: string; n: number }[] {
  return db.prepare('SELECT profile_id AS profile, sum(documents) AS n FROM document_day_counts WHERE profile_id <> ? GROUP BY profile_id').all(profileId) as { profile: string; n: number }[];
}

const onlyProfile = (filter: HistoryFilter) => filter.kinds.length === 0 && filter.states.length === 0 && filter.currency === '' && filter.dateFrom === null && filter.dateTo === null;

/** Besides the profile, only what the full-text query itself holds narrows the search (the words, and the dates when dated). */
const onlyProfileAndIndex = (filter: HistoryFilter, where: Conditions) =>
  filter.kinds.length === 0 && filter.states.length === 0 && filter.currency === '' && (where.dated || (filter.dateFrom === null && filter.dateTo === null));

/**
 * Looking a row up by its id costs about this many entries walked in an index (measured at a
 * million documents): the plans below weigh rows to test by it.
 */
const LOOKUP_COST = 20;

type HistoryIndex = 'document_history_date' | 'document_history_state' | 'document_history_currency' | 'document_history_kind' | 'document_history_number' | 'document_history_total';

/** The index that narrows these filters most, for plans that walk the filters and test the search. */
function filterIndex(filter: HistoryFilter): HistoryIndex {
  if (filter.states.length > 0) return 'document_history_state';
  if (filter.dateFrom !== null || filter.dateTo !== null) return 'document_history_date';
  if (filter.currency !== '') return 'document_history_currency';
  if (filter.kinds.length > 0) return 'document_history_kind';
  return 'document_history_date';
}

/** What walking one entry of `index` costs with these filters: 1 when the index holds every filtered column, else a lookup. */
function entryCost(filter: HistoryFilter, index: HistoryIndex): number {
  const hasDate = index === 'document_history_date' || index === 'document_history_state' || index === 'document_history_currency' || index === 'document_history_kind';
  const covered =
    (filter.states.length === 0 || index === 'document_history_state') &&
    (filter.currency === '' || index === 'document_history_currency') &&
    (filter.kinds.length === 0 || index === 'document_history_kind') &&
    ((filter.dateFrom === null && filter.dateTo === null) || hasDate);
  return covered ? 1 : LOOKUP_COST;
}

/**
 * How many documents match. Without a search: the per-day counts. With one, the cheapest of
 * three exact ways: test each full-text match against the filters (a lookup each); walk the
 * filtered rows in an index and test each against the search; or, when only the profile narrows
 * it, subtract the other profiles' matches from the full-text count.
 */
export function countHistory(db: DatabaseSync, profileId: string, filter: HistoryFilter): number {
  return measure(db, profileId, filter, conditions(db, profileId, filter), { exact: true }).total;
}

interface Measures {
  /** How many match; with `capped`, MATCHES_COUNTED and more match. */
  total: number;
  capped: boolean;
  /** Full-text matches over every profile (null without a search, or when capped). */
  matches: number | null;
  /** The profile's documents that pass the filters other than the search. */
  filtered: number;
}

function measure(db: DatabaseSync, profileId: string, filter: HistoryFilter, where: Conditions, { exact }: { exact: boolean }): Measures {
  const filtered = countFiltered(db, profileId, filter);
  if (where.search === null) return { total: filtered, capped: false, matches: null, filtered };
  if (filtered === 0) return { total: 0, capped: false, matches: 0, filtered };
  const others = onlyProfileAndIndex(filter, where) ? otherProfiles(db, profileId) : null;
  let matches: number;
  if (others !== null && !exact) {
    // Counted past the other profiles' documents and the cap together: more than the cap are this profile's.
    const limit = MATCHES_COUNTED + others.reduce((total, other) => total + other.n, 0) + 1;
    matches = countMatches(db, where.search, limit);
    if (matches === limit) return { total: MATCHES_COUNTED, capped: true, matches: null, filtered };
  } else {
    matches = countMatches(db, where.search);
  }
  return { total: matches === 0 ? 0 : countSearched(db, profileId, filter, where, matches, filtered, others), capped: false, matches, filtered };
}

function countSearched(db: DatabaseSync, profileId: string, filter: HistoryFilter, where: Conditions, matches: number, filtered: number, others: { profile: string; n: number }[] | null): number {
  const lookups = matches * LOOKUP_COST;
  const index = filterIndex(filter);
  const walk = filtered * entryCost(filter, index);
  const subtract = others === null ? Infinity : others.reduce((total, other) => total + other.n, 0);
  if (others !== null && subtract <= lookups && subtract <= walk) {
    const inOther = db.prepare('SELECT count(*) AS n FROM document_history INDEXED BY document_history_date WHERE profile_id = ? AND hid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
    return others.reduce((total, other) => total - (inOther.get(other.profile, where.search!) as { n: number }).n, matches);
  }
  const plan = walk < lookups ? ` INDEXED BY ${index}` : '';
  return (db.prepare(`SELECT count(*) AS n FROM document_history${plan} WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

const SORT_INDEX: Record<ListDocumentsQuery['sort'], HistoryIndex> = {
  newest: 'document_history_date',
  oldest: 'document_history_date',
  number: 'document_history_number',
  'total-desc': 'document_history_total',
  'total-asc': 'document_history_total',
};

/**
 * One page of the history, filtered, searched and sorted in SQLite. With a search, the cheapest
 * of: look up each full-text match and sort them (a selective search); walk the filtered rows
 * and sort those that match (selective filters); or walk the sort's order and stop at the page
 * (a broad search, where most rows in that order soon match).
 */
export function searchHistory(db: DatabaseSync, profileId: string, query: ListDocumentsQuery): DocumentPage {
  const where = conditions(db, profileId, query);
  const few = where.search === null ? null : fewMatches(db, where.search);
  if (few !== null) return pageOfFew(db, query, where, few);
  const { total, capped, matches, filtered } = measure(db, profileId, query, where, { exact: false });
  // Past the count there is no row to look for (and looking could walk the profile).
  if (query.offset >= total) return { items: [], total, offset: query.offset, ...(capped ? { capped } : {}) };
  if (capped) return { items: broadPage(db, query, where).map(summaryOf), total, offset: query.offset, capped };
  let plan = '';
  if (matches !== null && total > 0) {
    const profileRows = onlyProfile(query) ? filtered : countFiltered(db, profileId, { ...query, kinds: [], states: [], currency: '', dateFrom: null, dateTo: null });
    const sortIndex = SORT_INDEX[query.sort];
    const costs: [string, number][] = [
      ['', matches * LOOKUP_COST],
      [filterIndex(query), filtered * entryCost(query, filterIndex(query))],
      [sortIndex, Math.min(profileRows, ((query.offset + query.limit) * profileRows) / total) * entryCost(query, sortIndex)],
    ];
    const [index] = costs.reduce((best, next) => (next[1] < best[1] ? next : best));
    plan = index === '' ? '' : ` INDEXED BY ${index}`;
    // Most of the profile matches and the index keeps every word ready: asking the index about
    // the few rows walked is cheaper than listing its (hundreds of thousands of) matches first.
    if (index === sortIndex && total * 2 > profileRows && where.readyWords) {
      where.sql = where.sql.replace(SEARCH_CONDITION, 'EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? AND rowid = document_history.hid)');
    }
  }
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM document_history${plan} WHERE ${where.sql} ORDER BY ${ORDER[query.sort]} LIMIT ? OFFSET ?`)
    .all(...where.params, query.limit, query.offset) as unknown as SummaryRow[];
  return { items: rows.map(summaryOf), total, offset: query.offset };
}

/**
 * A search with at most this many full-text matches (of every profile) reads their ids once and
 * answers the count and the page from those rows alone: FTS5 evaluates the words once, not once
 * to count and again to page, and the per-day counts are not summed.
 */
const FEW_MATCHES = 1_500;

/** The ids of the search's matches as a JSON array, or null when there are more than FEW_MATCHES. */
function fewMatches(db: DatabaseSync, search: string): string | null {
  const ids = db.prepare('SELECT rowid AS hid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?').all(search, FEW_MATCHES + 1) as { hid: number }[];
  return ids.length > FEW_MATCHES ? null : JSON.stringify(ids.map((row) => row.hid));
}

function pageOfFew(db: DatabaseSync, query: ListDocumentsQuery, where: Conditions, ids: string): DocumentPage {
  // Looked up by id (NOT INDEXED: never a walk of the profile in an index), then sorted.
  const inFew = `FROM document_history NOT INDEXED WHERE ${where.filterSql} AND hid IN (SELECT value FROM json_each(?))`;
  const total = (db.prepare(`SELECT count(*) AS n ${inFew}`).get(...where.filterParams, ids) as { n: number }).n;
  if (query.offset >= total) return { items: [], total, offset: query.offset };
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} ${inFew} ORDER BY ${ORDER[query.sort]} LIMIT ? OFFSET ?`).all(...where.filterParams, ids, query.limit, query.offset) as unknown as SummaryRow[];
  return { items: rows.map(summaryOf), total, offset: query.offset };
}

/** Rows walked in the sort's order at a time. */
const BROAD_CHUNK = 500;
/** A row this far (in ids) past the matches read so far is asked about on its own instead. */
const FAR_ROWS = 5000;

/** Which way the document ids run in a sort's order (ids are given as documents are written). */
const ID_ORDER: Record<ListDocumentsQuery['sort'], 'DESC' | 'ASC' | null> = {
  newest: 'DESC',
  oldest: 'ASC',
  number: 'DESC',
  'total-desc': null,
  'total-asc': null,
};

/** After this many rows asked about on their own, every match is read instead (about 0.6 µs a match). */
const MAX_SINGLE_ROWS = 200;

/**
 * Whether each row, asked in the sort's order, matches the search: the full-text index's matches
 * are read lazily in id order alongside (FTS5 hands them out in order without reading them all;
 * asking it about one row re-opens the whole list of a one-letter prefix, about 0.3 ms). A row
 * far ahead of that reading (a document dated out of its writing order, or a sort by amount) is
 * asked about on its own, until so many have been that reading every match costs less. Ids are
 * bound as BigInt: FTS5 ignores a rowid bound as a float and answers every match.
 */
function matcher(db: DatabaseSync, search: string, order: 'DESC' | 'ASC' | null): { matches: (hid: number) => boolean; done: () => void } {
  const one = db.prepare('SELECT 1 AS hit FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?');
  const read = db.prepare(`SELECT rowid AS hid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid ${order ?? 'ASC'}`).iterate(search) as IterableIterator<{ hid: number }>;
  const behind = (a: number, b: number) => (order === 'ASC' ? a > b : a < b);
  const seen = new Set<number>();
  let frontier = order === 'ASC' ? -Infinity : Infinity;
  let exhausted = false;
  let singles = 0;
  const readUntil = (hid: number | null) => {
    while (!exhausted && (hid === null || behind(hid, frontier))) {
      const next = read.next();
      if (next.done === true) exhausted = true;
      else {
        seen.add(next.value.hid);
        frontier = next.value.hid;
      }
    }
  };
  return {
    matches(hid) {
      if (exhausted || (order !== null && !behind(hid, frontier))) return seen.has(hid);
      const far = order === null || (Number.isFinite(frontier) && Math.abs(frontier - hid) > FAR_ROWS);
      if (far && singles < MAX_SINGLE_ROWS) {
        singles += 1;
        return one.get(search, BigInt(hid)) !== undefined;
      }
      readUntil(far ? null : hid);
      return seen.has(hid);
    },
    done: () => void read.return?.(),
  };
}

/**
 * A page of a search that matches much of the profile (more than MATCHES_COUNTED): walk the
 * profile's rows in the sort's order and keep those that match, until the page is full.
 */
function broadPage(db: DatabaseSync, query: ListDocumentsQuery, where: Conditions): SummaryRow[] {
  const walk = db.prepare(`SELECT hid FROM document_history INDEXED BY ${SORT_INDEX[query.sort]} WHERE ${where.filterSql} ORDER BY ${ORDER[query.sort]} LIMIT ? OFFSET ?`);
  const search = matcher(db, where.search!, ID_ORDER[query.sort]);
  const wanted = query.offset + query.limit;
  const found: number[] = [];
  try {
    for (let walked = 0; found.length < wanted; walked += BROAD_CHUNK) {
      const chunk = walk.all(...where.filterParams, BROAD_CHUNK, walked) as { hid: number }[];
      for (const { hid } of chunk) if (found.length < wanted && search.matches(hid)) found.push(hid);
      if (chunk.length < BROAD_CHUNK) break;
    }
  } finally {
    search.done();
  }
  const page = found.slice(query.offset);
  if (page.length === 0) return [];
  const rows = db.prepare(`SELECT hid, ${SUMMARY_COLUMNS} FROM document_history WHERE hid IN (${placeholders(page)})`).all(...page) as unknown as (SummaryRow & { hid: number })[];
  const byId = new Map(rows.map((row) => [row.hid, row]));
  return page.map((hid) => byId.get(hid)!);
}

/**
 * Reads of the history touch many small rows of a large file: memory-map it (no system call per
 * page) and keep a larger page cache. Per connection; the journal's owner calls it once.
 */
export function tuneForHistory(db: DatabaseSync): void {
  db.exec('PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768');
}

/** Every matching document in the page order, one at a time (the export; never held whole). */
export function* iterateHistory(db: DatabaseSync, profileId: string, filter: HistoryFilter, sort: ListDocumentsQuery['sort']): Generator<SummaryRow> {
  const where = conditions(db, profileId, filter);
  const statement = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM document_history WHERE ${where.sql} ORDER BY ${ORDER[sort]}`);
  yield* statement.iterate(...where.params) as Iterable<SummaryRow>;
}
