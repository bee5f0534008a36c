import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who holds a document's lease: this machine, this process and this outbox instance. A lease
 * normally ends when it expires; a lease whose owner process is known to be gone (the app was
 * killed) is free at once, so a restart resumes without waiting.
 */
const liveInstances = new Set<string>();

export interface LeaseOwner {
  readonly id: string;
  release(): void;
}

export function newLeaseOwner(): LeaseOwner {
  const instance = randomUUID();
  const id = `${hostname()}/${process.pid}/${instance}`;
  liveInstances.add(instance);
  return { id, release: () => liveInstances.delete(instance) };
}

/** False only when the owner certainly no longer runs; unknown owners count as alive. */
export function isLeaseOwnerAlive(owner: string): boolean {
  const [host, pidText, instance] = owner.split('/');
  if (host !== hostname() || pidText === undefined || instance === undefined) return true;
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return liveInstances.has(instance);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
