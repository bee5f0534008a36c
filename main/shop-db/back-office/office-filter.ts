import type { ShopListQuery, ShopScope } from '../../../shared/contract/shop-office';
import { nextDay } from '../../store/journal/history-query';
import type { ResolvedSearch } from './office-search';

/** The list's filters, paging and sort aside (the export and the counts share them). */
export type OfficeFilter = Omit<ShopListQuery, 'sort' | 'offset' | 'limit'>;

/** SQL conditions with their parameters, numbered from $1 in the order pushed. */
export class SqlParts {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds `value` as the next parameter and answers its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.parts.push(condition);
  }

  where(): string {
    return this.parts.length === 0 ? 'true' : this.parts.join(' AND ');
  }
}

const MAX_TERMS = 8;

/**
 * The manager's words as the journal reads them (history-query.ts ftsWords): lower case, split on
 * spaces, `12,50` read as 12.50, only words with a letter or digit, at most eight. Each must
 * start a word the document is found by (shop.search_query in migration 002).
 */
export function searchWords(search: string): string[] {
  return search
    .toLowerCase()
    .split(/\s+/)
    .map((term) => (/^\d+,\d*$/.test(term) ? term.replace(',', '.') : term))
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS);
}

export function addScope(sql: SqlParts, scope: ShopScope, alias = 'd'): void {
  if (scope.kind === 'branch') sql.add(`${alias}.branch = ${sql.param(scope.branch)}`);
  if (scope.kind === 'station') sql.add(`${alias}.station_id = ${sql.param(scope.stationId)}`);
}

/** Kinds, states and currency: columns the documents and the counts tables both have. */
function addColumns(sql: SqlParts, filter: OfficeFilter, alias: string): void {
  if (filter.kinds.length > 0) sql.add(`${alias}.kind = ANY(${sql.param(filter.kinds)}::text[])`);
  if (filter.states.length > 0) sql.add(`${alias}.state = ANY(${sql.param(filter.states)}::text[])`);
  if (filter.currency !== '') sql.add(`${alias}.currency = ${sql.param(filter.currency)}`);
}

/**
 * Every filter over shop.documents: scope, kinds, states, currency, the CAT days (inclusive, on
 * the history date as the journal keeps it) and the search words, as `search` (resolveSearch in
 * office-search.ts) makes them a full-text query.
 */
export function documentConditions(filter: OfficeFilter, search: ResolvedSearch, alias = 'd'): SqlParts {
  const sql = new SqlParts();
  addScope(sql, filter.scope, alias);
  addColumns(sql, filter, alias);
  if (filter.dateFrom !== null) sql.add(`${alias}.history_date >= ${sql.param(filter.dateFrom)}`);
  if (filter.dateTo !== null) sql.add(`${alias}.history_date < ${sql.param(nextDay(filter.dateTo))}`);
  if (searchWords(filter.search).length > 0) sql.add(search.query === null ? 'false' : `${alias}.search_terms @@ ${sql.param(search.query)}::tsquery`);
  return sql;
}

/** Above every character: `part` up to `part` + this bound holds exactly the words starting with `part` (collation "C"). */
const LAST_CHARACTER = '\u{10FFFF}';

/**
 * How many documents in the filter's scope and days have a word starting with `part`, from
 * shop.document_words (one index, no document read). The range is a constant, so the plan sees
 * how many words it holds.
 */
export function wordCountQuery(filter: OfficeFilter, part: string): { text: string; values: unknown[] } {
  const sql = new SqlParts();
  sql.add(`w.word >= ${sql.param(part)}`);
  sql.add(`w.word < ${sql.param(part + LAST_CHARACTER)}`);
  addScope(sql, filter.scope, 'w');
  if (filter.dateFrom !== null) sql.add(`w.history_date >= ${sql.param(filter.dateFrom)}`);
  if (filter.dateTo !== null) sql.add(`w.history_date < ${sql.param(nextDay(filter.dateTo))}`);
  return { text: `SELECT count(DISTINCT w.document_id)::bigint AS n FROM shop.document_words w WHERE ${sql.where()}`, values: sql.params };
}

/**
 * A search with no kind, state or currency: when it is one word's start, the words table answers
 * how many match. (Several words are counted from the documents: the GIN index intersects them
 * first, so only the few documents having all of them are visited.)
 */
export const wordsCountable = (filter: OfficeFilter) => searchWords(filter.search).length > 0 && filter.kinds.length === 0 && filter.states.length === 0 && filter.currency === '';

/**
 * How many documents pass the filters, from the per-till counts (per day with a date filter)
 * when there is no search; null with one (wordCountQuery, or the documents are counted).
 */
export function countsQuery(filter: OfficeFilter): { text: string; values: unknown[] } | null {
  if (searchWords(filter.search).length > 0) return null;
  const sql = new SqlParts();
  addScope(sql, filter.scope, 'c');
  addColumns(sql, filter, 'c');
  const byDay = filter.dateFrom !== null || filter.dateTo !== null;
  if (filter.dateFrom !== null) sql.add(`c.day >= ${sql.param(filter.dateFrom)}`);
  if (filter.dateTo !== null) sql.add(`c.day <= ${sql.param(filter.dateTo)}`);
  const table = byDay ? 'shop.document_day_counts' : 'shop.document_counts';
  return { text: `SELECT coalesce(sum(c.documents), 0)::bigint AS n FROM ${table} c WHERE ${sql.where()}`, values: sql.params };
}
