import type { OutboxState } from '../../shared/contract/outbox';
import type { StatusResult } from '../../shared/domain/fiscal-harmony/schemas';
import { MAX_STATUS_IDS } from '../../shared/domain/fiscal-harmony/schemas/status';
import type { AttentionCheckOutcome, DocumentState } from '../../shared/contract/documents';
import type { Logger } from '../logging/logger';
import type { FiscalHarmonyClient } from '../providers/fiscal-harmony/fh-client';
import type { DocumentsRepo } from '../store/journal/documents-repo';
import { unpackBody } from '../store/journal/document-body';
import type { Journal } from '../store/journal/journal';
import type { BusyRegistry, BusyToken } from '../services/updates/busy-registry';
import { wireBodyToSend } from '../services/documents/wire-document';
import { DEFAULT_POLLS, DEFAULT_RETRY, pollDelayMs, retryDelayMs, type PollSchedule, type RetryPolicy } from './backoff';
import { isLeaseOwnerAlive, newLeaseOwner, type LeaseOwner } from './lease-owner';
import { classifySubmitFailure, isAlreadyReceived, isOffline, messageOf } from './outcomes';
import { GroupCommit } from './group-commit';
import { answersByRequest, CONFLICTING_RESULTS, describeAnswer, fiscalisedChanges, verdictOf } from './status-answers';
import { OutboxStore, type ClaimedDocument, type PollCandidate } from './outbox-store';
import { receivedNote, recordAttentionCheck } from './attention-check';

export type OutboxClient = Pick<FiscalHarmonyClient, 'submitInvoice' | 'submitCreditNote' | 'checkStatus'>;

/** Waits; the outbox never sleeps on its own clock, so tests drive it with `tick()`. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OutboxOptions {
  journal: Journal;
  repo: DocumentsRepo;
  /** The Fiscal Harmony client of a profile (throws an AppError when it cannot be had). */
  clientFor: (profileId: string) => Promise<OutboxClient>;
  clock: () => Date;
  logger: Logger;
  /** Documents sent at once. Measured: see `npm run bench` (outbox-drain-speedup). */
  concurrency?: number;
  retry?: RetryPolicy;
  polls?: PollSchedule;
  /** Longer than the client's time limit, so a live lease never runs out mid-request. */
  leaseMs?: number;
  /** Fiscal Harmony keeps results this long (fh-api.md section 5). */
  statusWindowMs?: number;
  /** Between tries while offline, at most. */
  offlineProbeMaxMs?: number;
  /** How long the loop waits at most before looking at the journal again (other processes). */
  idleCheckMs?: number;
  random?: () => number;
  timers?: Timers;
  busy?: BusyRegistry;
  onChange?: (changes: { profileId: string; id: string; state: DocumentState }[]) => void;
  onState?: (state: OutboxState) => void;
  /** Shown with the outbox state: what happened to the journal when it was opened (read at each state: it may change). */
  journalNotice?: string | null | (() => string | null);
  /** Told of a round that failed (its reads of the journal, too, can find it damaged). */
  roundFailed?: (error: unknown) => void;
}

export const DEFAULT_CONCURRENCY = 16;

/** A slot whose outcome is being committed: the document it sends next, and any claimed for slots to open again. */
interface RecordedSlot {
  next: ClaimedDocument | null;
  reopened: ClaimedDocument[];
}
const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Sends queued documents and fetches their results, so that each is fiscalised exactly once
 * through outages, crashes and restarts (DESIGN.md section 5, fh-api.md section 5):
 * - a document is claimed under a lease in the journal before it is sent, so it is never in
 *   flight twice, not even from two processes;
 * - a failure that may have arrived marks the document ambiguous: it is re-sent with the same id
 *   and IsRetry, and "Already fiscalised" / "Duplicate document id" then means needs-attention;
 * - retryable failures back off exponentially with jitter; when nothing answers at all the
 *   outbox is offline and probes with one document until the service answers again;
 * - submitted documents are polled in batches of at most 100, fast at first, slower later, and
 *   need attention when no result comes inside the 7-day status window.
 */
