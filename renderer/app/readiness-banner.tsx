import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useOutboxState, useRetryOutboxNow } from '../api/use-documents';
import { useReadiness, useRecheckReadiness } from '../api/use-readiness';
import { messageOf } from '../api/unwrap';
import { ReadinessReasons } from '../components/readiness-reasons';
import { outageOf, useSecondsUntil, type Outage } from './outage';

/**
 * Said on every screen: while Fiscal Harmony does not answer, the one outage banner; otherwise,
 * while something blocks fiscalisation, the blockers (Home lists the reasons itself).
 */
export function ReadinessBanner() {
  const readiness = useReadiness();
  const outbox = useOutboxState();
  const location = useLocation();
  const verdict = readiness.data;
  const outage = outageOf(verdict, outbox.data);
  if (outage !== null) return <OutageBanner outage={outage} />;
  if (verdict?.level !== 'blocked' || location.pathname.startsWith('/home')) return null;
  const blockers = verdict.reasons.filter((reason) => reason.severity === 'blocker');
  return (
    <section className="notice notice--error readiness-banner" aria-label="Fiscalisation blocked">
      <h2 className="notice__title">Documents will not be fiscalised{verdict.connection === null ? '' : ` on "${verdict.connection.name}"`}</h2>
      <ReadinessReasons reasons={blockers} currentPath={location.pathname} />
    </section>
  );
}

/** "Fiscal Harmony isn't answering — retrying in N s [Try now]": N is the outbox's next probe; Try now probes and checks again at once. */
function OutageBanner({ outage }: { outage: Outage }) {
  const retry = useRetryOutboxNow();
  const recheck = useRecheckReadiness();
  const { refetch } = useOutboxState();
  const seconds = useSecondsUntil(outage.nextTryAt);
  const due = seconds === 0;
  // The probe's time has come: read when the next one is (the outbox does not announce a new time alone).
  useEffect(() => {
    if (!due) return undefined;
    const timer = setInterval(() => void refetch(), 2_000);
    return () => clearInterval(timer);
  }, [due, refetch]);
  const pending = retry.isPending || recheck.isPending;
  const failed = retry.error ?? null;
  return (
    <section className="notice notice--warning readiness-banner" aria-labelledby="outage-title">
      <h2 className="notice__title" id="outage-title">
        Fiscal Harmony isn&rsquo;t answering
        {seconds === null ? '' : due ? ' — trying again now' : ` — retrying in ${seconds} s`}
      </h2>
      <p>
        {outage.training
          ? 'The training service on this computer isn\u2019t answering. Nothing is lost: documents wait safely in the outbox and are sent when it answers. If this lasts, restart Fiscal Desk.'
          : 'Nothing is lost: documents wait safely in the outbox and are sent when it answers. If this lasts, check this computer\u2019s internet connection.'}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => {
            retry.mutate();
            recheck.mutate();
          }}
        >
          {pending ? 'Trying…' : 'Try now'}
        </button>
      </div>
      {failed === null ? null : (
        <p role="alert" className="field__error">
          {messageOf(failed)}
        </p>
      )}
    </section>
  );
}
