import { renameSync } from 'node:fs';
import { NUMBER_VALUE_MAX, type DocumentKind } from '../../../shared/contract/documents';
import { kindInWords } from '../../../shared/domain/document-kind-words';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logging/logger';
import { DocumentsRepo, formatNumber } from './documents-repo';
import type { Journal } from './journal';
import { migration007 } from './migrations/007-journal-identity';
import { runToEnd } from './migrations/migration';
import { entryOf, withEntry, type NumberWatermark, type WatermarkEntry } from './number-watermark';

export interface SequenceView {
  prefix: string;
  /** The value the next number gets. */
  nextValue: number;
  /** False while the journal cannot know the last number used (queuing is refused). */
  certain: boolean;
  /** The highest value known to be used (sequence, watermark or a document's number); 0 when none. */
  highestKnown: number;
}

/**
 * The seller's number sequences of every connection: the journal's `number_sequences` held
 * against the numbering watermark outside it (number-watermark.ts), so a number is never handed
 * out twice, whatever happens to the journal file.
 *
 * The rule, at each number taken and when the journal is opened: a number is never at or below
 * the watermark's highest, except in one case. The watermark is written inside the queue's
 * transaction, before its COMMIT, so when that transaction rolls back (a failed check, a queue
 * refused at the last moment) the watermark is one ahead of a healthy journal by a number that
 * was never used: the same journal (its identity, migration 007), exactly one ahead, in the same
 * run that took that number, gives it again, so numbers keep having no gaps. After a restart the
 * same picture is ambiguous: a crash before COMMIT (the number unused) looks exactly like a
 * committed number whose -wal was lost or a copy of the journal put back (the number maybe sent),
 * so the number is skipped: a gap of one, never a number twice. Any other journal (emptied,
 * replaced, started afresh) or a same journal further behind goes on after the watermark.
 *
 * A journal started in place of a lost one while the watermark cannot be read does not know the
 * last numbers: it is marked so (`numbers_unknown_since`), and each connection and kind refuses
 * to number until its next number is recovered from the old file or confirmed by the manager.
 */
export class NumberSequences {
  private readonly repo: DocumentsRepo;
  private readonly journalId: string;
  /** The last number this run took of each sequence: only this run can know that it rolled back. */
  private readonly lastTaken = new Map<string, number>();

  constructor(
    private readonly deps: { journal: Journal; watermark: NumberWatermark; logger: Logger; clock: () => Date },
  ) {
    this.repo = new DocumentsRepo(deps.journal);
    giveIdentityIfSkipped(deps.journal);
    this.journalId = journalIdOf(deps.journal);
  }

  private get db() {
    return this.deps.journal.db;
  }

  /** The next number of a sequence, taken in the caller's transaction; the watermark is raised before it commits. */
  take(profileId: string, kind: DocumentKind, defaultPrefix: string): string {
    if (!this.deps.journal.db.isTransaction) throw new AppError('INTERNAL', 'A number is only taken inside the queue transaction.');
    if (!this.isCertain(profileId, kind)) throw numberingUncertain(kind);
    const row = this.repo.sequence(profileId, kind, defaultPrefix);
    const entries = this.currentEntries();
    const mark = entryOf(entries, profileId, kind);
    const value = mark === undefined ? row.next_value : this.nextAfter(mark, profileId, kind, row.next_value);
    if (value !== row.next_value) {
      this.deps.logger.warn('The journal was behind the numbering watermark; numbering goes on after the watermark', { profileId, kind, journal: row.next_value, watermark: mark?.last });
    }
    if (value > NUMBER_VALUE_MAX) throw new AppError('NOT_ALLOWED', `The ${kindInWords(kind)} numbers of this connection have reached ${NUMBER_VALUE_MAX}. Contact support: numbers this large are not expected.`);
    this.deps.watermark.write(withEntry(entries, this.entry(profileId, kind, row.prefix, value)));
    this.repo.setNextValue(profileId, kind, value + 1);
    this.lastTaken.set(sequenceKey(profileId, kind), value);
    return formatNumber(row.prefix, value);
  }

