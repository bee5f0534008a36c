import type { RestartOutcome, UpdateChannel, UpdatePhase, UpdateStatus } from '../../../shared/contract/updates';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import type { BusyRegistry } from './busy-registry';
import { systemScheduler, type Scheduler } from './scheduler';
import type { UpdaterEvent, UpdaterHost, UpdaterPort } from './updater-port';

export const defaultCheckEveryMs = 4 * 60 * 60 * 1000;
export const defaultFirstCheckAfterMs = 10_000;
/** Lets the answer to "restart" reach the window before the app quits. */
export const restartDelayMs = 500;

export interface UpdateControllerOptions {
  host: UpdaterHost;
  busy: BusyRegistry;
  currentVersion: string;
  /** The channel chosen in Settings, read before every check. */
  channel: () => UpdateChannel;
  logger: Logger;
  /** Every change of status, for the `update:status` event. */
  onStatus: (status: UpdateStatus) => void;
  scheduler?: Scheduler;
  now?: () => Date;
  checkEveryMs?: number;
  firstCheckAfterMs?: number;
}

const messages = {
  check: 'Fiscal Desk could not check for updates (is the computer online?). It will try again in a few hours, or you can check now.',
  download: 'The update could not be downloaded. Fiscal Desk will try again in a few hours, or you can check now.',
  install: 'The update could not be installed. Fiscal Desk will try again later; your work is not affected.',
  noUpdate: 'There is no downloaded update to install yet.',
};

type Trigger = 'start' | 'scheduled' | 'manual' | 'channel';

/**
 * The updater as a state machine, free of Electron. It checks at start and every few hours on the
 * channel chosen in Settings, downloads what it finds, and offers a restart that never interrupts
 * work in progress: while the busy registry holds anything, a restart waits and says what for.
 */
