import type { DatabaseSync } from 'node:sqlite';
import { DOCUMENT_STATES, type DocumentState } from '../../../shared/contract/documents';
import type { DeviceView } from '../../../shared/contract/device';
import type { Dashboard, DashboardAlert } from '../../../shared/contract/history';
import type { OutboxState } from '../../../shared/contract/outbox';
import type { DiskFull } from '../../store/storage-health';
import { inDays } from '../../../shared/domain/time-left';
import { catDay, catMonth, nextMonthStart } from './cat-time';
import { CurrencyTotals } from './currency-totals';
import { signedAmount } from '../../../shared/domain/signed-amount';

/** `/status` only knows documents of the last 7 days (fh-api.md section 5): warn two days before. */
export const STATUS_WINDOW_DAYS = 7;
export const STATUS_WINDOW_WARNING_DAYS = 5;
const dayMs = 24 * 60 * 60 * 1000;
const REFUSAL_DAYS = 30;
const TOP_REFUSALS = 5;

/** Everything the dashboard reads from the journal (indexed; no table scan). */
export interface DashboardFacts {
  today: string;
  month: string;
  todayTotals: Dashboard['todayTotals'];
  monthTotals: Dashboard['monthTotals'];
  countsByState: Record<DocumentState, number>;
  refusalReasons: Dashboard['refusalReasons'];
  /** Submitted documents whose result has not come within STATUS_WINDOW_WARNING_DAYS. */
  nearStatusWindow: number;
}

function totalsBetween(db: DatabaseSync, profileId: string, from: string, to: string): Dashboard['todayTotals'] {
  const totals = new CurrencyTotals();
  const rows = db
    .prepare("SELECT currency, kind, total FROM document_history WHERE profile_id = ? AND state = 'fiscalised' AND date >= ? AND date < ?")
    .iterate(profileId, from, to) as Iterable<{ currency: string; kind: 'invoice' | 'credit-note'; total: string | null }>;
  for (const row of rows) totals.add(row.currency, row.total === null ? null : signedAmount(row.kind, row.total));
  return totals.list();
}

