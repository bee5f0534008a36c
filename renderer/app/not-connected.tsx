import { useEffect, useRef } from 'react';
import { FiscalCallError } from '../api/unwrap';

/** True when this browser tab has no valid browser-mode token (or lost it): nothing can be shown. */
export function isNotConnected(error: unknown): boolean {
  return error instanceof FiscalCallError && error.code === 'FORBIDDEN_SENDER';
}

/**
 * Browser mode with a stale or missing token: one full page saying what happened and how to get
 * back, instead of every screen failing on its own.
 */
export function NotConnectedPage(props: { message: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Not connected · Fiscal Desk';
    headingRef.current?.focus();
  }, []);
  return (
    <main className="not-connected" aria-labelledby="not-connected-title">
      <div className="not-connected__panel" role="alert">
        <h1 id="not-connected-title" ref={headingRef} tabIndex={-1}>
          Not connected to Fiscal Desk
        </h1>
        <p>{props.message}</p>
        <p>
          Fiscal Desk prints a new address, with a new access token, each time it starts: the line in its terminal that begins with{' '}
          <code>http://127.0.0.1</code>. Open that address in this browser.
        </p>
        <p>If Fiscal Desk is no longer running there, start it again with the same command.</p>
      </div>
    </main>
  );
}
