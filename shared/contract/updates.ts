import { z } from 'zod';
import { channel } from './define';
import { updateChannelSchema } from './settings';

export type UpdateChannel = z.infer<typeof updateChannelSchema>;

const version = z.string().min(1).max(100);
/** Plain text (never HTML): main turns whatever the feed holds into text before it crosses IPC. */
const releaseNotes = z.string().max(20_000);

/** Where the updater is. One state at a time; the Settings screen shows exactly this. */
export const updatePhaseSchema = z.discriminatedUnion('kind', [
  /** This run cannot update itself (browser mode, development, a build without a feed). */
  z.object({ kind: z.literal('disabled'), reason: z.string() }),
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('up-to-date') }),
  z.object({ kind: z.literal('available'), version, releaseNotes }),
  z.object({
    kind: z.literal('downloading'),
    version,
    releaseNotes,
    percent: z.number().min(0).max(100),
    transferredBytes: z.number().nonnegative(),
    totalBytes: z.number().nonnegative(),
  }),
  z.object({
    kind: z.literal('downloaded'),
    version,
    releaseNotes,
    /** The user asked to restart; it happens as soon as no work is in progress. */
    restartRequested: z.boolean(),
  }),
  /** Written for a shop manager; the details are in the log file. */
  z.object({ kind: z.literal('error'), message: z.string() }),
]);
export type UpdatePhase = z.infer<typeof updatePhaseSchema>;

export const updateStatusSchema = z.object({
  currentVersion: version,
  channel: updateChannelSchema,
  /** When the last check finished (ISO 8601), or null if none has yet. */
  lastCheckedAt: z.string().nullable(),
  /** Work in progress that a restart would interrupt, in plain words ("Sending 3 documents"). */
  busyReasons: z.array(z.string()),
  phase: updatePhaseSchema,
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const restartOutcomeSchema = z.object({
  /** `restarting`: the app quits now to install. `waiting`: it will once the work below is done. */
  outcome: z.enum(['restarting', 'waiting']),
  waitingFor: z.array(z.string()),
});
export type RestartOutcome = z.infer<typeof restartOutcomeSchema>;

export const updatesChannels = {
  status: channel({
    input: z.undefined(),
    output: updateStatusSchema,
    description: 'Where the updater is: current version, channel, and the update found or downloaded.',
  }),
  check: channel({
    input: z.undefined(),
    output: updateStatusSchema,
    description: 'Check for an update now (a found update downloads by itself); progress comes as update:status events.',
  }),
  restart: channel({
    input: z.undefined(),
    output: restartOutcomeSchema,
    description: 'Restart to install the downloaded update, now or as soon as no work is in progress.',
  }),
  cancelRestart: channel({
    input: z.undefined(),
    output: updateStatusSchema,
    description: 'Withdraw a restart that is waiting for work in progress to finish.',
  }),
};
