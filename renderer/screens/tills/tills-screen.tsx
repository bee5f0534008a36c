import { Link } from 'react-router';
import type { ShopTill } from '../../../shared/contract/shop-office';
import { useShopReach } from '../../api/use-shop-office';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/states';
import { documentsLink, tillName } from '../back-office/scope';
import '../back-office/back-office.css';

/** A till that has not copied for this long is probably off or cut off from the shop database. */
const QUIET_AFTER_MS = 15 * 60_000;

/** Every till of the shop: its branch, when it last copied, and what waits on it. */
export function TillsScreen() {
  const reach = useShopReach();
  return (
    <Page title="Tills" summary="Every till copying to the shop database: when it last copied, and what waits on it">
      {reach.isPending ? <Loading what="the tills" /> : null}
      {reach.isError ? <ErrorPanel error={reach.error} onRetry={() => void reach.refetch()} title="The tills could not be read from the shop database" /> : null}
      {reach.data === undefined ? null : reach.data.available ? (
        <TillsTable tills={reach.data.tills} checkedAt={reach.dataUpdatedAt} />
      ) : (
        <div className="notice notice--info" role="status">
          <h2 className="notice__title">The tills cannot be shown on this computer</h2>
          <p>
            {reach.data.message} <Link to="/settings#shop-database">Shop database settings</Link>
          </p>
        </div>
      )}
    </Page>
  );
}

/** `checkedAt`: when the shop database was last asked (a till's last copy is measured against it). */
function TillsTable({ tills, checkedAt }: { tills: ShopTill[]; checkedAt: number }) {
  if (tills.length === 0) return <p className="notice notice--info">No till has copied to the shop database yet.</p>;
  return (
    <div className="card">
      <table className="table tills-table">
        <caption className="visually-hidden">Tills</caption>
        <thead>
          <tr>
            <th scope="col">Till</th>
            <th scope="col">Branch</th>
            <th scope="col">Last copy</th>
            <th scope="col" className="num">
              Waiting to be copied
            </th>
            <th scope="col" className="num">
              Waiting to be sent
            </th>
            <th scope="col" className="num">
              Need attention
            </th>
            <th scope="col" className="num">
              Documents
            </th>
          </tr>
        </thead>
        <tbody>
          {tills.map((till) => {
            const quiet = till.lastReplicatedAt !== null && checkedAt - Date.parse(till.lastReplicatedAt) > QUIET_AFTER_MS;
            return (
              <tr key={till.stationId}>
                <th scope="row">
                  {tillName(till)}
                  {till.thisTill ? <span className="tills-table__note"> (this computer)</span> : null}
                  <span className="tills-table__station mono">{till.stationId}</span>
                </th>
                <td>{till.branch === '' ? '—' : till.branch}</td>
                <td>
                  {till.lastReplicatedAt === null ? 'Never' : formatDateTime(till.lastReplicatedAt)}
                  {quiet ? <span className="tills-table__note"> — quiet for a while: is it on, and can it reach the shop database?</span> : null}
                </td>
                <td className="num">{till.eventsWaiting.toLocaleString('en')}</td>
                <td className="num">{till.outboxBacklog.toLocaleString('en')}</td>
                <td className="num">
                  {till.needsAttention === 0 ? '0' : <Link to={documentsLink({ kind: 'station', stationId: till.stationId })}>{till.needsAttention.toLocaleString('en')}</Link>}
                </td>
                <td className="num">
                  <Link to={documentsLink({ kind: 'station', stationId: till.stationId })} aria-label={`${till.documents.toLocaleString('en')} documents of ${tillName(till)}`}>
                    {till.documents.toLocaleString('en')}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
