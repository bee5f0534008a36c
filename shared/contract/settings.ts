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
};
