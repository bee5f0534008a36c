import { z } from 'zod';
import { channel } from './define';
import { entryTaxCodeSchema } from './entry';

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

/**
 * The shop's standard rate on the active connection: the tax code every new invoice line starts
 * with. Null until the manager chooses one; new lines then start without a tax code and each
 * line's tax must be chosen (never a silent Exempt).
 */
export const standardRateSchema = z.object({
  taxCode: z.string().nullable(),
  /** What the device's taxes suggest: the mapped code of its highest VAT rate (null: nothing mapped). */
  proposed: z.string().nullable(),
  /** The mapped tax codes to choose from. */
  choices: z.array(entryTaxCodeSchema),
});
export type StandardRate = z.infer<typeof standardRateSchema>;

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
  standardRate: channel({
    input: z.undefined(),
    output: standardRateSchema,
    description: 'The standard rate of the active connection (the tax code new lines start with), with the one its fiscal device suggests.',
  }),
  setStandardRate: channel({
    input: z.object({ taxCode: z.string().trim().min(1).max(40).nullable() }).strict(),
    output: standardRateSchema,
    description: 'Choose the standard rate of the active connection (null: none, each line\'s tax is chosen on the line).',
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
