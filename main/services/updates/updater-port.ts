import type { UpdateChannel } from '../../../shared/contract/updates';

/** What the updater library reports, already reduced to what the controller needs. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string; releaseNotes: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number; transferredBytes: number; totalBytes: number }
  | { type: 'downloaded'; version: string; releaseNotes: string }
  | { type: 'error'; error: unknown };

/**
 * The updater library behind a small interface, so the controller knows nothing of Electron.
 * main/app/updater implements it over electron-updater; tests drive a fake.
 */
export interface UpdaterPort {
  /** Looks for an update on the current channel; the answer comes as events. */
  checkForUpdates(): Promise<void>;
  /** Downloads the update last reported `available`; progress and the end come as events. */
  downloadUpdate(): Promise<void>;
  /** Quits the app, installs the downloaded update and starts the new version. */
  quitAndInstall(): void;
  setChannel(channel: UpdateChannel): void;
  onEvent(listener: (event: UpdaterEvent) => void): () => void;
}

/** What a host hands to compose: a working updater, or the plain-language reason there is none. */
export type UpdaterHost = { kind: 'enabled'; port: UpdaterPort } | { kind: 'disabled'; reason: string };
