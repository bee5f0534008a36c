import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../../logging/logger';
import type { UpdaterHost } from '../../services/updates/updater-port';
import { createElectronUpdaterPort } from './electron-updater-port';

export const updaterDisabledReasons = {
  testRun: 'Updates are turned off in test runs.',
  turnedOff: 'Updates are turned off on this computer (FISCAL_DESK_DISABLE_UPDATES). Your IT support installs new versions.',
  development:
    'This is a development copy of Fiscal Desk, which has no update feed. Installed copies check for updates by themselves.',
  noFeed: 'This copy of Fiscal Desk was built without an update feed, so it cannot update itself. Ask your supplier for the latest installer.',
  inactive:
    'This copy of Fiscal Desk cannot update itself where it is installed (on Linux only the AppImage and the .deb package update). Ask your supplier for the latest installer.',
};

/**
 * The updater for this run: electron-updater in an installed copy with a feed, otherwise the
 * plain-language reason there is none (development and training-only runs have no feed).
 */
export function createUpdaterHost(options: { logger: Logger; isTestRun: boolean }): UpdaterHost {
  const disabled = (reason: string): UpdaterHost => {
    options.logger.info('Updates disabled', { reason });
    return { kind: 'disabled', reason };
  };
  if (options.isTestRun) return disabled(updaterDisabledReasons.testRun);
  if (process.env.FISCAL_DESK_DISABLE_UPDATES === '1') return disabled(updaterDisabledReasons.turnedOff);
  if (!app.isPackaged) return disabled(updaterDisabledReasons.development);
  // electron-builder writes app-update.yml only when the build names a feed.
  if (!existsSync(join(process.resourcesPath, 'app-update.yml'))) return disabled(updaterDisabledReasons.noFeed);
  const { autoUpdater } = electronUpdater;
  if (!autoUpdater.isUpdaterActive()) return disabled(updaterDisabledReasons.inactive);
  return { kind: 'enabled', port: createElectronUpdaterPort(autoUpdater, options.logger) };
}
