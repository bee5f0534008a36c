import { join } from 'node:path';
import Conf from 'conf';
import { silentLogger, type Logger } from '../logging/logger';
import { recoverSettingsFile } from './settings-file';
import { settingsJsonSchema, settingsSchema } from './settings-store';

export const settingsFileName = 'settings.json';

/**
 * The settings file for browser mode and tests. electron-store is a subclass of this same
 * class (conf); the Electron glue opens electron-store with the same options instead.
 * The file is checked and repaired first (recoverSettingsFile), so conf never clears it.
 */
export function openConfSettings(directory: string, options: { logger?: Logger; clock?: () => Date } = {}): Conf<Record<string, unknown>> {
  recoverSettingsFile(join(directory, settingsFileName), {
    shape: settingsSchema.shape,
    logger: options.logger ?? silentLogger,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: 'settings',
    projectName: 'fiscal-desk',
    schema: settingsJsonSchema(),
    clearInvalidConfig: false,
  });
}
