import { Link } from 'react-router';
import type { ReadinessReason, ReadinessScreen } from '../../shared/contract/readiness';

const screenLabel: Record<ReadinessScreen, string> = {
  '/home': 'Home',
  '/account': 'Account',
  '/device': 'Fiscal device',
  '/mappings': 'Mappings',
  '/connections': 'Connections',
  '/settings': 'Settings',
};

/** "Open Mappings": where a reason is fixed. */
export function fixLinkLabel(screen: ReadinessScreen): string {
  return `Open ${screenLabel[screen]}`;
}

/** Each reason of a readiness verdict: what is wrong, what to do, and a link to where it is done. */
/** `currentPath`: the screen shown now, which needs no link to itself. */
export function ReadinessReasons(props: { reasons: readonly ReadinessReason[]; currentPath?: string }) {
  return (
    <ul className="readiness-reasons">
      {props.reasons.map((reason) => (
        <li key={reason.code} className={`readiness-reasons__item readiness-reasons__item--${reason.severity}`}>
          <span className="readiness-reasons__severity">{reason.severity === 'blocker' ? 'Blocks fiscalisation:' : 'Warning:'}</span>{' '}
          {reason.message} <span className="readiness-reasons__fix">{reason.fix}</span>
          {props.currentPath?.startsWith(reason.screen) === true ? null : (
            <>
              {' '}
              <Link to={reason.screen} className="readiness-reasons__link">
                {fixLinkLabel(reason.screen)}
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
