import { Link } from 'react-router';
import { DOCUMENT_STATES, type DocumentState } from '../../../shared/contract/documents';
import type { CurrencyTotal, DashboardAlert } from '../../../shared/contract/history';
import { useResumeOutbox, useRetryOutboxNow } from '../../api/use-documents';
import { useDashboard, useDocumentsLive } from '../../api/use-history';
import { ActionButton } from '../../components/action-button';
import { formatAmount } from '../../components/format';
import { ServiceError } from '../../components/service-error';
import { Loading } from '../../components/states';
import { STATE_LABELS } from '../documents/history-filters';
import '../documents/documents.css';
import './dashboard.css';

const SEVERITY_CLASS: Record<DashboardAlert['severity'], string> = { blocker: 'notice--error', warning: 'notice--warning', info: 'notice--info' };
const SEVERITY_LABEL: Record<DashboardAlert['severity'], string> = { blocker: 'Action needed', warning: 'Warning', info: 'Note' };

/** The button an alert offers, named for what it does there. */
function AlertAction({ alert, action }: { alert: DashboardAlert; action: NonNullable<DashboardAlert['action']> }) {
  const retry = useRetryOutboxNow();
  const resume = useResumeOutbox();
  const mutation = action === 'resume-sending' ? resume : retry;
  const label = action === 'resume-sending' ? 'Resume sending' : alert.code === 'status-window' ? 'Check them now' : 'Try now';
  return (
    <div className="button-row">
      <ActionButton action={mutation} label={label} />
    </div>
  );
}

/** The documents at a glance: what needs the manager first, then the day's and month's figures. */
export function Dashboard() {
  useDocumentsLive();
  const dashboard = useDashboard();
  if (dashboard.isPending) return <Loading what="the dashboard" />;
  if (dashboard.isError) return <ServiceError error={dashboard.error} onRetry={() => void dashboard.refetch()} what="dashboard" />;
  const data = dashboard.data;
  // The outage banner at the top says "not answering" once, with its countdown and Try now.
  const alerts = data.alerts.filter((alert) => alert.code !== 'outbox-offline');
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title" className="section-title">
        Documents at a glance
      </h2>
      <ul className="dashboard__alerts" aria-label="Alerts">
        {alerts.length === 0 ? (
          <li className="notice notice--success">Nothing needs your attention.</li>
        ) : (
          alerts.map((alert) => (
            <li key={alert.code} className={`notice ${SEVERITY_CLASS[alert.severity]}`} data-alert={alert.code}>
              <p className="notice__title">
                <span className="visually-hidden">{SEVERITY_LABEL[alert.severity]}: </span>
                {alert.message}
              </p>
              <p>
                {alert.nextStep}
                {alert.link === null ? null : (
                  <>
                    {' '}
                    <Link to={alert.link}>{alert.code === 'subscription' ? 'Open Account' : alert.code === 'certificate' || alert.code === 'account-unchecked' ? 'Open Fiscal device' : 'Show them'}</Link>
                  </>
                )}
              </p>
              {alert.action === null ? null : <AlertAction alert={alert} action={alert.action} />}
            </li>
          ))
        )}
      </ul>
      <div className="dashboard__grid">
        <Totals title={`Today (${data.today})`} totals={data.todayTotals} />
        <Totals title={`This month (${data.month})`} totals={data.monthTotals} />
        <StatesCard counts={data.countsByState} link={(state) => `/documents?state=${state}`} />
        <RefusalsCard reasons={data.refusalReasons} />
      </div>
    </section>
  );
}

/** How many documents are in each state, each a link to them. */
export function StatesCard({ counts, link }: { counts: Partial<Record<DocumentState, number>>; link: (state: DocumentState) => string }) {
  const shown = DOCUMENT_STATES.filter((state) => (counts[state] ?? 0) > 0);
  return (
    <div className="card dashboard__card">
      <h3>Documents by state</h3>
      <ul className="dashboard__states">
        {shown.map((state) => (
          <li key={state}>
            <Link to={link(state)}>{STATE_LABELS[state]}</Link> <span className="num">{(counts[state] ?? 0).toLocaleString('en')}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p>No documents yet.</p> : null}
    </div>
  );
}

/** The service's most frequent refusal reasons. */
export function RefusalsCard({ reasons }: { reasons: readonly { reason: string; documents: number }[] }) {
  return (
    <div className="card dashboard__card">
      <h3>Most frequent refusals (30 days)</h3>
      {reasons.length === 0 ? (
        <p>No refusals.</p>
      ) : (
        <ol className="dashboard__reasons">
          {reasons.map((reason) => (
            <li key={reason.reason}>
              {reason.reason} <span className="num">({reason.documents})</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function Totals({ title, totals }: { title: string; totals: CurrencyTotal[] }) {
  return (
    <div className="card dashboard__card">
      <h3>{title}</h3>
      {totals.length === 0 ? (
        <p>Nothing fiscalised.</p>
      ) : (
        <ul className="dashboard__totals">
          {totals.map((total) => (
            <li key={total.currency}>
              <strong>{formatAmount(total.total, total.currency)}</strong> <span className="dashboard__muted">from {total.documents.toLocaleString('en')} {total.documents === 1 ? 'document' : 'documents'}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
