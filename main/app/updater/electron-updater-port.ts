import type { AppUpdater } from 'electron-updater';
import type { UpdateChannel } from '../../../shared/contract/updates';
import type { Logger } from '../../logging/logger';
import { releaseNotesToText } from '../../services/updates/release-notes';
import type { UpdaterEvent, UpdaterPort } from '../../services/updates/updater-port';

/** The part of electron-updater's AppUpdater this adapter uses. */
export type ElectronUpdater = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowPrerelease'
  | 'allowDowngrade'
  | 'fullChangelog'
  | 'channel'
  | 'logger'
  | 'on'
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
>;

const text = (message: unknown): string => (message instanceof Error ? message.message : String(message)).slice(0, 2000);

/** electron-updater behind the UpdaterPort the (Electron-free) UpdateController drives. */
export function createElectronUpdaterPort(updater: ElectronUpdater, logger: Logger): UpdaterPort {
  // The controller decides when to download; a downloaded update also installs when the user quits.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
  updater.fullChangelog = false;
  updater.logger = {
    info: (message?: unknown) => logger.info('Updater', { message: text(message) }),
    warn: (message?: unknown) => logger.warn('Updater', { message: text(message) }),
    // Failures reach the controller as events too; it decides how loud they are.
    error: (message?: unknown) => logger.warn('Updater error', { message: text(message) }),
    debug: (message: string) => logger.debug('Updater', { message: text(message) }),
  };

  const listeners = new Set<(event: UpdaterEvent) => void>();
  const emit = (event: UpdaterEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  updater.on('checking-for-update', () => emit({ type: 'checking' }));
  updater.on('update-available', (info) => emit({ type: 'available', version: info.version, releaseNotes: releaseNotesToText(info.releaseNotes) }));
  updater.on('update-not-available', () => emit({ type: 'not-available' }));
  updater.on('download-progress', (progress) =>
    emit({ type: 'progress', percent: progress.percent, transferredBytes: progress.transferred, totalBytes: progress.total }),
  );
  updater.on('update-downloaded', (info) => emit({ type: 'downloaded', version: info.version, releaseNotes: releaseNotesToText(info.releaseNotes) }));
  updater.on('error', (error) => emit({ type: 'error', error }));

  return {
    async checkForUpdates() {
      const result = await updater.checkForUpdates();
      // null: electron-updater considers itself inactive and said nothing; do not leave the check hanging.
      if (result === null) throw new Error('electron-updater is not active in this copy of the app');
    },
    async downloadUpdate() {
      await updater.downloadUpdate();
    },
    quitAndInstall() {
      // Silent (no installer wizard on Windows), then start the new version.
      updater.quitAndInstall(true, true);
    },
    setChannel(channel: UpdateChannel) {
      // latest -> latest.yml, beta -> beta.yml (a stable release writes beta.yml too).
      updater.channel = channel;
      // GitHub releases: the beta channel also sees pre-releases.
      updater.allowPrerelease = channel === 'beta';
      // Setting the channel allows downgrades; going back to stable waits for the next stable instead.
      updater.allowDowngrade = false;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
