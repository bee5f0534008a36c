import { z } from 'zod';
import { channel } from './define';

/** The outbox at a glance: what is waiting, in flight or needs the manager (all profiles' documents). */
export const outboxStateSchema = z.object({
  /** Why sending is paused, or null while it runs. */
  paused: z.enum(['offline', 'manual', 'credentials', 'stopping']).nullable(),
  /** A sentence for the manager about the pause (or the last failure), or null. */
  message: z.string().nullable(),
  queued: z.number().int(),
  sending: z.number().int(),
  /** Submitted and waiting for Fiscal Harmony's result. */
  submitted: z.number().int(),
  needsFix: z.number().int(),
  needsAttention: z.number().int(),
  /** When the outbox will next try (ISO), or null when nothing waits. */
  nextAttemptAt: z.string().nullable(),
  /** Something the manager must know about the journal itself (e.g. an unreadable file moved aside). */
  journalNotice: z.string().nullable(),
});
export type OutboxState = z.infer<typeof outboxStateSchema>;

export const outboxChannels = {
  state: channel({
    input: z.undefined(),
    output: outboxStateSchema,
    description: 'Counts by state, whether sending is paused and why, and when the next try is.',
  }),
  pause: channel({
    input: z.undefined(),
    output: outboxStateSchema,
    description: 'Stop sending until resumed (documents stay queued; results are still fetched).',
  }),
  resume: channel({
    input: z.undefined(),
    output: outboxStateSchema,
    description: 'Start sending again after a pause.',
  }),
  retryNow: channel({
    input: z.undefined(),
    output: outboxStateSchema,
    description: 'Try every waiting document now instead of waiting for its next attempt.',
  }),
};
