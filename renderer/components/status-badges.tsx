import type { AccountView } from '../../shared/contract/account';

type BillingStatus = NonNullable<NonNullable<AccountView['subscription']>['status']>;

const billingTone: Record<BillingStatus['severity'], string> = { ok: 'badge--ok', warning: 'badge--warn', blocking: 'badge--bad', unknown: 'badge--warn' };

/** A billing status as a badge: Overdue warns, Suspended and Cancelled are flagged, never plain text. */
export function BillingBadge({ status }: { status: BillingStatus | null }) {
  if (status === null) return null;
  return (
    <span className={`badge ${billingTone[status.severity]}`} title={status.explanation}>
      {status.value}
    </span>
  );
}

/** The fiscal device's status: anything but Active is flagged, since nothing is fiscalised on it. */
export function DeviceStatusBadge({ status }: { status: string | null }) {
  if (status === null || status.trim() === '') return null;
  const active = status.trim().toLowerCase() === 'active';
  return (
    <span className={`badge ${active ? 'badge--ok' : 'badge--bad'}`} title={active ? undefined : 'Documents are not fiscalised on a device that is not Active'}>
      {status}
    </span>
  );
}
