import type { StatementSync } from 'node:sqlite';
import type { DocumentRow } from '../store/journal/document-rows';
import type { DocumentsRepo } from '../store/journal/documents-repo';
import type { Journal } from '../store/journal/journal';
import { prepared } from '../store/journal/prepared-statements';

export type ClaimedDocument = Pick<DocumentRow, 'id' | 'profile_id' | 'kind' | 'number' | 'wire' | 'is_retry' | 'ambiguous' | 'attempts'> & {
  /** True when an earlier attempt was cut off mid-send (a crash): it may have arrived. */
  interrupted: boolean;
};

export type PollCandidate = Pick<DocumentRow, 'id' | 'profile_id' | 'request_id' | 'submitted_at' | 'polls' | 'ambiguous'>;

/**
 * What a claim may take, in the order it takes them: each connection's documents of its earliest
 * date among those waiting or sending (the connections found by stepping through the index, not
 * by reading every queued document), due now or sending (but not sent by this owner).
 * documents_to_send_by_date (migration 011) is named because the planner, without statistics,
 * would rather read every queued document by state.
 */
const BY_DATE_INDEX = 'documents_to_send_by_date';
const BY_DATE = `INDEXED BY ${BY_DATE_INDEX}`;
export const CLAIM_CANDIDATES = `
  WITH RECURSIVE connections (profile_id) AS (
    SELECT min(profile_id) FROM documents ${BY_DATE} WHERE state IN ('queued', 'sending')
    UNION ALL
    SELECT (SELECT min(next.profile_id) FROM documents AS next ${BY_DATE}
            WHERE next.state IN ('queued', 'sending') AND next.profile_id > connections.profile_id)
    FROM connections WHERE profile_id IS NOT NULL
  ),
  earliest AS (
    SELECT profile_id,
           (SELECT min(first.issued_at) FROM documents AS first ${BY_DATE}
            WHERE first.state IN ('queued', 'sending') AND first.profile_id = connections.profile_id) AS issued_at
    FROM connections WHERE profile_id IS NOT NULL
  )
  SELECT d.id, d.state, d.lease_owner, d.lease_until
  FROM earliest JOIN documents AS d ${BY_DATE} ON d.profile_id = earliest.profile_id AND d.issued_at = earliest.issued_at
  WHERE d.state IN ('queued', 'sending') AND (d.state = 'sending' OR d.next_attempt_at <= ?) AND NOT (d.state = 'sending' AND d.lease_owner IS ?)
  ORDER BY d.next_attempt_at, d.created_at LIMIT ?`;

/** What a claim reads of a candidate it takes: not the whole row (the draft, the fiscal fields). */
type ClaimedRow = Pick<DocumentRow, 'id' | 'profile_id' | 'kind' | 'number' | 'wire' | 'is_retry' | 'ambiguous' | 'attempts' | 'lease_owner'>;
const CLAIMED_COLUMNS = 'SELECT id, profile_id, kind, number, wire, is_retry, ambiguous, attempts, lease_owner FROM documents WHERE id = ?';

/** The outbox's queries over the journal: claiming work under a lease, finding what to poll. */
export class OutboxStore {
  /** The claim query for this journal (with or without the index), decided once. */
  private claimSql: string | undefined;

  constructor(
    private readonly journal: Journal,
    private readonly repo: DocumentsRepo,
  ) {}