export class Outbox {
  private readonly store: OutboxStore;
  private readonly commits: GroupCommit;
  private readonly owner: LeaseOwner;
  private readonly concurrency: number;
  private readonly retry: RetryPolicy;
  private readonly polls: PollSchedule;
  private readonly leaseMs: number;
  private readonly statusWindowMs: number;
  private readonly offlineProbeMaxMs: number;
  private readonly idleCheckMs: number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private paused: 'manual' | null = null;
  private offline: { since: number; probes: number; nextProbeAt: number; message: string } | null = null;
  private lastProblem: string | null = null;
  private running = false;
  private stopping = false;
  private inTick: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private wakeRequested = false;
  private loopDone: Promise<void> | null = null;
  private inFlightCount = 0;
  /** Slots sending now, and those opened after the round began (see record()). */
  private slotCount = 0;
  private readonly laterSlots = new Set<Promise<void>>();
  /** The poll under way (the round's, or one started while sending), and the last one started while sending. */
  private polling: Promise<void> | null = null;
  private pollingWhileSending: Promise<void> = Promise.resolve();
  /** Slots whose outcomes wait in the group commit under way, for their next documents. */
  private readonly recordedSlots: RecordedSlot[] = [];
  private busyToken: BusyToken | null = null;
  private lastEmitted = '';
  private pendingState: NodeJS.Immediate | null = null;
  private stopped = false;
  private foundJournalNotice: string | null = null;
  private readonly settledWaiters = new Set<() => void>();

  constructor(private readonly options: OutboxOptions) {
    this.store = new OutboxStore(options.journal, options.repo);
    this.commits = new GroupCommit(options.journal, { beforeCommit: () => this.claimForRecordedSlots() });
    this.owner = newLeaseOwner();
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.polls = options.polls ?? DEFAULT_POLLS;
    this.leaseMs = options.leaseMs ?? 90_000;
    this.statusWindowMs = options.statusWindowMs ?? SEVEN_DAYS_MS;
    this.offlineProbeMaxMs = options.offlineProbeMaxMs ?? 60_000;
    this.idleCheckMs = options.idleCheckMs ?? 30_000;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  }

  private now(): number {
    return this.options.clock().getTime();
  }

  // ---- Control -----------------------------------------------------------------------------

