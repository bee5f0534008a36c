import type pg from 'pg';
import type { ShopDocumentPage, ShopListQuery } from '../../../shared/contract/shop-office';
import { countsQuery, documentConditions, searchWords, wordCountQuery, wordsCountable, type OfficeFilter } from './office-filter';
import { OFFICE_SUMMARY_COLUMNS, officeSummaryOf, type OfficeSummaryRow } from './office-rows';
import { resolveSearch, type ResolvedSearch } from './office-search';

/** The journal's orders (history-query.ts): SQLite puts a missing number or amount lowest, so last from the top. */
const ORDER: Record<ShopListQuery['sort'], string> = {
  newest: 'd.history_date DESC, d.id DESC',
  oldest: 'd.history_date ASC, d.id ASC',
  number: 'd.number COLLATE "C" DESC NULLS LAST, d.id DESC',
  'total-desc': 'd.total DESC NULLS LAST, d.id DESC',
  'total-asc': 'd.total ASC NULLS FIRST, d.id ASC',
};

/** Each order read from its other end (the same index, walked backwards). */
const REVERSED: Record<ShopListQuery['sort'], string> = {
  newest: ORDER.oldest,
  oldest: ORDER.newest,
  number: 'd.number COLLATE "C" ASC NULLS FIRST, d.id ASC',
  'total-desc': ORDER['total-asc'],
  'total-asc': ORDER['total-desc'],
};

async function countWord(db: pg.Pool | pg.ClientBase, filter: OfficeFilter, part: string): Promise<number> {
  return Number((await db.query<{ n: string }>(wordCountQuery(filter, part))).rows[0]?.n ?? 0);
}

/** How many documents pass the filters: the per-till counts without a search, the words table for one word's start, else counted. */
export async function countOffice(db: pg.Pool | pg.ClientBase, filter: OfficeFilter, search: ResolvedSearch): Promise<number> {
  const counts = countsQuery(filter);
  if (counts !== null) return Number((await db.query<{ n: string }>(counts)).rows[0]?.n ?? 0);
  if (wordsCountable(filter) && search.parts.length === 1) return countWord(db, filter, search.parts[0]!);
  const where = documentConditions(filter, search);
  const result = await db.query<{ n: string }>(`SELECT count(*) AS n FROM shop.documents d WHERE ${where.where()}`, where.params);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * The matching documents in the list's order, `limit` of them from `offset` (all when null).
 * The page's ids are found first (an index alone often answers that, deep pages too), then
 * their rows read. `counted`: each row also says how many documents match in all (`matching`).
 */
export async function officeRows(
  db: pg.Pool | pg.ClientBase,
  filter: OfficeFilter,
  sort: ShopListQuery['sort'],
  search: ResolvedSearch,
  page: { offset: number; limit: number; fromEnd?: boolean } | null,
  counted = false,
): Promise<(OfficeSummaryRow & { matching?: string })[]> {
  const where = documentConditions(filter, search);
  const paging = page === null ? '' : ` LIMIT ${where.param(page.limit)} OFFSET ${where.param(page.offset)}`;
  const walk = page?.fromEnd === true ? REVERSED[sort] : ORDER[sort];
  const result = await db.query<OfficeSummaryRow & { matching?: string }>(
    `WITH page AS (SELECT d.id${counted ? ', count(*) OVER () AS matching' : ''} FROM shop.documents d WHERE ${where.where()} ORDER BY ${walk}${paging})
     SELECT ${OFFICE_SUMMARY_COLUMNS}${counted ? ', page.matching' : ''}
     FROM page JOIN shop.documents d ON d.id = page.id LEFT JOIN shop.tills t ON t.station_id = d.station_id
     ORDER BY ${ORDER[sort]}`,
    where.params,
  );
  return result.rows;
}

/** One page of every till's documents (or a branch's, or a till's), with how many match in all. */
export async function listOffice(db: pg.Pool, query: ShopListQuery): Promise<ShopDocumentPage> {
  const { sort, offset, limit, ...filter } = query;
  const page = { offset, limit };
  const search = await resolveSearch(db, filter);
  if (searchWords(filter.search).length === 0) {
    // The count is a few rows of the per-till counts: past it there is no row to look for
    // (and looking would walk the whole scope).
    const total = await countOffice(db, filter, search);
    if (offset >= total) return { items: [], total, offset };
    // A page past the middle is nearer the other end: walk from there (the count is exact).
    const fromEnd = offset * 2 > total;
    const rows = fromEnd
      ? await officeRows(db, filter, sort, search, { offset: Math.max(0, total - offset - limit), limit: Math.min(limit, total - offset), fromEnd })
      : await officeRows(db, filter, sort, search, page);
    return { items: rows.map(officeSummaryOf), total, offset };
  }
  if (wordsCountable(filter) && search.parts.length === 1) {
    const [total, rows] = await Promise.all([countWord(db, filter, search.parts[0]!), officeRows(db, filter, sort, search, page)]);
    return { items: rows.map(officeSummaryOf), total, offset };
  }
  // Several words, or words with other filters: the index finds the few documents having them
  // all once, and they are counted as they are sorted (two queries would each look them up).
  const rows = await officeRows(db, filter, sort, search, page, true);
  const counted = rows[0]?.matching;
  const total = counted !== undefined ? Number(counted) : offset === 0 ? 0 : await countOffice(db, filter, search);
  return { items: rows.map(officeSummaryOf), total, offset };
}
