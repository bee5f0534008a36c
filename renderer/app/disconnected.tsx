import { useEffect, useRef, useSyncExternalStore } from 'react';
import { connectionLost, onConnectionLost, type ConnectionLost } from '../bridge/connection-lost';

/** Browser mode: whether this tab lost its Fiscal Desk (always null in the desktop app). */
export function useConnectionLost(): ConnectionLost {
  return useSyncExternalStore(onConnectionLost, connectionLost);
}

const WORDS: Record<Exclude<ConnectionLost, null>, string> = {
  stopped: 'Fiscal Desk stopped answering this tab: it was closed or restarted. Start it again if it is not running, then reload.',
  restarted: 'Fiscal Desk was restarted, so this tab\'s access token is no longer accepted.',
};

/**
 * One full page instead of every screen failing on its own, once the browser-mode server this tab
 * talked to is gone. Nothing typed is lost by reloading: drafts are saved in the journal.
 */
export function DisconnectedPage({ reason }: { reason: Exclude<ConnectionLost, null> }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Disconnected · Fiscal Desk';
    headingRef.current?.focus();
  }, []);
  return (
    <main className="not-connected" aria-labelledby="disconnected-title">
      <div className="not-connected__panel" role="alert">
        <h1 id="disconnected-title" ref={headingRef} tabIndex={-1}>
          Disconnected — reload
        </h1>
        <p>{WORDS[reason]}</p>
        <p>
          Each start prints a new address in its terminal, the line that begins with <code>http://127.0.0.1</code>: if reloading
          does not bring Fiscal Desk back, open that address.
        </p>
        <p>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </div>
    </main>
  );
}