  /** Starts the loop: it picks up queued, sending and submitted documents left by any earlier run. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  /** There may be new work (a document was queued): look now. */
  kick(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  pause(): OutboxState {
    this.paused = 'manual';
    return this.emitState();
  }

  resume(): OutboxState {
    this.paused = null;
    this.kick();
    return this.emitState();
  }

  retryNow(): OutboxState {
    this.store.makeAllDue(this.now());
    if (this.offline !== null) this.offline.nextProbeAt = this.now();
    this.kick();
    return this.emitState();
  }

  /** The journal was found damaged while running: every state says so from now on (the caller stops the outbox). */
  showJournalNotice(notice: string): void {
    this.foundJournalNotice = notice;
    this.lastProblem = 'Sending stopped: the documents journal is damaged.';
    try {
      this.emitState();
    } catch {
      // The counts cannot be read from the damaged file: outbox:state then answers why.
    }
  }

  /** Stops taking work and waits up to `graceMs` for calls in flight; the rest resume next start. */
  async stop(graceMs = 5_000): Promise<void> {
    // No counts are read after this: the journal may be closed right after.
    this.stopped = true;
    if (this.pendingState !== null) clearImmediate(this.pendingState);
    this.pendingState = null;
    if (!this.running) return;
    this.running = false;
    this.stopping = true;
    this.wake?.();
    let timer: unknown;
    await Promise.race([
      this.loopDone ?? Promise.resolve(),
      new Promise<void>((resolve) => {
        timer = this.timers.setTimeout(resolve, graceMs);
      }),
    ]);
    this.timers.clearTimeout(timer);
    this.owner.release();
    this.busyToken?.release();
    this.busyToken = null;
  }

  /** Resolves once nothing is queued, sending or waiting for a result (tests, benchmarks). */
  settled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.add(resolve));
  }

  state(): OutboxState {
    const counts = this.options.repo.counts();
    const next = this.nextWakeAt();
    const paused = this.stopping ? 'stopping' : this.paused ?? (this.offline === null ? null : 'offline');
    return {
      paused,
      message:
        paused === 'manual'
          ? 'Sending is paused. Documents wait safely until you resume.'
          : paused === 'offline'
            ? `Fiscal Harmony cannot be reached, so sending is paused; it resumes on its own when the connection is back. (${this.offline?.message ?? ''})`
            : this.lastProblem,
      queued: counts.queued ?? 0,
      sending: counts.sending ?? 0,
      submitted: counts.submitted ?? 0,
      needsFix: counts['needs-fix'] ?? 0,
      needsAttention: counts['needs-attention'] ?? 0,
      nextAttemptAt: next === null ? null : new Date(next).toISOString(),
      journalNotice: this.foundJournalNotice ?? (typeof this.options.journalNotice === 'function' ? this.options.journalNotice() : this.options.journalNotice) ?? null,
    };
  }

  // ---- One round ---------------------------------------------------------------------------

  /** Does everything due now: polls results, then sends due documents with bounded concurrency. */
  async tick(): Promise<void> {
    if (this.inTick !== null) return this.inTick;
    this.inTick = (async () => {
      try {
        await Promise.all([this.pollOnce(), this.sendDue()]);
      } finally {
        this.inTick = null;
        // A round that outlived stop() leaves the (maybe closed) journal alone.
        if (!this.stopped) {
          this.emitState();
          if (this.isSettled()) for (const resolve of [...this.settledWaiters]) resolve();
        }
      }
    })();
    return this.inTick;
  }

  /** Asks for the results of these documents now (the manager pressed "Check status"), each of its own connection. */
  async checkNow(ids: readonly string[]): Promise<{ checked: number; changed: number }> {
    const candidates = this.store.submitted(ids);
    let changed = 0;
    for (const rows of byProfile(candidates)) changed += await this.pollProfile(rows, { force: true });
    this.emitState();
    return { checked: candidates.length, changed };
  }

  /**
   * Asks again about a document that needs attention, by every request id it was sent with, in
   * calls of at most 100 ids, and records the answer in its timeline. A failed call is written
   * there too, then thrown.
   */
  async checkAttention(id: string, profileId: string, requestIds: readonly string[]): Promise<AttentionCheckOutcome> {
    const results: StatusResult[] = [];
    try {
      const client = await this.options.clientFor(profileId);
      for (let i = 0; i < requestIds.length; i += MAX_STATUS_IDS) results.push(...(await client.checkStatus(requestIds.slice(i, i + MAX_STATUS_IDS))));
    } catch (error) {
      if (isOffline(error)) this.wentOffline(messageOf(error), this.now());
      this.options.repo.transition(id, { from: ['needs-attention'] }, 'needs-attention', {}, new Date(this.now()).toISOString(), `Checked with Fiscal Harmony: no answer (${messageOf(error)})`);
      throw error;
    }
    this.online();
    const { outcome, state } = recordAttentionCheck(this.options.repo, id, requestIds, results, new Date(this.now()).toISOString());
    this.changed(profileId, id, state);
    return outcome;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let wakeAt: number | null = null;
      try {
        await this.tick();
        wakeAt = this.nextWakeAt();
      } catch (error) {
        this.options.logger.error('The outbox round failed; it will try again', { error });
        this.options.roundFailed?.(error);
      }
      if (!this.running) break;
      if (this.wakeRequested) continue;
      await this.sleepUntil(wakeAt);
    }
  }

  private sleepUntil(at: number | null): Promise<void> {
    const delay = Math.min(this.idleCheckMs, at === null ? this.idleCheckMs : Math.max(0, at - this.now()));
    return new Promise((resolve) => {
      const handle = this.timers.setTimeout(() => {
        this.wake = null;
        resolve();
      }, delay);
      this.wake = () => {
        this.timers.clearTimeout(handle);
        this.wake = null;
        resolve();
      };
    });
  }

  /** When the next round is due: nothing is due before the next probe while offline. */
  nextWakeAt(): number | null {
    const due = this.store.nextDueAt({ sends: this.paused === null && !this.stopping });
    if (due === null || this.offline === null) return due;
    return Math.max(due, this.offline.nextProbeAt);
  }

  private isSettled(): boolean {
    const counts = this.options.repo.counts();
    return (counts.queued ?? 0) + (counts.sending ?? 0) + (counts.submitted ?? 0) === 0;
  }

  // ---- Sending -----------------------------------------------------------------------------

  private async sendDue(): Promise<void> {
    if (this.paused !== null || this.stopping) return;
    // Offline: one document probes whether the service is back.
    const slots = this.offline === null ? this.concurrency : this.now() >= this.offline.nextProbeAt ? 1 : 0;
    await Promise.all(this.claim(slots).map((doc) => this.slot(doc)));
    while (this.laterSlots.size > 0) await Promise.all([...this.laterSlots]);
    const polling = this.pollingWhileSending;
    this.pollingWhileSending = Promise.resolve();
    await polling;
  }

  /**
   * While a backlog leaves, the results of those already sent are asked for as they come due,
   * not once the last one has left: a thousand queued documents waited for the whole drain
   * before the first got its QR code. One poll at a time (see pollOnce).
   */
  private pollWhileSending(): void {
    if (this.polling !== null || this.stopping || this.store.duePolls(this.now(), 1).length === 0) return;
    const run = this.pollOnce();
    // Its failure fails the round, as the round's own poll does, when sendDue waits for it.
    run.catch(() => undefined);
    this.pollingWhileSending = run;
  }

  private openSlot(doc: ClaimedDocument): void {
    const run: Promise<void> = this.slot(doc).finally(() => this.laterSlots.delete(run));
    this.laterSlots.add(run);
  }

  private claim(max: number): ClaimedDocument[] {
    return this.store.claimDue(this.owner.id, this.now(), this.leaseMs, isLeaseOwnerAlive, max);
  }

  /** One of `concurrency` slots: sends its document, and takes the next one in the same commit. */
  private async slot(first: ClaimedDocument): Promise<void> {
    this.slotCount += 1;
    try {
      await this.sendInSlot(first);
    } finally {
      this.slotCount -= 1;
    }
  }

  private async sendInSlot(first: ClaimedDocument): Promise<void> {
    let doc: ClaimedDocument | null = first;
    while (doc !== null) {
      const current: ClaimedDocument = doc;
      this.started();
      try {
        doc = await this.send(current);
      } catch (error) {
        // The outcome could not be written: the lease runs out and the document is retried as ambiguous.
        this.options.logger.error('Recording a sent document failed', { id: current.id, error });
        doc = null;
      } finally {
        this.finished();
      }
    }
  }

  /** Sends one claimed document and records the outcome; answers the slot's next document, if any. */
  private async send(doc: ClaimedDocument): Promise<ClaimedDocument | null> {
    const { repo, logger } = this.options;
    const isRetry = doc.is_retry === 1 || doc.ambiguous === 1;
    let requestId: string;
    try {
      if (doc.wire === null) throw new Error('A queued document has no body');
      const client = await this.options.clientFor(doc.profile_id);
      const body = wireBodyToSend(unpackBody(doc.wire, { documentId: doc.id }), isRetry);
      requestId = doc.kind === 'invoice' ? await client.submitInvoice(body) : await client.submitCreditNote(body);
    } catch (error) {
      return this.failed(doc, error);
    }
    this.online();
    const now = this.now();
    const { applied, next } = await this.record(() =>
      repo.transition(
        doc.id,
        { from: ['sending'], leaseOwner: this.owner.id },
        'submitted',
        { request_id: requestId, submitted_at: now, next_poll_at: now + pollDelayMs(this.polls, 0), polls: 0, lease_owner: null, lease_until: null, last_failure: null },
        new Date(now).toISOString(),
        receivedNote(requestId, isRetry),
      ),
    );
    if (!applied) logger.warn('A sent document was no longer leased by this outbox', { id: doc.id });
    else this.changed(doc.profile_id, doc.id, 'submitted');
    return next;
  }

  /**
   * A document's outcome, written with the others of this moment (group commit), together with
   * the claim of the slot's next document: one disk sync serves them all.
   */
  private async record(change: () => boolean): Promise<{ applied: boolean; next: ClaimedDocument | null }> {
    let applied = false;
    const slot: RecordedSlot = { next: null, reopened: [] };
    try {
      await this.commits.write(() => {
        applied = change();
        this.recordedSlots.push(slot);
      });
    } catch (error) {
      // The transaction failed before its claim: nothing is taken for this slot.
      const waiting = this.recordedSlots.indexOf(slot);
      if (waiting >= 0) this.recordedSlots.splice(waiting, 1);
      throw error;
    }
    // Claimed in that commit for slots that had ended: they start once it is durable.
    for (const doc of slot.reopened) this.openSlot(doc);
    this.pollWhileSending();
    return { applied, next: slot.next };
  }

  /**
   * Once per group commit, after all its outcomes: one claim for every slot that recorded one,
   * so each sees the others' outcomes (the last document of a second lets the next second go).
   * One outcome can make a whole second's documents due at once (they leave in date order): the
   * slots that ended while they waited are opened again, not left to the next round.
   */
  private claimForRecordedSlots(): void {
    const slots = this.recordedSlots.splice(0);
    const sending = !this.stopping && this.paused === null && this.offline === null;
    if (slots.length === 0 || !sending) return;
    const claimed = this.claim(slots.length + Math.max(0, this.concurrency - this.slotCount));
    for (const slot of slots) slot.next = claimed.shift() ?? null;
    slots[0]!.reopened = claimed;
  }

  private async failed(doc: ClaimedDocument, error: unknown): Promise<ClaimedDocument | null> {
    const { repo, logger } = this.options;
    const now = this.now();
    const at = new Date(now).toISOString();
    const kind = classifySubmitFailure(error);
    const message = messageOf(error);
    logger.warn('Sending a document failed', { id: doc.id, attempt: doc.attempts, kind, error });
    if (kind === 'refused') {
      const { applied, next } = await this.record(() =>
        repo.transition(
          doc.id,
          { from: ['sending'], leaseOwner: this.owner.id },
          'needs-fix',
          { service_error: serviceWords(message), lease_owner: null, lease_until: null, next_attempt_at: null, last_failure: null, is_retry: 1 },
          at,
          `Refused by Fiscal Harmony: ${message}`,
        ),
      );
      if (applied) this.changed(doc.profile_id, doc.id, 'needs-fix');
      return next;
    }
    if (isOffline(error)) this.wentOffline(message, now);
    else if (kind === 'ambiguous') this.online();
    this.lastProblem = message;
    const retryAt = now + retryDelayMs(this.retry, doc.attempts, this.random());
    const { applied, next } = await this.record(() =>
      repo.transition(
        doc.id,
        { from: ['sending'], leaseOwner: this.owner.id },
        'queued',
        { ambiguous: kind === 'ambiguous' ? 1 : doc.ambiguous, next_attempt_at: retryAt, lease_owner: null, lease_until: null, last_failure: message },
        at,
        kind === 'ambiguous' ? `No clear answer (${message}); it will be sent again as a retry` : `Not sent (${message}); it will be tried again`,
      ),
    );
    if (applied) this.changed(doc.profile_id, doc.id, 'queued');
    return next;
  }

  // ---- Results -----------------------------------------------------------------------------

  /** Polls what is due, unless a poll is under way already: a document is never asked about twice at once. */
  private pollOnce(): Promise<void> {
    this.polling ??= this.pollDue().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async pollDue(): Promise<void> {
    if (this.stopping) return;
    if (this.offline !== null && this.now() < this.offline.nextProbeAt) return;
    const due = this.store.duePolls(this.now(), MAX_STATUS_IDS * 10);
    for (const rows of byProfile(due)) await this.pollProfile(rows, { force: false });
  }

  /** Asks for one profile's documents in calls of at most 100 ids (the service's limit); returns how many changed. */
  private async pollProfile(rows: readonly PollCandidate[], options: { force: boolean }): Promise<number> {
    let changed = 0;
    for (let i = 0; i < rows.length; i += MAX_STATUS_IDS) changed += await this.pollBatch(rows.slice(i, i + MAX_STATUS_IDS), options);
    return changed;
  }

  /** Asks for one profile's batch (at most 100) and stores what came back; returns how many changed. */
  private async pollBatch(rows: readonly PollCandidate[], options: { force: boolean }): Promise<number> {
    const first = rows[0];
    if (first === undefined) return 0;
    let results: StatusResult[];
    try {
      const client = await this.options.clientFor(first.profile_id);
      results = await client.checkStatus(rows.map((row) => row.request_id ?? ''));
    } catch (error) {
      if (isOffline(error)) this.wentOffline(messageOf(error), this.now());
      // A refused status call (the client's 100-id guard, or the service's 4xx) is never "no result yet": it is Fiscal Desk's fault.
      const defect = classifySubmitFailure(error) === 'refused';
      if (defect) {
        this.lastProblem = STATUS_CALL_DEFECT;
        this.options.logger.error('Defect: a status call was refused, so these documents cannot get their results until Fiscal Desk is fixed', { count: rows.length, error });
      } else {
        this.options.logger.warn('Asking for document results failed', { count: rows.length, error });
      }
      if (options.force) throw error;
      this.options.journal.transaction(() => {
        for (const row of rows) this.notYet(row, { countPoll: !defect });
      });
      return 0;
    }
    this.online();
    if (this.lastProblem === STATUS_CALL_DEFECT) this.lastProblem = null;
    const byRequest = answersByRequest(results);
    let changed = 0;
    const changes: { profileId: string; id: string; state: DocumentState }[] = [];
    this.options.journal.transaction(() => {
      for (const row of rows) {
        const [answer, ...more] = byRequest.get((row.request_id ?? '').toLowerCase()) ?? [];
        const verdict = answer === undefined ? null : verdictOf([answer, ...more]);
        const state = verdict === null ? this.notYet(row) : verdict.kind === 'one' ? this.apply(row, verdict.result) : this.conflicting(row, verdict.results);
        if (state !== null) {
          changed += 1;
          changes.push({ profileId: row.profile_id, id: row.id, state });
        }
      }
    });
    if (changes.length > 0) this.options.onChange?.(changes);
    return changed;
  }

  /**
   * No result yet: poll later, or give up after the status window. Returns the new state if it
   * changed. A call refused by a defect does not count as a poll: the schedule does not slow down.
   */
  private notYet(row: PollCandidate, options: { countPoll: boolean } = { countPoll: true }): DocumentState | null {
    const now = this.now();
    const at = new Date(now).toISOString();
    const guard = { from: ['submitted'] as DocumentState[], requestId: row.request_id ?? '' };
    if (row.submitted_at !== null && now - row.submitted_at > this.statusWindowMs) {
      this.options.repo.transition(row.id, guard, 'needs-attention', { next_poll_at: null }, at, 'No result from Fiscal Harmony within its 7-day status window');
      return 'needs-attention';
    }
    const polls = options.countPoll ? row.polls + 1 : row.polls;
    this.options.repo.transition(row.id, guard, 'submitted', { polls, next_poll_at: now + pollDelayMs(this.polls, polls) }, at, '');
    return null;
  }

  /** The service said different things about one document: a success is never overridden, the manager looks. */
  private conflicting(row: PollCandidate, results: readonly StatusResult[]): DocumentState {
    const at = new Date(this.now()).toISOString();
    const guard = { from: ['submitted'] as DocumentState[], requestId: row.request_id ?? '' };
    const answers = results.map(describeAnswer).join('; then ');
    this.options.logger.warn('Fiscal Harmony gave one document results that disagree', { id: row.id, results: results.length });
    this.options.repo.transition(
      row.id,
      guard,
      'needs-attention',
      { next_poll_at: null, service_error: `${CONFLICTING_RESULTS}: ${answers}` },
      at,
      `${CONFLICTING_RESULTS} for this document in one answer: ${answers}. Neither was taken as final`,
    );
    return 'needs-attention';
  }

  private apply(row: PollCandidate, result: StatusResult): DocumentState {
    const at = new Date(this.now()).toISOString();
    const guard = { from: ['submitted'] as DocumentState[], requestId: row.request_id ?? '' };
    const { repo } = this.options;
    if (result.Success) {
      const qr = result.QrData ?? null;
      // Kept as received (the document is fiscalised); the screens say it cannot be read.
      if (qr?.Unreadable) this.options.logger.warn('Fiscal Harmony sent a QR code that cannot be read', { id: row.id, problem: qr.Unreadable, qrCodeUrl: qr.QrCodeUrl });
      repo.transition(
        row.id,
        guard,
        'fiscalised',
        fiscalisedChanges(result),
        at,
        qr === null ? 'Fiscalised' : `Fiscalised: verification code ${qr.VerificationCode}, ZIMRA number ${qr.InvoiceNumber}/${qr.FiscalDay}`,
      );
      return 'fiscalised';
    }
    const error = result.Error ?? null;
    if (isAlreadyReceived(error)) {
      repo.transition(row.id, guard, 'needs-attention', { next_poll_at: null, service_error: error }, at, `Fiscal Harmony already had this document from an earlier attempt: "${error ?? ''}"`);
      return 'needs-attention';
    }
    if (result.IsActionable) {
      repo.transition(row.id, guard, 'needs-fix', { next_poll_at: null, service_error: error, is_retry: 1 }, at, `Refused, can be fixed: ${error ?? 'no reason given'}`);
      return 'needs-fix';
    }
    repo.transition(row.id, guard, 'rejected', { next_poll_at: null, service_error: error }, at, `Refused for good: ${error ?? 'no reason given'}`);
    return 'rejected';
  }

  // ---- Offline, busy, events -----------------------------------------------------------------

  private wentOffline(message: string, now: number): void {
    const probes = (this.offline?.probes ?? 0) + 1;
    const wait = Math.min(this.offlineProbeMaxMs, retryDelayMs(this.retry, probes, this.random()));
    if (this.offline === null) this.options.logger.warn('Fiscal Harmony cannot be reached: sending paused until it answers');
    this.offline = { since: this.offline?.since ?? now, probes, nextProbeAt: now + wait, message };
  }

  private online(): void {
    if (this.offline === null) return;
    this.options.logger.info('Fiscal Harmony answers again: sending resumed');
    this.offline = null;
    this.lastProblem = null;
    this.kick();
  }

  private started(): void {
    this.inFlightCount += 1;
    this.busyToken ??= this.options.busy?.register('Sending documents to Fiscal Harmony') ?? null;
  }

  private finished(): void {
    this.inFlightCount -= 1;
    if (this.inFlightCount === 0) {
      this.busyToken?.release();
      this.busyToken = null;
    }
  }

  private changed(profileId: string, id: string, state: DocumentState): void {
    this.options.onChange?.([{ profileId, id, state }]);
    // Many documents move in one turn: the counts are read and sent once for all of them.
    if (this.pendingState !== null || this.stopped) return;
    this.pendingState = setImmediate(() => {
      this.pendingState = null;
      this.emitState();
    });
  }

  private emitState(): OutboxState {
    const state = this.state();
    const key = JSON.stringify({ ...state, nextAttemptAt: null });
    if (key !== this.lastEmitted) {
      this.lastEmitted = key;
      this.options.onState?.(state);
    }
    return state;
  }
}

const STATUS_CALL_DEFECT =
  'Fiscal Harmony refused a request for results that Fiscal Desk should never have made (a fault in Fiscal Desk). Documents waiting for a result stay safe; please report this to support.';

/** One list per connection, in the order the rows came. */
function byProfile(rows: readonly PollCandidate[]): PollCandidate[][] {
  const groups = new Map<string, PollCandidate[]>();
  for (const row of rows) {
    const group = groups.get(row.profile_id);
    if (group === undefined) groups.set(row.profile_id, [row]);
    else group.push(row);
  }
  return [...groups.values()];
}

/** The service's own words from a refusal message (the part after "refused the request: "). */
function serviceWords(message: string): string {
  const marker = 'refused the request: ';
  const at = message.indexOf(marker);
  return at < 0 ? message : message.slice(at + marker.length);
}
