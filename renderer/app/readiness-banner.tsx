import { useLocation } from 'react-router';
import { useReadiness } from '../api/use-readiness';
import { ReadinessReasons } from '../components/readiness-reasons';

/** Said on every screen while something blocks fiscalisation (Home lists the reasons itself). */
export function ReadinessBanner() {
  const readiness = useReadiness();
  const location = useLocation();
  const verdict = readiness.data;
  if (verdict?.level !== 'blocked' || location.pathname.startsWith('/home')) return null;
  const blockers = verdict.reasons.filter((reason) => reason.severity === 'blocker');
  return (
    <section className="notice notice--error readiness-banner" aria-label="Fiscalisation blocked">
      <h2 className="notice__title">Documents will not be fiscalised{verdict.connection === null ? '' : ` on "${verdict.connection.name}"`}</h2>
      <ReadinessReasons reasons={blockers} currentPath={location.pathname} />
    </section>
  );
}
