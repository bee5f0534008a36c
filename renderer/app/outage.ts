import { useEffect, useState } from 'react';
import type { OutboxState } from '../../shared/contract/outbox';
import type { ReadinessVerdict } from '../../shared/contract/readiness';

/** Fiscal Harmony does not answer: the outbox is probing, or the last readiness check could not reach it. */
export interface Outage {
  training: boolean;
  /** When the outbox tries again (its next probe); null when it has nothing to try. */
  nextTryAt: string | null;
}

export function outageOf(verdict: ReadinessVerdict | undefined, outbox: OutboxState | undefined): Outage | null {
  const offline = outbox?.paused === 'offline';
  const unchecked = verdict?.reasons.some((reason) => reason.code === 'not-checked') === true;
  if (!offline && !unchecked) return null;
  return { training: verdict?.connection?.training === true, nextTryAt: offline ? (outbox?.nextAttemptAt ?? null) : null };
}

/** Whether the readiness verdict is only "the service did not answer" (nothing is known about fiscalisation). */
export function isUnanswered(verdict: ReadinessVerdict): boolean {
  return verdict.reasons.some((reason) => reason.code === 'not-checked');
}

/** Whole seconds until `at`, counted down once a second; null without a time. */
export function useSecondsUntil(at: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return undefined;
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [at]);
  if (at === null) return null;
  return Math.max(0, Math.ceil((Date.parse(at) - now) / 1_000));
}
