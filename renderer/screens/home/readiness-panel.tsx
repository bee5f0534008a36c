import type { ReadinessVerdict } from '../../../shared/contract/readiness';
import { useReadiness, useRecheckReadiness } from '../../api/use-readiness';
import { readinessHeadline } from '../../app/readiness-indicator';
import { isUnanswered } from '../../app/outage';
import { formatDateTime } from '../../components/format';
import { ReadinessReasons } from '../../components/readiness-reasons';
import { ErrorPanel, Loading } from '../../components/states';

const noticeClass: Record<ReadinessVerdict['level'], string> = {
  ready: 'notice--success',
  warning: 'notice--warning',
  blocked: 'notice--error',
  'not-applicable': 'notice--info',
};

function summary(verdict: ReadinessVerdict): string {
  const name = verdict.connection === null ? '' : ` on "${verdict.connection.name}"`;
  if (isUnanswered(verdict)) {
    return `Fiscal Desk cannot tell whether documents sent${name} will be fiscalised while the service does not answer; they wait safely in the outbox meanwhile.`;
  }
  switch (verdict.level) {
    case 'ready':
      return `Documents sent${name} will be fiscalised: the device, billing, certificate and mappings are in order.`;
    case 'warning':
      return `Documents sent${name} are fiscalised, but something needs your attention.`;
    case 'blocked':
      return `Documents sent${name} will not be fiscalised until the following is fixed.`;
    case 'not-applicable':
      return `${verdict.connection?.name ?? 'The active connection'} is a fiskaly connection: Fiscal Harmony's device, billing and mappings do not apply to it. Its sign-in state is shown in Connections.`;
  }
}

/** Home's readiness: the verdict in words, every reason with its fix, and "Check again". */
export function ReadinessPanel() {
  const readiness = useReadiness();
  const recheck = useRecheckReadiness();
  if (readiness.isPending) return <Loading what="readiness" />;
  if (readiness.isError) return <ErrorPanel error={readiness.error} onRetry={() => void readiness.refetch()} title="Readiness could not be checked" />;
  const verdict = readiness.data;
  const shown = verdict.reasons.filter((reason) => reason.code !== 'not-checked');
  return (
    <section className={`notice ${isUnanswered(verdict) ? 'notice--info' : noticeClass[verdict.level]} readiness-panel`} aria-labelledby="readiness-title">
      <h2 className="notice__title" id="readiness-title">
        {readinessHeadline(verdict)}
      </h2>
      <p>{summary(verdict)}</p>
      {/* "Not answering" is the banner's, with its Try now: said once. */}
      {shown.length === 0 ? null : <ReadinessReasons reasons={shown} />}
      <div className="button-row">
        <button type="button" className="button" onClick={() => recheck.mutate()} disabled={recheck.isPending}>
          {recheck.isPending ? 'Checking…' : 'Check again'}
        </button>
        <span className="readiness-panel__time">Checked {formatDateTime(verdict.checkedAt)}</span>
      </div>
      {recheck.isError ? <ErrorPanel error={recheck.error} title="Readiness could not be checked" /> : null}
    </section>
  );
}
