/** How long to wait before trying a document again: exponential with full jitter, capped. */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** `attempt` counts from 1 (the attempt that just failed). `random` is in [0, 1). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: number): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  // Half fixed, half random: never hammering together, never waiting less than half the step.
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/** When to ask for a submitted document's result: fast at first, slower later. */
export interface PollSchedule {
  /** Delays after submission for the first polls; the last one repeats. */
  stepsMs: readonly number[];
}

export const DEFAULT_POLLS: PollSchedule = { stepsMs: [1_500, 2_000, 3_000, 5_000, 10_000, 30_000, 60_000, 5 * 60_000, 15 * 60_000] };

/** Delay before poll number `polls + 1`. */
export function pollDelayMs(schedule: PollSchedule, polls: number): number {
  const steps = schedule.stepsMs;
  return steps[Math.min(polls, steps.length - 1)] ?? 60_000;
}
