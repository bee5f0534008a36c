// Loopback checks for the admin route and for the addresses the sandbox may listen on.

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const a = address.toLowerCase();
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
}

/** The Host header names this machine (defeats DNS rebinding of the admin route). */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name === 'localhost' || isLoopbackAddress(name);
}
