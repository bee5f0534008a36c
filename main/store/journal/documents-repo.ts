import type { SQLInputValue, StatementSync } from 'node:sqlite';
import type { DocumentKind, DocumentState } from '../../../shared/contract/documents';
import { AppError } from '../../../shared/errors';
import type { DocumentChanges, DocumentRow, EventRow, LineRow } from './document-rows';
import type { Journal } from './journal';
import { prepared } from './prepared-statements';

/**
 * Reads and writes of documents, their lines and their event log. Every state change goes
 * through `transition`, which writes the change and its event in one transaction and only
 * applies when the document is still in a state the caller expects.
 */
export class DocumentsRepo {
  constructor(private readonly journal: Journal) {}

  private get db() {
    return this.journal.db;
  }

  /** Compiled once per connection (prepared-statements.ts): the outbox runs these for every document it sends. */
  private prepare(sql: string): StatementSync {
    return prepared(this.db, sql);
  }

  get(id: string): DocumentRow | undefined {
    return this.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  }

  lines(id: string): LineRow[] {
    return this.prepare('SELECT * FROM document_lines WHERE document_id = ? ORDER BY position').all(id) as unknown as LineRow[];
  }

  events(id: string): EventRow[] {
    return this.prepare('SELECT * FROM document_events WHERE document_id = ? ORDER BY id').all(id) as unknown as EventRow[];
  }

  /** Saves a new draft; inside the caller's transaction when there is one (an import saves its source key with it). */
  insert(row: Pick<DocumentRow, 'id' | 'profile_id' | 'kind' | 'draft' | 'currency' | 'buyer_name' | 'buyer_tin' | 'original_id' | 'sub_total' | 'total_tax' | 'total' | 'created_at'>, lines: Omit<LineRow, 'document_id'>[], note: string): void {
    const run = (): void => {
      this.prepare(
        `INSERT INTO documents (id, profile_id, kind, state, draft, currency, buyer_name, buyer_tin, original_id, sub_total, total_tax, total, created_at, updated_at, seq)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM documents))`,
      ).run(row.id, row.profile_id, row.kind, row.draft, row.currency, row.buyer_name, row.buyer_tin, row.original_id, row.sub_total, row.total_tax, row.total, row.created_at, row.created_at);
      this.writeLines(row.id, lines);
      this.appendEvent(this.seqOf(row.id), row.created_at, null, 'draft', note);
    };
    if (this.db.isTransaction) run();
    else this.journal.transaction(run);
  }

  /** Replaces what was typed, while the document is still in one of `states`. */
  replaceDraft(
    id: string,
    states: readonly DocumentState[],
    fields: Pick<DocumentRow, 'draft' | 'currency' | 'buyer_name' | 'buyer_tin' | 'original_id' | 'sub_total' | 'total_tax' | 'total' | 'updated_at'>,
    lines: Omit<LineRow, 'document_id'>[],
  ): boolean {
    return this.journal.transaction(() => {
      const result = this.prepare(
        `UPDATE documents SET draft = ?, currency = ?, buyer_name = ?, buyer_tin = ?, original_id = ?, sub_total = ?, total_tax = ?, total = ?, updated_at = ?
         WHERE id = ? AND state IN (${placeholders(states)})`,
      ).run(fields.draft, fields.currency, fields.buyer_name, fields.buyer_tin, fields.original_id, fields.sub_total, fields.total_tax, fields.total, fields.updated_at, id, ...states);
      if (result.changes !== 1) return false;
      this.writeLines(id, lines);
      return true;
    });
  }

  /** Deletes a draft that never got a number (with its lines and its one event). */
  deleteDraft(id: string): boolean {
    return this.journal.transaction(() => this.prepare(`DELETE FROM documents WHERE id = ? AND state = 'draft' AND number IS NULL`).run(id).changes === 1);
  }

