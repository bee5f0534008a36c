/**
 * Browser mode: whether this tab lost the Fiscal Desk it was talking to (the server stopped, or
 * restarted with a new access token). Reported by the bridge, shown by the shell as one page.
 */
export type ConnectionLost = 'stopped' | 'restarted' | null;

let lost: ConnectionLost = null;
const listeners = new Set<() => void>();

export function reportConnectionLost(reason: Exclude<ConnectionLost, null>): void {
  // A refused token says more than a refused connection: it is kept.
  if (lost === reason || lost === 'restarted') return;
  lost = reason;
  for (const listener of listeners) listener();
}

export const connectionLost = (): ConnectionLost => lost;

export function onConnectionLost(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
