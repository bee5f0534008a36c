import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDocumentsInputSchema } from '../../../shared/contract/documents';
import { silentLogger } from '../../logging/logger';
import { isPackedCurrent, packBody, unpackBody } from './document-body';
import { DocumentsRepo } from './documents-repo';
import { searchHistory } from './history-query';
import { Journal } from './journal';
import { recoverJournal } from './journal-recovery';
import type { MigrationProgress } from './migrations/migration';
import { migration012 } from './migrations/012-journal-footprint';
import { DAMAGED_ID, previousMigrations, snapshot, writePreviousSchemaJournal } from './test-support/previous-schema-journal';

/** More than one batch of the migration (2,000 documents). */
const DOCUMENTS = 2_500;
const previousVersion = previousMigrations.at(-1)!.version;

let previousPath: string;
let before: Record<string, unknown[]>;
let bodyBytesBefore: number;

function smashHeader(path: string): void {
  const file = openSync(path, 'r+');
  try {
    writeSync(file, Buffer.alloc(100, 0x5a), 0, 100, 0);
  } finally {
    closeSync(file);
  }
}

/** Documents, lines, events and the history's full-text rows: what migration 012 moves. */
const rowsMoved = () => before.documents!.length + before.document_lines!.length + before.document_events!.length + before.document_history!.length;

const freshCopy = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-footprint-')), 'journal.sqlite');
  copyFileSync(previousPath, path);
  return path;
};
const bodyBytes = (db: DatabaseSync) => (db.prepare('SELECT sum(length(draft)) + sum(coalesce(length(wire), 0)) AS n FROM documents').get() as { n: number }).n;
const userVersion = (path: string) => {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
};

beforeAll(() => {
  previousPath = join(mkdtempSync(join(tmpdir(), 'fd-footprint-previous-')), 'journal.sqlite');
  writePreviousSchemaJournal(previousPath, DOCUMENTS);
  const db = new DatabaseSync(previousPath, { readOnly: true });
  before = snapshot(db);
  bodyBytesBefore = bodyBytes(db);
  db.close();
});

