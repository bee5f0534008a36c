import type { AccountView } from '../../../shared/contract/account';

type Status = NonNullable<NonNullable<AccountView['subscription']>['status']>;

/** Overdue or suspended billing stops fiscalisation: that is said loudly, at the top. */
export function BillingStatusNotice({ status }: { status: Status }) {
  if (status.severity === 'ok') {
    return (
      <div className="notice notice--success" role="status">
        <h2 className="notice__title">Billing: {status.value}</h2>
        <p>{status.explanation}</p>
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
      <h2 className="notice__title">Billing: {status.value}</h2>
      <p>{status.explanation}</p>
    </div>
  );
}
