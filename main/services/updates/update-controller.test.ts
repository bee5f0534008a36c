import { describe, expect, it } from 'vitest';
import type { UpdateChannel, UpdateStatus } from '../../../shared/contract/updates';
import { updateStatusSchema } from '../../../shared/contract/updates';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import { BusyRegistry } from './busy-registry';
import { FakeUpdaterPort, ManualScheduler } from './test-support';
import { defaultCheckEveryMs, restartDelayMs, UpdateController } from './update-controller';
import type { UpdaterHost } from './updater-port';

const hour = 60 * 60 * 1000;
const firstCheckAfterMs = 5_000;

function recordingLogger() {
  const lines: { level: string; message: string; meta?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => void lines.push({ level, message, ...(meta === undefined ? {} : { meta }) });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

function setup(options: { host?: UpdaterHost; channel?: UpdateChannel } = {}) {
  const port = new FakeUpdaterPort();
  const scheduler = new ManualScheduler();
  const busy = new BusyRegistry();
  const { logger, lines } = recordingLogger();
  const statuses: UpdateStatus[] = [];
  let channel: UpdateChannel = options.channel ?? 'latest';
  const controller = new UpdateController({
    host: options.host ?? { kind: 'enabled', port },
    busy,
    currentVersion: '1.2.0',
    channel: () => channel,
    logger,
    onStatus: (status) => statuses.push(updateStatusSchema.parse(status)),
    scheduler,
    now: () => new Date('2025-03-01T08:00:00.000Z'),
    firstCheckAfterMs,
  });
  return {
    port,
    scheduler,
    busy,
    lines,
    statuses,
    controller,
    phases: () => statuses.map((status) => status.phase.kind),
    setChannel: (next: UpdateChannel) => {
      channel = next;
    },
  };
}

/** Lets promise callbacks (rejections from the port) run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function downloadedUpdate(t: ReturnType<typeof setup>) {
  t.controller.checkNow();
  t.port.emit({ type: 'available', version: '1.3.0', releaseNotes: 'Faster history search.' });
  t.port.emit({ type: 'downloaded', version: '1.3.0', releaseNotes: 'Faster history search.' });
}

describe('UpdateController', () => {
  describe('disabled (browser mode, development, no feed)', () => {
    const reason = 'Updates are handled by the installed desktop app.';

    it('says why and never schedules or checks', () => {
      const t = setup({ host: { kind: 'disabled', reason } });
      expect(t.controller.status()).toEqual({
        currentVersion: '1.2.0',
        channel: 'latest',
        lastCheckedAt: null,
        busyReasons: [],
        phase: { kind: 'disabled', reason },
      });
      t.controller.start();
      expect(t.scheduler.pending).toBe(0);
      expect(t.port.calls).toEqual([]);
    });

    it('refuses check and restart with the plain reason', () => {
      const t = setup({ host: { kind: 'disabled', reason } });
      expect(() => t.controller.checkNow()).toThrow(reason);
      try {
        t.controller.restart();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('NOT_ALLOWED');
      }
    });
  });

  describe('schedule', () => {
    it('checks shortly after start, then every few hours, on the channel chosen in Settings', () => {
      const t = setup({ channel: 'beta' });
      t.controller.start();
      t.controller.start(); // a second window showing does not double the schedule
      expect(t.port.calls).toEqual([]);
      t.scheduler.advance(firstCheckAfterMs);
      expect(t.port.calls).toEqual(['check:beta']);
      t.port.emit({ type: 'not-available' });
      // Every few hours from the start.
      t.scheduler.advance(defaultCheckEveryMs - firstCheckAfterMs - 1);
      expect(t.port.calls).toEqual(['check:beta']);
      t.scheduler.advance(1);
      expect(t.port.calls).toEqual(['check:beta', 'check:beta']);
      expect(defaultCheckEveryMs).toBeGreaterThanOrEqual(2 * hour);
      expect(defaultCheckEveryMs).toBeLessThanOrEqual(6 * hour);
    });

    it('stops its timers and listeners when disposed', () => {
      const t = setup();
      t.controller.start();
      expect(t.scheduler.pending).toBe(2);
      t.controller.dispose();
      expect(t.scheduler.pending).toBe(0);
      expect(t.port.listenerCount).toBe(0);
    });
  });

  it('no update: checking, then up to date, with the time of the check', () => {
    const t = setup();
    const answer = t.controller.checkNow();
    expect(answer.phase).toEqual({ kind: 'checking' });
    t.port.emit({ type: 'checking' });
    t.port.emit({ type: 'not-available' });
    expect(t.phases()).toEqual(['checking', 'up-to-date']);
    expect(t.controller.status().lastCheckedAt).toBe('2025-03-01T08:00:00.000Z');
  });

  it('update found: downloads it, reports progress, then offers the restart with the release notes', () => {
    const t = setup();
    t.controller.checkNow();
    t.port.emit({ type: 'available', version: '1.3.0', releaseNotes: 'Faster history search.' });
    expect(t.port.calls).toEqual(['check:latest', 'download']);
    t.port.emit({ type: 'progress', percent: 42.5, transferredBytes: 42_500, totalBytes: 100_000 });
    expect(t.controller.status().phase).toEqual({
      kind: 'downloading',
      version: '1.3.0',
      releaseNotes: 'Faster history search.',
      percent: 42.5,
      transferredBytes: 42_500,
      totalBytes: 100_000,
    });
    t.port.emit({ type: 'progress', percent: 100.4, transferredBytes: 100_000, totalBytes: 100_000 });
    expect(t.controller.status().phase).toMatchObject({ kind: 'downloading', percent: 100 });
    t.port.emit({ type: 'downloaded', version: '1.3.0', releaseNotes: 'Faster history search.' });
    expect(t.phases()).toEqual(['checking', 'available', 'downloading', 'downloading', 'downloaded']);
    expect(t.controller.status().phase).toEqual({ kind: 'downloaded', version: '1.3.0', releaseNotes: 'Faster history search.', restartRequested: false });
  });

  it('does not check again while downloading or once an update waits for its restart', () => {
    const t = setup();
    t.controller.start();
    t.scheduler.advance(firstCheckAfterMs);
    t.port.emit({ type: 'available', version: '1.3.0', releaseNotes: '' });
    t.port.emit({ type: 'progress', percent: 10, transferredBytes: 1, totalBytes: 10 });
    t.controller.checkNow();
    t.scheduler.advance(defaultCheckEveryMs);
    t.port.emit({ type: 'downloaded', version: '1.3.0', releaseNotes: '' });
    t.scheduler.advance(defaultCheckEveryMs);
    t.controller.checkNow();
    expect(t.port.calls).toEqual(['check:latest', 'download']);
  });

  it('ignores progress that belongs to no download', () => {
    const t = setup();
    t.port.emit({ type: 'progress', percent: 50, transferredBytes: 5, totalBytes: 10 });
    expect(t.controller.status().phase).toEqual({ kind: 'idle' });
    expect(t.statuses).toEqual([]);
  });

  describe('errors', () => {
    it('a failed check is logged with its details once and shown quietly in plain words', async () => {
      const t = setup();
      t.port.checkFailure = new Error('net::ERR_NAME_NOT_RESOLVED https://updates.example/latest.yml');
      t.controller.checkNow();
      // electron-updater emits `error` and also rejects the promise.
      t.port.emit({ type: 'error', error: t.port.checkFailure });
      await settle();
      const phase = t.controller.status().phase;
      expect(phase.kind).toBe('error');
      expect(phase.kind === 'error' ? phase.message : '').toMatch(/could not check for updates/);
      expect(phase.kind === 'error' ? phase.message : '').not.toContain('ERR_NAME_NOT_RESOLVED');
      const warnings = t.lines.filter((line) => line.level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.meta?.detail).toContain('ERR_NAME_NOT_RESOLVED');
      expect(t.lines.some((line) => line.level === 'error')).toBe(false);
    });

    it('a rejection alone (no event) is reported too', async () => {
      const t = setup();
      t.port.checkFailure = new Error('timeout');
      t.controller.checkNow();
      await settle();
      expect(t.controller.status().phase.kind).toBe('error');
    });

    it('the next scheduled check tries again and can succeed', async () => {
      const t = setup();
      t.controller.start();
      t.port.checkFailure = new Error('offline');
      t.scheduler.advance(firstCheckAfterMs);
      await settle();
      expect(t.controller.status().phase.kind).toBe('error');
      t.port.checkFailure = undefined;
      t.scheduler.advance(defaultCheckEveryMs);
      t.port.emit({ type: 'not-available' });
      expect(t.controller.status().phase).toEqual({ kind: 'up-to-date' });
    });

    it('a failed download says so', async () => {
      const t = setup();
      t.port.downloadFailure = new Error('sha512 checksum mismatch');
      t.controller.checkNow();
      t.port.emit({ type: 'available', version: '1.3.0', releaseNotes: '' });
      t.port.emit({ type: 'progress', percent: 99, transferredBytes: 99, totalBytes: 100 });
      t.port.emit({ type: 'error', error: t.port.downloadFailure });
      await settle();
      const phase = t.controller.status().phase;
      expect(phase.kind === 'error' ? phase.message : '').toMatch(/could not be downloaded/);
    });
  });

  describe('restart to update', () => {
    it('refuses when nothing is downloaded', () => {
      const t = setup();
      expect(() => t.controller.restart()).toThrow(/no downloaded update/);
    });

    it('restarts at once when no work is in progress (after the answer reaches the window)', () => {
      const t = setup();
      downloadedUpdate(t);
      expect(t.controller.restart()).toEqual({ outcome: 'restarting', waitingFor: [] });
      expect(t.port.calls).not.toContain('quitAndInstall');
      t.scheduler.advance(restartDelayMs);
      expect(t.port.calls).toContain('quitAndInstall');
    });

    it('waits while the outbox is busy, says what for, and restarts once the work is done', () => {
      const t = setup();
      downloadedUpdate(t);
      const sending = t.busy.register('Sending 2 documents to Fiscal Harmony');
      expect(t.controller.status().busyReasons).toEqual(['Sending 2 documents to Fiscal Harmony']);

      expect(t.controller.restart()).toEqual({ outcome: 'waiting', waitingFor: ['Sending 2 documents to Fiscal Harmony'] });
      expect(t.controller.status().phase).toMatchObject({ kind: 'downloaded', restartRequested: true });
      t.scheduler.advance(hour);
      expect(t.port.calls).not.toContain('quitAndInstall');

      sending.release();
      expect(t.controller.status().busyReasons).toEqual([]);
      t.scheduler.advance(restartDelayMs);
      expect(t.port.calls.filter((call) => call === 'quitAndInstall')).toHaveLength(1);
    });

    it('keeps waiting when new work starts just before the restart', () => {
      const t = setup();
      downloadedUpdate(t);
      expect(t.controller.restart().outcome).toBe('restarting');
      const exporting = t.busy.register('Exporting documents');
      t.scheduler.advance(restartDelayMs);
      expect(t.port.calls).not.toContain('quitAndInstall');
      exporting.release();
      t.scheduler.advance(restartDelayMs);
      expect(t.port.calls).toContain('quitAndInstall');
    });

    it('a waiting restart can be withdrawn; the update stays ready', () => {
      const t = setup();
      downloadedUpdate(t);
      const sending = t.busy.register('Sending documents');
      t.controller.restart();
      expect(t.controller.cancelRestart().phase).toMatchObject({ kind: 'downloaded', restartRequested: false });
      sending.release();
      t.scheduler.advance(hour);
      expect(t.port.calls).not.toContain('quitAndInstall');
    });

    it('reports busy work in every status, even without an update', () => {
      const t = setup();
      const token = t.busy.register('Sending documents');
      expect(t.statuses.at(-1)?.busyReasons).toEqual(['Sending documents']);
      token.release();
      expect(t.statuses.at(-1)?.busyReasons).toEqual([]);
    });
  });

  describe('channel', () => {
    it('a change in Settings looks again on the new channel once started', () => {
      const t = setup();
      t.controller.start();
      t.scheduler.advance(firstCheckAfterMs);
      t.port.emit({ type: 'not-available' });
      t.controller.channelChanged(); // another setting (the theme) changed: no new check
      expect(t.port.calls).toEqual(['check:latest']);
      t.setChannel('beta');
      t.controller.channelChanged();
      expect(t.port.calls).toEqual(['check:latest', 'check:beta']);
      expect(t.statuses.at(-1)?.channel).toBe('beta');
    });

    it('before start, or while downloading, a change waits for the next check', () => {
      const t = setup();
      t.setChannel('beta');
      t.controller.channelChanged();
      expect(t.port.calls).toEqual([]);
      t.controller.start();
      t.scheduler.advance(firstCheckAfterMs);
      t.port.emit({ type: 'available', version: '1.3.0-beta.1', releaseNotes: '' });
      t.setChannel('latest');
      t.controller.channelChanged();
      expect(t.port.calls).toEqual(['check:beta', 'download']);
    });
  });
});