// Each test upgrades or recovers 2,500 documents: seconds on a busy machine.
describe('migration 012 (a lighter journal)', { timeout: 60_000 }, () => {
  it('upgrades a journal of the previous schema with every document, line, event and body byte for byte, reporting its progress', () => {
    expect(userVersion(previousPath)).toBe(previousVersion);
    expect(before.documents).toHaveLength(DOCUMENTS);
    expect(before.document_lines!.length).toBeGreaterThan(DOCUMENTS * 2);
    expect(before.document_events!.length).toBeGreaterThan(DOCUMENTS * 3);
    const path = freshCopy();
    const progress: MigrationProgress[] = [];
    const journal = Journal.open({ path, logger: silentLogger, onMigrationProgress: (step) => progress.push(step) });
    expect(journal.schemaVersion()).toBe(migration012.version);
    expect(snapshot(journal.db)).toEqual(before);
    expect(progress.every((step) => step.version === 12 && step.name === 'journal-footprint' && step.total === rowsMoved())).toBe(true);
    expect(progress.map((step) => step.done)).toEqual([...progress.map((step) => step.done)].sort((a, b) => a - b));
    expect(progress.map((step) => step.done).slice(0, 2)).toEqual([0, 2000]);
    expect(progress.at(-1)!.done).toBe(rowsMoved());

    const bodies = journal.db.prepare('SELECT id, draft, wire FROM documents').all() as { id: string; draft: Uint8Array; wire: Uint8Array | null }[];
    const readable = bodies.filter((row) => row.id !== DAMAGED_ID);
    expect(readable.every((row) => isPackedCurrent(row.draft) && (row.wire === null || isPackedCurrent(row.wire)))).toBe(true);
    expect(bodies.filter((row) => row.wire !== null).length).toBeGreaterThan(DOCUMENTS / 2);
    expect(bodyBytes(journal.db)).toBeLessThan(bodyBytesBefore * 0.8);
    // The body that could not be read is kept as it was, and still says it is damaged.
    const damaged = bodies.find((row) => row.id === DAMAGED_ID)!;
    expect(Buffer.from(damaged.wire!).toString('hex')).toBe('78da0102');
    expect(() => unpackBody(damaged.wire!, { documentId: DAMAGED_ID })).toThrow(/document doc-000005 is damaged/);

    const indexes = (journal.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((row) => row.name);
    expect(indexes).not.toContain('documents_by_profile');
    expect(indexes).not.toContain('documents_fiscalised_invoices');
    const found = searchHistory(journal.db, 'p1', listDocumentsInputSchema.parse({ search: 'INV-002498' }));
    expect(found.items.map((item) => item.id)).toEqual(['doc-002498']);
    // The full-text index made again with the days: a search within dates is answered as before.
    const withinDays = searchHistory(journal.db, 'p1', listDocumentsInputSchema.parse({ search: 'chipo', dateFrom: '2026-11-27', dateTo: '2026-11-27', limit: 200 }));
    expect(withinDays.total).toBe(before.documents!.filter((row) => (row as { number: string | null }).number !== null).length);
    expect(journal.integrityCheck()).toBe('ok');
    journal.close();
  });

  it('starts again cleanly after the app was killed in the middle of it (a real SIGKILL before its COMMIT)', async () => {
    const path = freshCopy();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'test-support', 'migrate-and-die.ts'), path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, killed) => resolve(killed)));
    expect(signal).toBe('SIGKILL');
    expect(output.trim()).toBe(`KILLED AT 2000/${rowsMoved()}`);
    // Nothing of the cut-off step is in the journal: it is at the previous schema with its rows as they were.
    const cutOff = new DatabaseSync(path);
    expect((cutOff.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(previousVersion);
    expect(snapshot(cutOff)).toEqual(before);
    expect(bodyBytes(cutOff)).toBe(bodyBytesBefore);
    cutOff.close();

    const journal = Journal.open({ path, logger: silentLogger });
    expect(journal.schemaVersion()).toBe(migration012.version);
    expect(snapshot(journal.db)).toEqual(before);
    expect(bodyBytes(journal.db)).toBeLessThan(bodyBytesBefore * 0.8);
    expect(journal.integrityCheck()).toBe('ok');
    journal.close();
  });

  it('keeps writing lines and events where the views read them, append-only, with event ids never given twice', () => {
    const path = freshCopy();
    const journal = Journal.open({ path, logger: silentLogger });
    const repo = new DocumentsRepo(journal);
    const lastEvent = (before.event_sequence as { seq: number }[])[0]!.seq;
    const line = { position: 0, description: 'Cooking oil 2 l', quantity: '1', unit_amount: '5.00', discount_amount: '', tax_code: 'VAT15', hs_code: '15079000', line_amount: null };
    repo.insert({ id: 'new-1', profile_id: 'p1', kind: 'invoice', draft: packBody('{}'), currency: 'USD', buyer_name: 'Ann', buyer_tin: null, original_id: null, sub_total: '5.00', total_tax: '0.65', total: '5.65', created_at: 'x' }, [line], 'Saved as a draft');
    expect(repo.lines('new-1')).toEqual([{ document_id: 'new-1', ...line }]);
    expect(repo.events('new-1').map((event) => [event.id, event.note])).toEqual([[lastEvent + 1, 'Saved as a draft']]);
    expect(repo.get('new-1')!).toMatchObject({ seq: DOCUMENTS + 1 });
    // Written through the views, as a reader of the old tables would.
    journal.db.prepare(`INSERT INTO document_events (document_id, at, from_state, to_state, note) VALUES ('new-1', 'y', 'draft', 'draft', 'Printed')`).run();
    expect(repo.events('new-1').map((event) => event.note)).toEqual(['Saved as a draft', 'Printed']);
    expect(() => journal.db.prepare(`UPDATE document_events SET note = 'rewritten'`).run()).toThrow(/append-only/);
    expect(() => journal.db.prepare(`UPDATE event_log SET note = 'rewritten'`).run()).toThrow(/append-only/);
    expect(() => journal.db.prepare(`INSERT INTO document_events (document_id, at, from_state, to_state, note) VALUES ('nobody', 'y', NULL, 'draft', 'n')`).run()).toThrow();
    expect(repo.deleteDraft('new-1')).toBe(true);
    expect((journal.db.prepare('SELECT count(*) AS n FROM line_items WHERE doc_seq = ?').get(DOCUMENTS + 1) as { n: number }).n).toBe(0);
    expect((journal.db.prepare('SELECT count(*) AS n FROM event_log WHERE doc_seq = ?').get(DOCUMENTS + 1) as { n: number }).n).toBe(0);
    expect(snapshot(journal.db).document_events).toEqual(before.document_events);
    journal.close();
  });

  it.each([
    ['of this schema, as SQLite reads it', true, (_path: string) => undefined],
    ['of this schema, page by page, its header smashed', true, (path: string) => smashHeader(path)],
    ['of the previous schema, page by page, its header smashed', false, (path: string) => smashHeader(path)],
  ])('brings every line and event back from a journal moved aside as damaged (%s)', (_how, upgrade, damage) => {
    const upgraded = freshCopy();
    if (upgrade) Journal.open({ path: upgraded, logger: silentLogger }).close();
    damage(upgraded);
    const target = Journal.open({ path: join(mkdtempSync(join(tmpdir(), 'fd-footprint-recovered-')), 'journal.sqlite'), logger: silentLogger });
    const report = recoverJournal(upgraded, target, { logger: silentLogger, clock: () => new Date('2026-12-01T08:00:00.000Z') });
    expect(report.incomplete).toEqual([]);
    const after = snapshot(target.db);
    expect(after.document_lines).toEqual(before.document_lines);
    const notes = (rows: unknown[]) => (rows as { document_id: string; note: string }[]).filter((row) => !row.note.startsWith('Recovered from')).map((row) => [row.document_id, row.note]);
    expect(notes(after.document_events!)).toEqual(notes(before.document_events!));
    target.close();
  });

  it('leaves a journal already at its schema as it is when opened again', () => {
    const path = freshCopy();
    Journal.open({ path, logger: silentLogger }).close();
    const progress: MigrationProgress[] = [];
    const again = Journal.open({ path, logger: silentLogger, onMigrationProgress: (step) => progress.push(step) });
    expect(progress).toEqual([]);
    expect(snapshot(again.db)).toEqual(before);
    again.close();
  });
});
