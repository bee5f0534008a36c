import { z } from 'zod';
import { channel } from './define';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the renderer runs: inside Electron, or in a browser against the loopback bridge. */
  runtime: z.enum(['electron', 'browser']),
  platform: z.string(),
  dataDirectory: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChannels = {
  info: channel({
    input: z.undefined(),
    output: appInfoSchema,
    description: 'Name, version and runtime of the app.',
  }),
  openExternal: channel({
    input: z.object({ url: z.string().max(2048) }),
    output: z.object({ opened: z.boolean() }),
    description: 'Open an allow-listed https URL in the system browser.',
  }),
};
