import { Link } from 'react-router';
import type { ReadinessVerdict } from '../../shared/contract/readiness';
import { useReadiness } from '../api/use-readiness';
import { isUnanswered } from './outage';

export function readinessHeadline(verdict: ReadinessVerdict): string {
  // The service did not answer: nothing is known, so nothing is said to be ready.
  if (isUnanswered(verdict)) return 'No answer from Fiscal Harmony';
  switch (verdict.level) {
    case 'ready':
      return 'Ready to fiscalise';
    case 'warning':
      return 'Ready, with warnings';
    case 'blocked':
      return 'Fiscalisation blocked';
    case 'not-applicable':
      return 'fiskaly connection';
  }
}

/** The shell's compact readiness line, on every screen; it links to Home, where the reasons are. */
export function ReadinessIndicator() {
  const readiness = useReadiness();
  const verdict = readiness.data;
  const level = verdict?.level ?? (readiness.isError ? 'unknown' : 'checking');
  const text = verdict === undefined ? (readiness.isError ? 'Readiness not known' : 'Checking readiness…') : readinessHeadline(verdict);
  const count = verdict?.reasons.length ?? 0;
  return (
    <Link to="/home" className={`readiness-indicator readiness-indicator--${level}`} aria-label={`${text}${count > 0 ? `: ${count} ${count === 1 ? 'reason' : 'reasons'}` : ''}. Open Home for details`}>
      <span className="readiness-indicator__dot" aria-hidden="true" />
      <span className="readiness-indicator__text">{text}</span>
    </Link>
  );
}