  view(profileId: string, kind: DocumentKind, defaultPrefix: string): SequenceView {
    const row = this.repo.peekSequence(profileId, kind) ?? { prefix: defaultPrefix, next_value: 1 };
    const read = this.deps.watermark.read();
    const mark = read.state === 'readable' ? entryOf(read.entries, profileId, kind) : undefined;
    const certain = this.isCertain(profileId, kind);
    return {
      prefix: row.prefix,
      nextValue: mark === undefined ? row.next_value : this.nextAfter(mark, profileId, kind, row.next_value),
      certain,
      // The documents' own numbers only matter when the sequence is not known (a full scan of them at a million).
      highestKnown: this.highestKnown(profileId, kind, { documents: !certain }),
    };
  }

  /**
   * The manager says which number comes next (after looking up the last one used in the Fiscal
   * Harmony portal). Refused at or below the highest number this computer knows was used.
   */
  confirmNext(profileId: string, kind: DocumentKind, nextValue: number, defaultPrefix: string, field: string): void {
    this.deps.journal.transaction(() => {
      const highest = this.highestKnown(profileId, kind);
      if (nextValue <= highest) {
        throw new AppError('INVALID_INPUT', `The next ${kindInWords(kind)} number must be above ${highest}, the highest this computer knows was used.`, {
          fields: { [field]: `Use ${highest + 1} or more: ${highest} was used already.` },
        });
      }
      const row = this.repo.sequence(profileId, kind, defaultPrefix);
      this.repo.setNextValue(profileId, kind, nextValue);
      this.settle(profileId, kind, 'confirmed');
      const entries = this.currentEntries();
      const mark = entryOf(entries, profileId, kind);
      this.deps.watermark.write(withEntry(entries, this.entry(profileId, kind, row.prefix, Math.max(nextValue - 1, mark?.last ?? 0))));
      this.deps.logger.info('The manager confirmed the next number', { profileId, kind, nextValue });
    });
  }

  isCertain(profileId: string, kind: DocumentKind): boolean {
    if (numbersUnknownSince(this.deps.journal) === null) return true;
    return this.db.prepare('SELECT 1 FROM numbers_settled WHERE profile_id = ? AND kind = ?').get(profileId, kind) !== undefined;
  }

  markUnknown(): void {
    this.db.prepare(`INSERT OR IGNORE INTO journal_meta (key, value) VALUES ('numbers_unknown_since', ?)`).run(this.deps.clock().toISOString());
  }

  settle(profileId: string, kind: DocumentKind, how: 'recovered' | 'confirmed'): void {
    this.db
      .prepare('INSERT INTO numbers_settled (profile_id, kind, how, at) VALUES (?, ?, ?, ?) ON CONFLICT (profile_id, kind) DO UPDATE SET how = excluded.how, at = excluded.at')
      .run(profileId, kind, how, this.deps.clock().toISOString());
  }

