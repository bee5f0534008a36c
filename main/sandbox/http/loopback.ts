// Loopback checks for the admin route and for the addresses the sandbox may listen on.
import { isIPv4 } from 'node:net';

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const a = address.toLowerCase();
  if (a === '::1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
  return isIPv4(v4) && v4.startsWith('127.');
}

/** The Host header names this machine (defeats DNS rebinding of the admin route). */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name.toLowerCase() === 'localhost' || isLoopbackAddress(name);
}
