import type { DocumentRow } from '../store/journal/document-rows';
import type { DocumentsRepo } from '../store/journal/documents-repo';
import type { Journal } from '../store/journal/journal';

export type ClaimedDocument = Pick<DocumentRow, 'id' | 'profile_id' | 'kind' | 'number' | 'wire' | 'is_retry' | 'ambiguous' | 'attempts'> & {
  /** True when an earlier attempt was cut off mid-send (a crash): it may have arrived. */
  interrupted: boolean;
};

export type PollCandidate = Pick<DocumentRow, 'id' | 'profile_id' | 'request_id' | 'submitted_at' | 'polls' | 'ambiguous'>;

/** The outbox's queries over the journal: claiming work under a lease, finding what to poll. */
export class OutboxStore {
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
      const candidates = this.journal.db
        .prepare(
          `WITH earliest AS (
             SELECT profile_id, min(issued_at) AS issued_at FROM documents WHERE state IN ('queued', 'sending') GROUP BY profile_id
           )
           SELECT d.id, d.state, d.lease_owner, d.lease_until FROM documents AS d JOIN earliest USING (profile_id)
           WHERE ((d.state = 'queued' AND d.next_attempt_at <= ?) OR d.state = 'sending') AND d.issued_at <= earliest.issued_at
           ORDER BY d.next_attempt_at, d.created_at LIMIT ?`,
        )
        .all(now, max + 64) as Pick<DocumentRow, 'id' | 'state' | 'lease_owner' | 'lease_until'>[];
      const claimed: ClaimedDocument[] = [];
      for (const candidate of candidates) {
        if (claimed.length >= max) break;
        const interrupted = candidate.state === 'sending';
        if (interrupted) {
          const holder = candidate.lease_owner ?? '';
          const expired = candidate.lease_until === null || candidate.lease_until < now;
          if (holder === owner || (!expired && isOwnerAlive(holder))) continue;
        }
        const row = this.repo.get(candidate.id);
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

  duePolls(now: number, limit: number): PollCandidate[] {
    return this.journal.db
      .prepare(
        `SELECT id, profile_id, request_id, submitted_at, polls, ambiguous FROM documents
         WHERE state = 'submitted' AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?`,
      )
      .all(now, limit) as unknown as PollCandidate[];
  }

  /** The earliest moment something is due: a queued attempt (unless sending is held), a poll, or a lease running out. */
  nextDueAt(options: { sends: boolean }): number | null {
    const sends = options.sends
      ? `SELECT MIN(next_attempt_at) AS t FROM documents WHERE state = 'queued'
         UNION ALL SELECT MIN(lease_until) FROM documents WHERE state = 'sending' UNION ALL `
      : '';
    const row = this.journal.db
      .prepare(`SELECT MIN(t) AS t FROM (${sends}SELECT MIN(next_poll_at) AS t FROM documents WHERE state = 'submitted')`)
      .get() as { t: number | null } | undefined;
    return row?.t ?? null;
  }

  /** Makes every waiting document due now (the manager asked to try now). */
  makeAllDue(now: number): void {
    this.journal.transaction(() => {
      this.journal.db.prepare(`UPDATE documents SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?`).run(now, now);
      this.journal.db.prepare(`UPDATE documents SET next_poll_at = ? WHERE state = 'submitted' AND next_poll_at > ?`).run(now, now);
    });
  }

  /** The submitted ones among `ids`. */
  submitted(ids: readonly string[]): PollCandidate[] {
    return ids.map((id) => this.repo.get(id)).filter((row): row is DocumentRow => row?.state === 'submitted');
  }
}
