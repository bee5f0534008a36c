import type pg from 'pg';
import { DOCUMENT_STATES, type DocumentState } from '../../../shared/contract/documents';
import type { ShopDashboard, ShopScope, ShopTotalsRow } from '../../../shared/contract/shop-office';
import { catDay, catMonth, nextMonthStart } from '../../services/history/cat-time';
import { addScope, SqlParts } from './office-filter';
import { currencyTotals, type CurrencySum } from './office-totals';

const dayMs = 24 * 60 * 60 * 1000;
/** As the local dashboard (main/services/history/dashboard.ts): refusals of the last 30 days, the five most frequent. */
const REFUSAL_DAYS = 30;
const TOP_REFUSALS = 5;

interface MonthRow {
  station_id: string;
  branch: string;
  currency: string;
  today_documents: number;
  today_total: string;
  month_documents: number;
  month_total: string;
}

interface TillRow {
  station_id: string;
  label: string;
  branch: string;
}

const scoped = (scope: ShopScope, alias: string, build: (sql: SqlParts) => void = () => undefined): SqlParts => {
  const sql = new SqlParts();
  addScope(sql, scope, alias);
  build(sql);
  return sql;
};

/** The tills a scope covers: every till, a branch's (named so now, or with documents under it), or one. */
async function tillsIn(db: pg.Pool, scope: ShopScope): Promise<TillRow[]> {
  const sql = new SqlParts();
  const where =
    scope.kind === 'shop'
      ? 'true'
      : scope.kind === 'station'
        ? `t.station_id = ${sql.param(scope.stationId)}`
        : `(t.branch = ${sql.param(scope.branch)} OR EXISTS (SELECT 1 FROM shop.document_counts c WHERE c.station_id = t.station_id AND c.branch = $1))`;
  return (await db.query<TillRow>(`SELECT t.station_id, t.label, t.branch FROM shop.tills t WHERE ${where} ORDER BY t.branch, t.label, t.station_id`, sql.params)).rows;
}

/**
 * The Home screen over the shop database, by the local dashboard's rules: fiscalised documents
 * only, credit notes subtracted, the CAT day and month of the history date; counts by state;
 * refusal reasons of the last 30 days; and the same per till and per branch.
 */
export async function officeDashboard(db: pg.Pool, scope: ShopScope, now: Date): Promise<ShopDashboard> {
  const today = catDay(now);
  const tomorrow = catDay(new Date(now.getTime() + dayMs));
  const month = catMonth(now);
  const since = catDay(new Date(now.getTime() - REFUSAL_DAYS * dayMs));

  const monthSql = scoped(scope, 'd');
  const [from, to, dayFrom, dayTo] = [`${month}-01`, nextMonthStart(month), today, tomorrow].map((value) => monthSql.param(value));
  const signed = `CASE WHEN d.kind = 'credit-note' THEN -d.total ELSE d.total END`;
  const isToday = `d.history_date >= ${dayFrom} AND d.history_date < ${dayTo}`;
  const countsSql = scoped(scope, 'c');
  const refusalsSql = scoped(scope, 'd', (sql) => sql.add(`d.history_date >= ${sql.param(since)}`));
  const rejectedSql = scoped(scope, 'c', (sql) => sql.add(`c.day >= ${sql.param(since)}`));

  const [monthRows, stateRows, refusals, attentionRows, rejectedRows, tills] = await Promise.all([
    db.query<MonthRow>(
      `SELECT d.station_id, d.branch, d.currency,
         (count(*) FILTER (WHERE ${isToday}))::int AS today_documents, coalesce(sum(${signed}) FILTER (WHERE ${isToday}), 0)::text AS today_total,
         count(*)::int AS month_documents, coalesce(sum(${signed}), 0)::text AS month_total
       FROM shop.documents d
       WHERE ${monthSql.where()} AND d.state = 'fiscalised' AND d.history_date >= ${from} AND d.history_date < ${to}
       GROUP BY d.station_id, d.branch, d.currency`,
      monthSql.params,
    ),
    db.query<{ state: DocumentState; n: string }>(`SELECT c.state, sum(c.documents) AS n FROM shop.document_counts c WHERE ${countsSql.where()} GROUP BY c.state`, countsSql.params),
    db.query<{ reason: string; documents: number }>(
      `SELECT d.service_error AS reason, count(*)::int AS documents FROM shop.documents d
       WHERE ${refusalsSql.where()} AND d.state IN ('needs-fix', 'rejected') AND d.service_error IS NOT NULL
       GROUP BY d.service_error ORDER BY documents DESC, d.service_error COLLATE "C" LIMIT ${TOP_REFUSALS}`,
      refusalsSql.params,
    ),
    db.query<{ station_id: string; n: string }>(
      `SELECT c.station_id, sum(c.documents) AS n FROM shop.document_counts c WHERE ${countsSql.where()} AND c.state IN ('needs-fix', 'needs-attention') GROUP BY c.station_id`,
      countsSql.params,
    ),
    db.query<{ station_id: string; n: string }>(
      `SELECT c.station_id, sum(c.documents) AS n FROM shop.document_day_counts c WHERE ${rejectedSql.where()} AND c.state = 'rejected' GROUP BY c.station_id`,
      rejectedSql.params,
    ),
    tillsIn(db, scope),
  ]);

  const countsByState = Object.fromEntries(DOCUMENT_STATES.map((state) => [state, 0])) as Record<DocumentState, number>;
  for (const row of stateRows.rows) if (row.state in countsByState) countsByState[row.state] = Number(row.n);

  const rows = monthRows.rows;
  const todayOf = (subset: MonthRow[]): CurrencySum[] => subset.map((row) => ({ currency: row.currency, documents: row.today_documents, total: row.today_total }));
  const monthOf = (subset: MonthRow[]): CurrencySum[] => subset.map((row) => ({ currency: row.currency, documents: row.month_documents, total: row.month_total }));
  const totalsRow = (key: string, label: string, branch: string, subset: MonthRow[]): ShopTotalsRow => ({ key, label, branch, today: currencyTotals(todayOf(subset)), month: currencyTotals(monthOf(subset)) });

  const labels = new Map(tills.map((till) => [till.station_id, till]));
  const stations = [...new Set([...tills.map((till) => till.station_id), ...rows.map((row) => row.station_id)])];
  const byTill = stations.map((station) => totalsRow(station, labels.get(station)?.label ?? '', labels.get(station)?.branch ?? '', rows.filter((row) => row.station_id === station)));
  const branchNames = [...new Set([...(scope.kind === 'station' ? [] : tills.map((till) => till.branch)), ...rows.map((row) => row.branch)])]
    .filter((branch) => scope.kind !== 'branch' || branch === scope.branch)
    .sort();
  const byBranch = branchNames.map((branch) => totalsRow(branch, branch, branch, rows.filter((row) => row.branch === branch)));

  const attention = new Map<string, number>();
  for (const row of [...attentionRows.rows, ...rejectedRows.rows]) attention.set(row.station_id, (attention.get(row.station_id) ?? 0) + Number(row.n));
  const needsAttention = [...new Set([...stations, ...attention.keys()])]
    .map((station) => ({ stationId: station, label: labels.get(station)?.label ?? '', branch: labels.get(station)?.branch ?? '', documents: attention.get(station) ?? 0 }))
    .sort((a, b) => b.documents - a.documents || a.label.localeCompare(b.label));

  return {
    today,
    month,
    todayTotals: currencyTotals(todayOf(rows)),
    monthTotals: currencyTotals(monthOf(rows)),
    byTill,
    byBranch,
    countsByState,
    refusalReasons: refusals.rows,
    needsAttention,
  };
}
