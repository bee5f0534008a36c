import { event } from './define';
import { userSettingsSchema } from './settings';

/** Events main pushes to the renderer; the renderer invalidates queries when they arrive. */
export const eventSpecs = {
  'settings:changed': event({
    payload: userSettingsSchema,
    description: 'The user settings changed (in this or another window).',
  }),
};
