import Conf from 'conf';
import { settingsJsonSchema } from './settings-store';

/**
 * The settings file for browser mode and tests. electron-store is a subclass of this same
 * class (conf); the Electron glue opens electron-store with the same options instead.
 */
export function openConfSettings(directory: string): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: 'settings',
    projectName: 'fiscal-desk',
    schema: settingsJsonSchema(),
    clearInvalidConfig: true,
  });
}