export function readDashboardFacts(db: DatabaseSync, profileId: string, now: Date): DashboardFacts {
  const today = catDay(now);
  const tomorrow = catDay(new Date(now.getTime() + dayMs));
  const month = catMonth(now);
  const countsByState = Object.fromEntries(DOCUMENT_STATES.map((state) => [state, 0])) as Record<DocumentState, number>;
  for (const row of db.prepare('SELECT state, sum(documents) AS n FROM document_day_counts WHERE profile_id = ? GROUP BY state').all(profileId) as { state: DocumentState; n: number }[]) {
    countsByState[row.state] = row.n;
  }
  const since = catDay(new Date(now.getTime() - REFUSAL_DAYS * dayMs));
  const refusalReasons = (
    db
      .prepare(
        `SELECT service_error AS reason, count(*) AS documents FROM document_history
         WHERE profile_id = ? AND state IN ('needs-fix', 'rejected') AND date >= ? AND service_error IS NOT NULL
         GROUP BY service_error ORDER BY documents DESC, reason LIMIT ?`,
      )
      .all(profileId, since, TOP_REFUSALS) as { reason: string; documents: number }[]
  ).map((row) => ({ reason: row.reason, documents: row.documents }));
  const nearStatusWindow = (
    db
      .prepare("SELECT count(*) AS n FROM documents WHERE state = 'submitted' AND profile_id = ? AND submitted_at IS NOT NULL AND submitted_at < ?")
      .get(profileId, now.getTime() - STATUS_WINDOW_WARNING_DAYS * dayMs) as { n: number }
  ).n;
  return {
    today,
    month,
    todayTotals: totalsBetween(db, profileId, today, tomorrow),
    monthTotals: totalsBetween(db, profileId, `${month}-01`, nextMonthStart(month)),
    countsByState,
    refusalReasons,
    nearStatusWindow,
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export interface AlertSources {
  facts: DashboardFacts;
  /** The outbox at a glance, or null when it could not be read. */
  outbox: OutboxState | null;
  /** The fiscal device (billing and certificate), or why it could not be checked. */
  device: { ok: true; value: DeviceView } | { ok: false; reason: string };
  /** Where the last write failed for lack of space, or null (none did, or one went through since). */
  diskFull?: DiskFull | null;
}

/** The alerts, most urgent first, each with what to do and where. */
export function dashboardAlerts({ facts, outbox, device, diskFull = null }: AlertSources): DashboardAlert[] {
  const alerts: DashboardAlert[] = [];
  if (diskFull !== null) {
    alerts.push({
      code: 'disk-full',
      severity: 'blocker',
      message: `The disk holding ${diskFull.folder} is full: the last change could not be saved. Nothing saved before was lost.`,
      nextStep: 'Free some space on that disk (empty the recycle bin, move large files away), then save again.',
      link: null,
      count: null,
      action: null,
    });
  }
  const attention = facts.countsByState['needs-attention'];
  if (attention > 0) {
    alerts.push({
      code: 'needs-attention',
      severity: 'blocker',
      message: `${plural(attention, 'document needs', 'documents need')} your attention: Fiscal Harmony's answer was unclear, so Fiscal Desk will not send ${attention === 1 ? 'it' : 'them'} again on its own.`,
      nextStep: 'Open each one and use "Check with Fiscal Harmony"; never enter it again as a new document.',
      link: '/documents?state=needs-attention',
      count: attention,
      action: null,
    });
  }
  const fix = facts.countsByState['needs-fix'];
  if (fix > 0) {
    alerts.push({
      code: 'needs-fix',
      severity: 'warning',
      message: `${plural(fix, 'document was', 'documents were')} refused and can be fixed and sent again.`,
      nextStep: 'Open each one, read the reason, then fix and re-send it.',
      link: '/documents?state=needs-fix',
      count: fix,
      action: null,
    });
  }
  if (facts.nearStatusWindow > 0) {
    alerts.push({
      code: 'status-window',
      severity: 'warning',
      message: `${plural(facts.nearStatusWindow, 'document has', 'documents have')} waited more than ${STATUS_WINDOW_WARNING_DAYS} days for ${facts.nearStatusWindow === 1 ? 'its' : 'their'} result. Fiscal Harmony only answers about documents of the last ${STATUS_WINDOW_DAYS} days.`,
      nextStep: 'Check their status now while Fiscal Harmony still knows them.',
      link: '/documents?state=submitted',
      count: facts.nearStatusWindow,
      action: 'retry-now',
    });
  }
  if (outbox?.paused === 'offline') {
    // The document probing whether the service is back is in flight, and waits all the same.
    const waiting = outbox.queued + outbox.sending;
    alerts.push({
      code: 'outbox-offline',
      severity: 'warning',
      message: `Sending is paused because Fiscal Harmony cannot be reached. ${waiting > 0 ? `${plural(waiting, 'document waits', 'documents wait')} in the outbox.` : ''}`.trim(),
      nextStep: 'Check the internet connection; the outbox sends on its own once it is back.',
      link: null,
      count: waiting,
      action: 'retry-now',
    });
  } else if (outbox?.paused === 'manual') {
    alerts.push({
      code: 'outbox-paused',
      severity: 'info',
      message: 'Sending is paused.',
      nextStep: 'Resume sending when you are ready; documents wait in the outbox meanwhile.',
      link: null,
      count: outbox.queued,
      action: 'resume-sending',
    });
  }
  if (!device.ok) {
    alerts.push({ code: 'account-unchecked', severity: 'info', message: `The subscription and device certificate could not be checked: ${device.reason}`, nextStep: 'They are checked again when this page is opened.', link: '/device', count: null, action: null });
    return mostUrgentFirst(alerts);
  }
  const billing = device.value.billingStatus;
  if (billing !== null && (billing.severity === 'warning' || billing.severity === 'blocking')) {
    alerts.push({
      code: 'subscription',
      severity: billing.severity === 'blocking' ? 'blocker' : 'warning',
      message: `Subscription ${billing.value.toLowerCase()}.`,
      nextStep: billing.explanation,
      link: '/account',
      count: null,
      action: null,
    });
  }
  const certificate = device.value.certificate;
  if (certificate.state === 'expiring' || certificate.state === 'expired') {
    const expired = certificate.state === 'expired';
    alerts.push({
      code: 'certificate',
      severity: expired ? 'blocker' : 'warning',
      message: expired
        ? 'The fiscal device certificate has expired: documents cannot be fiscalised.'
        : `The fiscal device certificate expires ${inDays(certificate.daysLeft)}.`,
      nextStep: expired ? 'Renew the device certificate through Fiscal Harmony now.' : 'Renew the device certificate through Fiscal Harmony before it runs out.',
      link: '/device',
      count: null,
      action: null,
    });
  }
  return mostUrgentFirst(alerts);
}

const URGENCY: Record<DashboardAlert['severity'], number> = { blocker: 0, warning: 1, info: 2 };

/** Blockers, then warnings, then information; in the order above within each (the sort is stable). */
function mostUrgentFirst(alerts: DashboardAlert[]): DashboardAlert[] {
  return alerts.sort((a, b) => URGENCY[a.severity] - URGENCY[b.severity]);
}