  /**
   * Takes up to `max` due documents under this owner's lease, in one write transaction (one
   * disk sync for the lot, or the caller's), so two processes never take the same one. A document left `sending`
   * by an owner that is gone (or whose lease ran out) is taken too, and marked ambiguous: its
   * last attempt may have arrived.
   *
   * Each connection's documents leave in date order: only those dated as early as its earliest
   * document still to be sent or on its way are taken. ZIMRA refuses a receipt dated before the
   * previous one (RCPT030, which blocks the day's close) and the service takes documents in the
   * order they arrive, so a later one must not overtake one waiting for a retry. Documents of the
   * same date (to the second, as sent) go together, so a burst still leaves at full concurrency.
   */
  claimDue(owner: string, now: number, leaseMs: number, isOwnerAlive: (owner: string) => boolean, max: number): ClaimedDocument[] {
    if (max <= 0) return [];
    const claim = (): ClaimedDocument[] => {
      this.claimSql ??= this.hasByDateIndex() ? CLAIM_CANDIDATES : CLAIM_CANDIDATES.replaceAll(BY_DATE, '');
      const candidates = this.prepare(this.claimSql).all(now, owner, max + 64) as Pick<DocumentRow, 'id' | 'state' | 'lease_owner' | 'lease_until'>[];
      const claimed: ClaimedDocument[] = [];
      for (const candidate of candidates) {
        if (claimed.length >= max) break;
        const interrupted = candidate.state === 'sending';
        if (interrupted) {
          const holder = candidate.lease_owner ?? '';
          const expired = candidate.lease_until === null || candidate.lease_until < now;
          if (holder === owner || (!expired && isOwnerAlive(holder))) continue;
        }
        const row = this.prepare(CLAIMED_COLUMNS).get(candidate.id) as ClaimedRow | undefined;
        if (row === undefined) continue;
        const applied = this.repo.transition(
          row.id,
          interrupted ? { from: ['sending'], ...(row.lease_owner === null ? {} : { leaseOwner: row.lease_owner }) } : { from: ['queued'] },
          'sending',
          { lease_owner: owner, lease_until: now + leaseMs, attempts: row.attempts + 1, ambiguous: interrupted ? 1 : row.ambiguous },
          new Date(now).toISOString(),
          interrupted
            ? `Sending again (attempt ${row.attempts + 1}): the previous attempt was cut off, so this one is marked as a retry`
            : `Sending (attempt ${row.attempts + 1})`,
        );
        if (!applied) continue;
        claimed.push({
          id: row.id,
          profile_id: row.profile_id,
          kind: row.kind,
          number: row.number,
          wire: row.wire,
          is_retry: row.is_retry,
          ambiguous: interrupted ? 1 : row.ambiguous,
          attempts: row.attempts + 1,
          interrupted,
        });
      }
      return claimed;
    };
    // Inside the caller's transaction when there is one (a claim shares the commit of an outcome).
    return this.journal.db.isTransaction ? claim() : this.journal.transaction(claim);
  }

  /**
   * A journal taken to version 12 before migration 011 was written (development copies only)
   * lacks the index: the claim still works there, reading the queued documents by state.
   */
  private hasByDateIndex(): boolean {
    return this.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(BY_DATE_INDEX) !== undefined;
  }

  duePolls(now: number, limit: number): PollCandidate[] {
    return this.prepare(
      `SELECT id, profile_id, request_id, submitted_at, polls, ambiguous FROM documents
       WHERE state = 'submitted' AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?`,
    ).all(now, limit) as unknown as PollCandidate[];
  }

  /** The earliest moment something is due: a queued attempt (unless sending is held), a poll, or a lease running out. */
  nextDueAt(options: { sends: boolean }): number | null {
    const sends = options.sends
      ? `SELECT MIN(next_attempt_at) AS t FROM documents WHERE state = 'queued'
         UNION ALL SELECT MIN(lease_until) FROM documents WHERE state = 'sending' UNION ALL `
      : '';
    const row = this.prepare(`SELECT MIN(t) AS t FROM (${sends}SELECT MIN(next_poll_at) AS t FROM documents WHERE state = 'submitted')`).get() as { t: number | null } | undefined;
    return row?.t ?? null;
  }

  /** Makes every waiting document due now (the manager asked to try now). */
  makeAllDue(now: number): void {
    this.journal.transaction(() => {
      this.prepare(`UPDATE documents SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?`).run(now, now);
      this.prepare(`UPDATE documents SET next_poll_at = ? WHERE state = 'submitted' AND next_poll_at > ?`).run(now, now);
    });
  }

  /** Compiled once per connection (prepared-statements.ts): the claim and the due reads run at every commit of a drain. */
  private prepare(sql: string): StatementSync {
    return prepared(this.journal.db, sql);
  }

  /** The submitted ones among `ids`. */
  submitted(ids: readonly string[]): PollCandidate[] {
    return ids.map((id) => this.repo.get(id)).filter((row): row is DocumentRow => row?.state === 'submitted');
  }
}
