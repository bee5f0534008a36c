import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** Hosts the page may be addressed by; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The checks every bridge request passes: Host is ours (no DNS rebinding), Origin is ours (no
 * cross-site request), and the per-run token printed at start-up is present.
 */
export function checkBridgeRequest(request: IncomingMessage, options: { port: number; token: string }): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!allowedHosts(options.port).includes(host)) return { ok: false, status: 403, reason: 'foreign host' };
  const origin = request.headers.origin;
  if (origin === undefined || !allowedHosts(options.port).some((allowed) => origin === `http://${allowed}`)) {
    return { ok: false, status: 403, reason: 'foreign origin' };
  }
  const token = request.headers['x-fiscal-token'];
  if (typeof token !== 'string' || !sameToken(token, options.token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}