  /**
   * Brings the journal up to the watermark when it is opened (see the rule above) and writes the
   * watermark back with every sequence the journal has, stamped with this journal. Answers the
   * sequences that had to go on after the watermark. An unreadable watermark is kept aside first.
   */
  reconcile(): { raised: { profileId: string; kind: DocumentKind; from: number; to: number }[] } {
    const raised: { profileId: string; kind: DocumentKind; from: number; to: number }[] = [];
    this.deps.journal.transaction(() => {
      const read = this.deps.watermark.read();
      if (read.state === 'unreadable') {
        const aside = `${this.deps.watermark.path}.unreadable-${this.deps.clock().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(this.deps.watermark.path, aside);
        this.deps.logger.error('The numbering watermark could not be read; it was kept aside and written again from the journal', { aside, error: read.error });
      }
      const marks = read.state === 'readable' ? read.entries : [];
      for (const mark of marks) {
        const row = this.repo.peekSequence(mark.profileId, mark.kind);
        const next = this.nextAfter(mark, mark.profileId, mark.kind, row?.next_value ?? 1);
        if (row === undefined) this.repo.insertSequence(mark.profileId, mark.kind, mark.prefix, next);
        else if (next !== row.next_value) this.repo.setNextValue(mark.profileId, mark.kind, next);
        if (next !== (row?.next_value ?? 1)) raised.push({ profileId: mark.profileId, kind: mark.kind, from: row?.next_value ?? 1, to: next });
      }
      const entries = this.repo.allSequences().map((row) => {
        const mark = entryOf(marks, row.profile_id, row.kind);
        // Never lowered: the journal was just raised to it wherever it was behind.
        const last = Math.max(row.next_value - 1, mark?.last ?? 0);
        return this.entry(row.profile_id, row.kind, row.prefix, last, mark?.at);
      });
      try {
        this.deps.watermark.write(entries);
      } catch (error) {
        // A full disk must not keep the journal shut: the old file still holds every number given,
        // and each number taken writes it again first (refused while it cannot be written).
        this.deps.logger.warn('The numbering watermark could not be written at start-up', { error });
      }
    });
    if (raised.length > 0) this.deps.logger.warn('The journal was behind the numbering watermark; numbering goes on after the watermark', { raised });
    return { raised };
  }

  /** The highest value known to be used: the sequence, the watermark, and the documents' own numbers. */
  highestKnown(profileId: string, kind: DocumentKind, options: { documents: boolean } = { documents: true }): number {
    const row = this.repo.peekSequence(profileId, kind);
    const read = this.deps.watermark.read();
    const mark = read.state === 'readable' ? entryOf(read.entries, profileId, kind) : undefined;
    const sequence = row === undefined ? 0 : row.next_value - 1;
    // In the rollback case the watermark's last was never used.
    const watermark = mark === undefined ? 0 : row !== undefined && this.rolledBack(mark, profileId, kind, row.next_value) ? mark.last - 1 : mark.last;
    return Math.max(sequence, watermark, options.documents ? this.repo.highestNumberValue(profileId, kind) : 0);
  }

  private nextAfter(mark: WatermarkEntry, profileId: string, kind: DocumentKind, journalNext: number): number {
    return this.rolledBack(mark, profileId, kind, journalNext) ? journalNext : Math.max(journalNext, mark.last + 1);
  }

  /** The watermark is one ahead only because this run took that number and its transaction rolled back (see the rule above). */
  private rolledBack(mark: WatermarkEntry, profileId: string, kind: DocumentKind, journalNext: number): boolean {
    return mark.journalId === this.journalId && mark.last === journalNext && this.lastTaken.get(sequenceKey(profileId, kind)) === journalNext;
  }

  /** The watermark as it stands, or (missing or unreadable) as the journal's sequences say. */
  private currentEntries(): WatermarkEntry[] {
    const read = this.deps.watermark.read();
    if (read.state === 'readable') return read.entries;
    this.deps.logger.warn('The numbering watermark was not there to raise; it is written again from the journal', { state: read.state });
    return this.repo.allSequences().map((row) => this.entry(row.profile_id, row.kind, row.prefix, row.next_value - 1));
  }

  private entry(profileId: string, kind: DocumentKind, prefix: string, last: number, at?: string): WatermarkEntry {
    return { profileId, kind, prefix, last, journalId: this.journalId, at: at ?? this.deps.clock().toISOString() };
  }
}

const sequenceKey = (profileId: string, kind: DocumentKind): string => `${kind} ${profileId}`;

/**
 * Migration 008 was applied by development builds before 007 existed, and the runner skips a
 * version below the journal's: such a journal gets 007's tables and identity here (a shipped
 * journal always has them).
 */
function giveIdentityIfSkipped(journal: Journal): void {
  if (journal.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal_meta'`).get() !== undefined) return;
  journal.transaction(() => {
    journal.db.exec(migration007.sql);
    runToEnd(migration007, journal.db);
  });
}

export function journalIdOf(journal: Journal): string {
  const row = journal.db.prepare(`SELECT value FROM journal_meta WHERE key = 'journal_id'`).get() as { value: string } | undefined;
  if (row === undefined) throw new AppError('INTERNAL', 'The documents journal has no identity. Restart Fiscal Desk; if it keeps happening, contact support.');
  return row.value;
}

function numbersUnknownSince(journal: Journal): string | null {
  const row = journal.db.prepare(`SELECT value FROM journal_meta WHERE key = 'numbers_unknown_since'`).get() as { value: string } | undefined;
  return row?.value ?? null;
}


export function numberingUncertain(kind: DocumentKind): AppError {
  return new AppError(
    'NUMBERING_UNCERTAIN',
    `Nothing can be queued yet: the documents journal was lost or damaged, so this computer does not know the last ${kindInWords(kind)} number used, and giving one twice must not happen. Look up the last ${kindInWords(kind)} number used in the Fiscal Harmony portal, then enter the next one in Settings, Numbering.`,
  );
}