  /**
   * Moves a document to `to` with `changes`, only if it is in one of `from` (and, when given,
   * still leased by `leaseOwner`); the event is written in the same transaction. Returns whether
   * it applied. Call inside `journal.transaction` to combine with other writes.
   */
  transition(
    id: string,
    guard: { from: readonly DocumentState[]; leaseOwner?: string; requestId?: string },
    to: DocumentState,
    changes: DocumentChanges,
    at: string,
    note: string,
  ): boolean {
    const run = (): boolean => {
      // One read for the guard and the event's document number: the outbox runs this three times a document.
      const current = this.prepare('SELECT state, seq FROM documents WHERE id = ?').get(id) as { state: DocumentState; seq: number | null } | undefined;
      if (current === undefined || !guard.from.includes(current.state)) return false;
      const sets = Object.keys(changes).map((column) => `${assertColumn(column)} = ?`);
      const values = Object.values(changes) as SQLInputValue[];
      let where = 'id = ? AND state = ?';
      const whereValues: SQLInputValue[] = [id, current.state];
      if (guard.leaseOwner !== undefined) {
        where += ' AND lease_owner = ?';
        whereValues.push(guard.leaseOwner);
      }
      if (guard.requestId !== undefined) {
        where += ' AND request_id = ?';
        whereValues.push(guard.requestId);
      }
      const result = this.prepare(`UPDATE documents SET ${['state = ?', 'updated_at = ?', ...sets].join(', ')} WHERE ${where}`).run(to, at, ...values, ...whereValues);
      if (result.changes !== 1) return false;
      if (current.state !== to || note !== '') this.appendEvent(current.seq, at, current.state, to, note);
      return true;
    };
    return this.db.isTransaction ? run() : this.journal.transaction(run);
  }

  /**
   * A profile's sequence, made with `defaultPrefix` when it has none yet. Numbers are taken by
   * NumberSequences (number-sequences.ts) only: it holds them against the watermark outside the journal.
   */
  sequence(profileId: string, kind: DocumentKind, defaultPrefix: string): { prefix: string; next_value: number } {
    this.prepare('INSERT OR IGNORE INTO number_sequences (profile_id, kind, prefix, next_value) VALUES (?, ?, ?, 1)').run(profileId, kind, defaultPrefix);
    return this.prepare('SELECT prefix, next_value FROM number_sequences WHERE profile_id = ? AND kind = ?').get(profileId, kind) as { prefix: string; next_value: number };
  }

  /** The sequence as it stands, without making one. */
  peekSequence(profileId: string, kind: DocumentKind): { prefix: string; next_value: number } | undefined {
    return this.prepare('SELECT prefix, next_value FROM number_sequences WHERE profile_id = ? AND kind = ?').get(profileId, kind) as
      | { prefix: string; next_value: number }
      | undefined;
  }

  allSequences(): { profile_id: string; kind: DocumentKind; prefix: string; next_value: number }[] {
    return this.prepare('SELECT profile_id, kind, prefix, next_value FROM number_sequences ORDER BY profile_id, kind').all() as unknown as {
      profile_id: string;
      kind: DocumentKind;
      prefix: string;
      next_value: number;
    }[];
  }

  insertSequence(profileId: string, kind: DocumentKind, prefix: string, nextValue: number): void {
    this.prepare('INSERT INTO number_sequences (profile_id, kind, prefix, next_value) VALUES (?, ?, ?, ?)').run(profileId, kind, prefix, nextValue);
  }

  setNextValue(profileId: string, kind: DocumentKind, nextValue: number): void {
    this.prepare('UPDATE number_sequences SET next_value = ? WHERE profile_id = ? AND kind = ?').run(nextValue, profileId, kind);
  }

  /** The highest sequence value in the numbers of a profile's documents of one kind (their trailing digits), 0 when none. */
  highestNumberValue(profileId: string, kind: DocumentKind): number {
    const row = this.prepare(
      `SELECT MAX(CAST(substr(number, length(rtrim(number, '0123456789')) + 1) AS INTEGER)) AS highest
       FROM documents WHERE profile_id = ? AND kind = ? AND number IS NOT NULL`,
    ).get(profileId, kind) as { highest: number | null } | undefined;
    return row?.highest ?? 0;
  }

  setPrefix(profileId: string, kind: DocumentKind, prefix: string, defaultPrefix: string): void {
    this.journal.transaction(() => {
      this.sequence(profileId, kind, defaultPrefix);
      this.prepare('UPDATE number_sequences SET prefix = ? WHERE profile_id = ? AND kind = ?').run(prefix, profileId, kind);
    });
  }

