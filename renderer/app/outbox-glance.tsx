import { Link } from 'react-router';
import './outbox-glance.css';
import { usePauseOutbox, useResumeOutbox, useOutboxState } from '../api/use-documents';
import { ActionButton } from '../components/action-button';
import type { OutboxState } from '../../shared/contract/outbox';

/** Holding back sending (a wrong mapping noticed, the till being closed) and letting it go again. */
function OutboxControl({ paused }: { paused: OutboxState['paused'] }) {
  const pause = usePauseOutbox();
  const resume = useResumeOutbox();
  // Stopping (the app is closing) or held for credentials (fixed on Connections): nothing to press.
  // Offline: the outage banner at the top says so once, with its Try now.
  if (paused === 'stopping' || paused === 'credentials' || paused === 'offline') return null;
  const [mutation, label] = paused === 'manual' ? [resume, 'Resume sending'] : [pause, 'Pause sending'];
  return <ActionButton action={mutation} label={label} className="button outbox-glance__action" />;
}

/** The outbox at a glance, on every screen: what waits, what is in flight, what needs the manager. */
export function OutboxGlance() {
  const outbox = useOutboxState();
  if (outbox.isError) {
    return (
      <section className="outbox-glance" aria-label="Outbox">
        <h2 className="outbox-glance__title">Outbox</h2>
        <p className="outbox-glance__note">Not available: {outbox.error.message}</p>
      </section>
    );
  }
  const state = outbox.data;
  const attention = state === undefined ? 0 : state.needsFix + state.needsAttention;
  const rows: Array<{ label: string; count: number | undefined; to: string; alert?: boolean }> = [
    { label: 'Queued', count: state?.queued, to: '/documents?state=queued' },
    { label: 'Sending', count: state?.sending, to: '/documents?state=sending' },
    { label: 'Waiting for result', count: state?.submitted, to: '/documents?state=submitted' },
    { label: 'Needs attention', count: state === undefined ? undefined : attention, to: '/documents?state=needs-fix&state=needs-attention', alert: true },
  ];
  return (
    <section className="outbox-glance" aria-label="Outbox">
      <h2 className="outbox-glance__title">Outbox</h2>
      <ul className="outbox-glance__list">
        {rows.map((row) => (
          <li key={row.label}>
            <Link to={row.to} className={`outbox-glance__link${row.alert === true && (row.count ?? 0) > 0 ? ' outbox-glance__link--alert' : ''}`}>
              <span>{row.label}</span>
              <span className="outbox-glance__count" data-testid={`outbox-${row.label.toLowerCase().replace(/ /g, '-')}`}>
                {row.count ?? '…'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {state?.paused === null || state === undefined || state.paused === 'offline' ? null : <p className="outbox-glance__note">Paused: {state.message ?? state.paused}</p>}
      {state === undefined ? null : <OutboxControl paused={state.paused} />}
      {state === undefined || state.journalNotice === null ? null : (
        <p className="outbox-glance__note outbox-glance__note--alert" role="alert">
          {state.journalNotice}
        </p>
      )}
    </section>
  );
}
