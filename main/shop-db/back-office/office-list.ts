import type pg from 'pg';
import type { ShopDocumentPage, ShopListQuery } from '../../../shared/contract/shop-office';
import { countsQuery, documentConditions, type OfficeFilter } from './office-filter';
import { OFFICE_SUMMARY_COLUMNS, officeSummaryOf, type OfficeSummaryRow } from './office-rows';

/** The journal's orders (history-query.ts): SQLite puts a missing number or amount lowest, so last from the top. */
const ORDER: Record<ShopListQuery['sort'], string> = {
  newest: 'd.history_date DESC, d.id DESC',
  oldest: 'd.history_date ASC, d.id ASC',
  number: 'd.number COLLATE "C" DESC NULLS LAST, d.id DESC',
  'total-desc': 'd.total DESC NULLS LAST, d.id DESC',
  'total-asc': 'd.total ASC NULLS FIRST, d.id ASC',
};

/** How many documents pass the filters: the per-till counts without a search, else counted. */
export async function countOffice(db: pg.Pool | pg.ClientBase, filter: OfficeFilter): Promise<number> {
  const counts = countsQuery(filter);
  if (counts !== null) return Number((await db.query<{ n: string }>(counts)).rows[0]?.n ?? 0);
  const where = documentConditions(filter);
  const result = await db.query<{ n: string }>(`SELECT count(*) AS n FROM shop.documents d WHERE ${where.where()}`, where.params);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * The matching documents in the list's order, `limit` of them from `offset` (all when null).
 * The page's ids are found first (an index alone often answers that, deep pages too), then
 * their rows read.
 */
export async function officeRows(db: pg.Pool | pg.ClientBase, filter: OfficeFilter, sort: ShopListQuery['sort'], page: { offset: number; limit: number } | null): Promise<OfficeSummaryRow[]> {
  const where = documentConditions(filter);
  const paging = page === null ? '' : ` LIMIT ${where.param(page.limit)} OFFSET ${where.param(page.offset)}`;
  const result = await db.query<OfficeSummaryRow>(
    `WITH page AS (SELECT d.id FROM shop.documents d WHERE ${where.where()} ORDER BY ${ORDER[sort]}${paging})
     SELECT ${OFFICE_SUMMARY_COLUMNS}
     FROM page JOIN shop.documents d ON d.id = page.id LEFT JOIN shop.tills t ON t.station_id = d.station_id
     ORDER BY ${ORDER[sort]}`,
    where.params,
  );
  return result.rows;
}

/** One page of every till's documents (or a branch's, or a till's), with how many match in all. */
export async function listOffice(db: pg.Pool, query: ShopListQuery): Promise<ShopDocumentPage> {
  const { sort, offset, limit, ...filter } = query;
  const [total, rows] = await Promise.all([countOffice(db, filter), officeRows(db, filter, sort, { offset, limit })]);
  return { items: rows.map(officeSummaryOf), total, offset };
}
