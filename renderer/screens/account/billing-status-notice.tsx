import { Link } from 'react-router';
import type { AccountView } from '../../../shared/contract/account';
import { useReadiness } from '../../api/use-readiness';

type Status = NonNullable<NonNullable<AccountView['subscription']>['status']>;

/** Suspended or cancelled billing stops fiscalisation: said loudly, at the top; overdue warns to pay now. */
export function BillingStatusNotice({ status }: { status: Status }) {
  // Paid up is only good news when nothing else blocks fiscalisation.
  const blocked = useReadiness().data?.level === 'blocked';
  if (status.severity === 'ok') {
    return (
      <div className={`notice ${blocked ? 'notice--info' : 'notice--success'}`} role="status">
        <h2 className="notice__title">Billing: {status.value}</h2>
        <p>
          {status.explanation}
          {blocked ? (
            <>
              {' '}
              Something else blocks fiscalisation: see <Link to="/home">Home</Link>.
            </>
          ) : null}
        </p>
      </div>
    );
  }
  if (status.severity === 'blocking') {
    return (
      <div className="notice notice--error" role="alert">
        <h2 className="notice__title">Billing: {status.value} — fiscalisation is stopped</h2>
        <p>{status.explanation}</p>
      </div>
    );
  }
  return (
    <div className="notice notice--warning" role="status">
      <h2 className="notice__title">Billing: {status.value}{status.severity === 'warning' ? ' — pay now' : ''}</h2>
      <p>{status.explanation}</p>
    </div>
  );
}
