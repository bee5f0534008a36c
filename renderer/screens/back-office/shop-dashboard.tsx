import { Link } from 'react-router';
import type { CurrencyTotal } from '../../../shared/contract/history';
import type { ShopScope, ShopTotalsRow } from '../../../shared/contract/shop-office';
import { useShopDashboard, useShopReach } from '../../api/use-shop-office';
import { formatAmount } from '../../components/format';
import { ServiceError } from '../../components/service-error';
import { Loading } from '../../components/states';
import { RefusalsCard, StatesCard, Totals } from '../home/dashboard';
import { documentsLink, scopeLabel, tillName } from './scope';
import './back-office.css';

/** Home's figures for every till, a branch or one till, from the shop database. */
export function ShopDashboard({ scope }: { scope: ShopScope }) {
  const dashboard = useShopDashboard(scope);
  const reach = useShopReach();
  if (dashboard.isPending) return <Loading what="the shop’s figures" />;
  if (dashboard.isError) return <ServiceError error={dashboard.error} onRetry={() => void dashboard.refetch()} what="shop’s figures" />;
  const data = dashboard.data;
  const label = scopeLabel(scope, reach.data);
  const attention = data.needsAttention.filter((row) => row.documents > 0);
  return (
    <section className="dashboard" aria-labelledby="shop-dashboard-title">
      <h2 id="shop-dashboard-title" className="section-title">
        {label} at a glance
      </h2>
      <ul className="dashboard__alerts" aria-label="Documents needing attention across the tills">
        {attention.length === 0 ? (
          <li className="notice notice--success">No till has a document that needs attention.</li>
        ) : (
          attention.map((row) => (
            <li key={row.stationId} className="notice notice--warning">
              <p className="notice__title">
                {tillName(row)}
                {row.branch === '' ? '' : ` (${row.branch})`}: {row.documents} {row.documents === 1 ? 'document needs' : 'documents need'} attention
              </p>
              <p>
                Only that till can fix or check them. <Link to={documentsLink({ kind: 'station', stationId: row.stationId }, { state: 'needs-attention' })}>Show them</Link>
              </p>
            </li>
          ))
        )}
      </ul>
      <div className="dashboard__grid">
        <Totals title={`Today (${data.today})`} totals={data.todayTotals} />
        <Totals title={`This month (${data.month})`} totals={data.monthTotals} />
        <StatesCard counts={data.countsByState} link={(state) => documentsLink(scope, { state })} />
        <RefusalsCard reasons={data.refusalReasons} />
      </div>
      {scope.kind === 'shop' && data.byBranch.length > 1 ? <TotalsTable caption="Fiscalised per branch" first="Branch" rows={data.byBranch} link={(row) => documentsLink({ kind: 'branch', branch: row.key })} /> : null}
      {scope.kind === 'station' ? null : <TotalsTable caption="Fiscalised per till" first="Till" rows={data.byTill} link={(row) => documentsLink({ kind: 'station', stationId: row.key })} />}
    </section>
  );
}

function Amounts({ totals }: { totals: CurrencyTotal[] }) {
  if (totals.length === 0) return <>—</>;
  return (
    <ul className="shop-totals__amounts">
      {totals.map((total) => (
        <li key={total.currency}>{formatAmount(total.total, total.currency)}</li>
      ))}
    </ul>
  );
}

function TotalsTable({ caption, first, rows, link }: { caption: string; first: string; rows: ShopTotalsRow[]; link: (row: ShopTotalsRow) => string }) {
  return (
    <div className="card">
      <table className="table shop-totals">
        <caption className="section-title">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {first === 'Till' ? <th scope="col">Branch</th> : null}
            <th scope="col" className="num">
              Today
            </th>
            <th scope="col" className="num">
              This month
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <Link to={link(row)}>{row.label === '' ? (first === 'Branch' ? 'No branch' : row.key.slice(0, 8)) : row.label}</Link>
              </th>
              {first === 'Till' ? <td>{row.branch === '' ? '—' : row.branch}</td> : null}
              <td className="num">
                <Amounts totals={row.today} />
              </td>
              <td className="num">
                <Amounts totals={row.month} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