  /** Remembers a buyer for the register (by name and TIN); returns its id. */
  upsertBuyer(profileId: string, buyer: { name: string; tradeName: string; tin: string; vatNumber: string; phone: string; email: string; addressJson: string }, at: string): number {
    this.prepare(
      `INSERT INTO buyers (profile_id, name, trade_name, tin, vat_number, phone, email, address_json, last_used_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, name, tin) DO UPDATE SET trade_name = excluded.trade_name, vat_number = excluded.vat_number,
         phone = excluded.phone, email = excluded.email, address_json = excluded.address_json, last_used_at = excluded.last_used_at,
         use_count = use_count + 1`,
    ).run(profileId, buyer.name, buyer.tradeName, buyer.tin, buyer.vatNumber, buyer.phone, buyer.email, buyer.addressJson, at);
    const row = this.prepare('SELECT id FROM buyers WHERE profile_id = ? AND name = ? AND tin = ?').get(profileId, buyer.name, buyer.tin) as { id: number };
    return row.id;
  }

  counts(): Partial<Record<DocumentState, number>> {
    const rows = this.prepare(`SELECT state, COUNT(*) AS n FROM documents WHERE state IN ('queued', 'sending', 'submitted', 'needs-fix', 'needs-attention') GROUP BY state`).all() as { state: DocumentState; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  private writeLines(id: string, lines: Omit<LineRow, 'document_id'>[]): void {
    const seq = this.seqOf(id);
    this.prepare('DELETE FROM line_items WHERE doc_seq = ?').run(seq);
    const text = this.prepare('INSERT OR IGNORE INTO line_texts (description) VALUES (?)');
    const insert = this.prepare(
      `INSERT INTO line_items (doc_seq, position, text_id, quantity, unit_amount, discount_amount, tax_code, hs_code, line_amount)
       VALUES (?, ?, (SELECT id FROM line_texts WHERE description = ?), ?, ?, ?, ?, ?, ?)`,
    );
    for (const line of lines) {
      text.run(line.description);
      insert.run(seq, line.position, line.description, line.quantity, line.unit_amount, line.discount_amount, line.tax_code, line.hs_code, line.line_amount);
    }
  }

  /** The document's own number, which its lines and events name (migration 012); null when there is no such document. */
  private seqOf(id: string): number | null {
    const row = this.prepare('SELECT seq FROM documents WHERE id = ?').get(id) as { seq: number | null } | undefined;
    return row?.seq ?? null;
  }

  /** Appends an event that changes no state (a printout), with `alongside` in the same transaction. */
  note(id: string, at: string, note: string, alongside: () => void = () => undefined): void {
    this.journal.transaction(() => {
      const current = this.get(id);
      if (current === undefined) throw new AppError('NOT_FOUND', 'This document is not in the journal.');
      alongside();
      this.appendEvent(this.seqOf(id), at, current.state, current.state, note);
    });
  }

  /** `seq` is the document's own number (seqOf). */
  private appendEvent(seq: number | null, at: string, from: DocumentState | null, to: DocumentState, note: string): void {
    this.prepare('INSERT INTO event_log (doc_seq, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)').run(seq, at, from, to, note);
  }
}

export function formatNumber(prefix: string, value: number): string {
  return `${prefix}${String(value).padStart(6, '0')}`;
}

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

const CHANGEABLE = new Set<string>([
  'draft', 'number', 'issued_at', 'currency', 'buyer_name', 'buyer_tin', 'buyer_id', 'original_id', 'sub_total', 'total_tax', 'total',
  'wire', 'is_retry', 'ambiguous', 'attempts', 'next_attempt_at', 'lease_owner', 'lease_until', 'request_id', 'submitted_at',
  'next_poll_at', 'polls', 'service_error', 'last_failure', 'qr_url', 'verification_code', 'fiscal_day', 'device_id', 'zimra_number', 'pdf_token',
]);

function assertColumn(column: string): string {
  if (!CHANGEABLE.has(column)) throw new AppError('INTERNAL', `Not a changeable document column: ${column}`);
  return column;
}