export class UpdateController {
  private phase: UpdatePhase;
  private lastCheckedAt: string | null = null;
  private started = false;
  private disposed = false;
  private lastChannel: UpdateChannel;
  private readonly port: UpdaterPort | null;
  private readonly scheduler: Scheduler;
  private readonly now: () => Date;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: UpdateControllerOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.now = options.now ?? (() => new Date());
    this.lastChannel = options.channel();
    if (options.host.kind === 'disabled') {
      this.port = null;
      this.phase = { kind: 'disabled', reason: options.host.reason };
    } else {
      this.port = options.host.port;
      this.phase = { kind: 'idle' };
      this.cleanups.push(this.port.onEvent((event) => this.handle(event)));
    }
    this.cleanups.push(options.busy.onChange(() => this.busyChanged()));
  }

  status(): UpdateStatus {
    return {
      currentVersion: this.options.currentVersion,
      channel: this.options.channel(),
      lastCheckedAt: this.lastCheckedAt,
      busyReasons: this.options.busy.reasons(),
      phase: this.phase,
    };
  }

  /** First check shortly after the window shows, then every few hours. Safe to call twice. */
  start(): void {
    if (this.port === null || this.started || this.disposed) return;
    this.started = true;
    this.cleanups.push(this.scheduler.after(this.options.firstCheckAfterMs ?? defaultFirstCheckAfterMs, () => this.check('start')));
    this.cleanups.push(this.scheduler.every(this.options.checkEveryMs ?? defaultCheckEveryMs, () => this.check('scheduled')));
  }

  /** "Check for updates" in Settings. Answers at once; progress follows as status events. */
  checkNow(): UpdateStatus {
    this.refuseIfDisabled();
    this.check('manual');
    return this.status();
  }

  /** Settings changed: if the channel did, look again on the new one (unless an update is on its way). */
  channelChanged(): void {
    const channel = this.options.channel();
    if (this.port === null || channel === this.lastChannel) return;
    this.lastChannel = channel;
    this.emit();
    if (this.started) this.check('channel');
  }

  restart(): RestartOutcome {
    this.refuseIfDisabled();
    const phase = this.phase;
    if (phase.kind !== 'downloaded') throw new AppError('CONFLICT', messages.noUpdate);
    if (this.options.busy.isBusy()) {
      const waitingFor = this.options.busy.reasons();
      this.options.logger.info('Restart to update deferred: work in progress', { waitingFor });
      this.setPhase({ ...phase, restartRequested: true });
      return { outcome: 'waiting', waitingFor };
    }
    this.setPhase({ ...phase, restartRequested: true });
    this.installSoon();
    return { outcome: 'restarting', waitingFor: [] };
  }

  cancelRestart(): UpdateStatus {
    this.refuseIfDisabled();
    if (this.phase.kind === 'downloaded' && this.phase.restartRequested) this.setPhase({ ...this.phase, restartRequested: false });
    return this.status();
  }

  dispose(): void {
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private check(trigger: Trigger): void {
    const port = this.port;
    if (port === null || this.disposed) return;
    // One thing at a time: a check, a download or a downloaded update waiting for its restart.
    if (this.phase.kind === 'checking' || this.phase.kind === 'available' || this.phase.kind === 'downloading' || this.phase.kind === 'downloaded') {
      this.options.logger.debug('Update check skipped', { trigger, phase: this.phase.kind });
      return;
    }
    const channel = this.options.channel();
    this.options.logger.info('Checking for updates', { trigger, channel });
    try {
      port.setChannel(channel);
    } catch (error) {
      this.fail(error, 'check');
      return;
    }
    this.setPhase({ kind: 'checking' });
    port.checkForUpdates().catch((error: unknown) => this.fail(error, 'check'));
  }

  private handle(event: UpdaterEvent): void {
    if (this.disposed) return;
    const phase = this.phase;
    switch (event.type) {
      case 'checking':
        if (phase.kind === 'idle' || phase.kind === 'up-to-date' || phase.kind === 'error') this.setPhase({ kind: 'checking' });
        return;
      case 'not-available':
        this.lastCheckedAt = this.now().toISOString();
        this.setPhase({ kind: 'up-to-date' });
        return;
      case 'available':
        this.lastCheckedAt = this.now().toISOString();
        this.options.logger.info('Update found', { version: event.version });
        this.setPhase({ kind: 'available', version: event.version, releaseNotes: event.releaseNotes });
        this.port?.downloadUpdate().catch((error: unknown) => this.fail(error, 'download'));
        return;
      case 'progress':
        if (phase.kind !== 'available' && phase.kind !== 'downloading') return;
        this.setPhase({
          kind: 'downloading',
          version: phase.version,
          releaseNotes: phase.releaseNotes,
          percent: Math.min(100, Math.max(0, event.percent)),
          transferredBytes: Math.max(0, event.transferredBytes),
          totalBytes: Math.max(0, event.totalBytes),
        });
        return;
      case 'downloaded':
        this.options.logger.info('Update downloaded', { version: event.version });
        this.setPhase({ kind: 'downloaded', version: event.version, releaseNotes: event.releaseNotes, restartRequested: false });
        return;
      case 'error':
        this.fail(event.error, phase.kind === 'downloaded' ? 'install' : phase.kind === 'available' || phase.kind === 'downloading' ? 'download' : 'check');
        return;
    }
  }

  /** Failures are logged with their details and shown quietly, in plain words, in Settings. */
  private fail(error: unknown, during: 'check' | 'download' | 'install'): void {
    const detail = error instanceof Error ? error.message : String(error);
    // electron-updater both emits `error` and rejects its promise: one failure, one report.
    if (this.phase.kind === 'error') {
      this.options.logger.debug('Updater failure already reported', { during, detail: detail.slice(0, 500) });
      return;
    }
    this.options.logger.warn(`Update ${during} failed`, { detail: detail.slice(0, 2000) });
    this.setPhase({ kind: 'error', message: messages[during] });
  }

  private busyChanged(): void {
    this.emit();
    if (this.phase.kind === 'downloaded' && this.phase.restartRequested && !this.options.busy.isBusy()) this.installSoon();
  }

  private installSoon(): void {
    this.scheduler.after(restartDelayMs, () => {
      const phase = this.phase;
      if (this.disposed || phase.kind !== 'downloaded' || !phase.restartRequested) return;
      // Work may have started in the meantime: then keep waiting for it.
      if (this.options.busy.isBusy()) return;
      this.options.logger.info('Restarting to install the update', { version: phase.version });
      try {
        this.port?.quitAndInstall();
      } catch (error) {
        this.fail(error, 'install');
      }
    });
  }

  private refuseIfDisabled(): void {
    if (this.phase.kind === 'disabled') throw new AppError('NOT_ALLOWED', this.phase.reason);
  }

  private setPhase(phase: UpdatePhase): void {
    this.phase = phase;
    this.emit();
  }

  private emit(): void {
    this.options.onStatus(this.status());
  }
}
