import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import type { UpdaterEvent } from '../../services/updates/updater-port';
import { createElectronUpdaterPort, type ElectronUpdater } from './electron-updater-port';

/** Just enough of electron-updater's AppUpdater: its settings, its events, its three actions. */
class FakeAppUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  allowPrerelease = false;
  allowDowngrade = false;
  fullChangelog = true;
  channel: string | null = null;
  logger: unknown = console;
  checkResult: unknown = { isUpdateAvailable: false };
  readonly calls: unknown[][] = [];

  checkForUpdates() {
    this.calls.push(['checkForUpdates']);
    return Promise.resolve(this.checkResult);
  }
  downloadUpdate() {
    this.calls.push(['downloadUpdate']);
    return Promise.resolve(['/tmp/update.exe']);
  }
  quitAndInstall(...args: unknown[]) {
    this.calls.push(['quitAndInstall', ...args]);
  }
}

function setup() {
  const fake = new FakeAppUpdater();
  const port = createElectronUpdaterPort(fake as unknown as ElectronUpdater, silentLogger);
  const events: UpdaterEvent[] = [];
  port.onEvent((event) => events.push(event));
  return { fake, port, events };
}

describe('the electron-updater adapter', () => {
  it('leaves downloading to the controller and installs a downloaded update on quit', () => {
    const { fake } = setup();
    expect(fake.autoDownload).toBe(false);
    expect(fake.autoInstallOnAppQuit).toBe(true);
    expect(fake.logger).not.toBe(console);
  });

  it('maps the Settings channel onto channel, pre-releases and no downgrade', () => {
    const { fake, port } = setup();
    port.setChannel('beta');
    expect([fake.channel, fake.allowPrerelease, fake.allowDowngrade]).toEqual(['beta', true, false]);
    fake.allowDowngrade = true; // what electron-updater's channel setter does
    port.setChannel('latest');
    expect([fake.channel, fake.allowPrerelease, fake.allowDowngrade]).toEqual(['latest', false, false]);
  });

  it('turns electron-updater events into controller events, with release notes as text', () => {
    const { fake, events } = setup();
    fake.emit('checking-for-update');
    fake.emit('update-available', { version: '1.3.0', releaseNotes: '<p>Faster <b>search</b></p>', files: [], releaseDate: '' });
    fake.emit('download-progress', { percent: 12.5, transferred: 125, total: 1000, delta: 1, bytesPerSecond: 10 });
    fake.emit('update-downloaded', { version: '1.3.0', releaseNotes: null, files: [], releaseDate: '', downloadedFile: '/tmp/x' });
    fake.emit('update-not-available', { version: '1.2.0' });
    const failure = new Error('boom');
    fake.emit('error', failure);
    expect(events).toEqual([
      { type: 'checking' },
      { type: 'available', version: '1.3.0', releaseNotes: 'Faster search' },
      { type: 'progress', percent: 12.5, transferredBytes: 125, totalBytes: 1000 },
      { type: 'downloaded', version: '1.3.0', releaseNotes: '' },
      { type: 'not-available' },
      { type: 'error', error: failure },
    ]);
  });

  it('restarts silently into the new version', () => {
    const { fake, port } = setup();
    port.quitAndInstall();
    expect(fake.calls).toEqual([['quitAndInstall', true, true]]);
  });

  it('treats a check electron-updater silently skips as a failure instead of waiting forever', async () => {
    const { fake, port } = setup();
    await expect(port.checkForUpdates()).resolves.toBeUndefined();
    fake.checkResult = null;
    await expect(port.checkForUpdates()).rejects.toThrow(/not active/);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const { fake, port } = setup();
    const seen: UpdaterEvent[] = [];
    const stop = port.onEvent((event) => seen.push(event));
    stop();
    fake.emit('checking-for-update');
    expect(seen).toEqual([]);
  });
});
