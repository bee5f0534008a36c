import { z } from 'zod';
import { channel } from './define';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const updateChannelSchema = z.enum(['latest', 'beta']);

/** The settings the renderer may see and change (window state is main's own business). */
export const userSettingsSchema = z.object({
  theme: themeSchema,
  updateChannel: updateChannelSchema,
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

/**
 * The settings file could not be read as it was: what was done about it, and where the old file
 * is kept. Shown to the manager until dismissed.
 */
export const settingsRecoveryNoticeSchema = z.object({
  happenedAt: z.string(),
  /** The old file, kept beside the new one, untouched. */
  keptFileAt: z.string(),
  /** What was lost or reset, in plain words. */
  problems: z.array(z.string()),
});
export type SettingsRecoveryNotice = z.infer<typeof settingsRecoveryNoticeSchema>;

export const settingsChannels = {
  get: channel({
    input: z.undefined(),
    output: userSettingsSchema,
    description: 'Read the user settings.',
  }),
  set: channel({
    input: userSettingsSchema.partial().strict(),
    output: userSettingsSchema,
    description: 'Change some user settings; answers the settings as saved.',
  }),
  recoveryNotices: channel({
    input: z.undefined(),
    output: z.object({ notices: z.array(settingsRecoveryNoticeSchema) }),
    description: 'What was repaired in a settings file that could not be read, and where the old file is kept.',
  }),
  dismissRecoveryNotices: channel({
    input: z.undefined(),
    output: z.object({ notices: z.array(settingsRecoveryNoticeSchema) }),
    description: 'The manager has read the recovery notices: stop showing them (the old files stay).',
  }),
};
