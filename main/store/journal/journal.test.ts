import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { silentLogger } from '../../logging/logger';
import { packBody, unpackBody } from './document-body';
import { Journal, JOURNAL_FILE_NAME } from './journal';
import { migrations } from './migrations';
import { migration001 } from './migrations/001-documents';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'fd-journal-')), JOURNAL_FILE_NAME);
const open = (path: string, options: Partial<Parameters<typeof Journal.open>[0]> = {}) => Journal.open({ path, logger: silentLogger, ...options });

function openingError(path: string, options: Partial<Parameters<typeof Journal.open>[0]> = {}) {
  try {
    open(path, options).close();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('The journal opened');
}

describe('the journal', () => {
  it('opens with WAL, synchronous FULL and foreign keys, at the latest schema', () => {
    const journal = open(freshPath());
    const pragma = (name: string) => Object.values(journal.db.prepare(`PRAGMA ${name}`).get() ?? {})[0];
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2); // FULL
    expect(pragma('foreign_keys')).toBe(1);
    expect(journal.schemaVersion()).toBe(migrations.at(-1)?.version);
    journal.close();
  });

  it('upgrades a journal written by the first version, keeping its documents and their bodies byte for byte', () => {
    const path = freshPath();
    const first = open(path, { migrations: [migration001] });
    expect(first.schemaVersion()).toBe(1);
    // Bodies as schema 1 kept them: plain JSON text, with the digits and characters a body must keep.
    const draftJson = '{"kind":"invoice","buyer":{"name":"Chipo\'s Café"},"lines":[{"quantity":"2.5","unitAmount":"90071992547409.93"}]}';
    const line = (index: number) => `{"Description":"Mealie-meal 10 kg, bag ${index}","Quantity":2.5,"UnitAmount":12.5,"TaxCode":"VAT15","HsCode":"11022000"}`;
    const wireJson = `{"InvoiceId":"d1","Total":90071992547409.93,"LineItems":[${[1, 2, 3, 4, 5].map(line).join(',')}]}`;
    const insert = first.db.prepare(
      `INSERT INTO documents (id, profile_id, kind, state, draft_json, wire_json, currency, buyer_name, number, total, created_at, updated_at) VALUES (?, 'p', 'invoice', ?, ?, ?, 'USD', 'Cash Ann', ?, '12.65', 'x', 'x')`,
    );
    insert.run('d1', 'fiscalised', draftJson, wireJson, 'INV-000001');
    insert.run('d2', 'draft', '{}', null, null);
    first.db.prepare(`INSERT INTO document_events (document_id, at, from_state, to_state, note) VALUES ('d1', 'x', NULL, 'fiscalised', 'n')`).run();
    first.close();
    const upgraded = open(path);
    expect(upgraded.schemaVersion()).toBe(migrations.at(-1)?.version);
    expect(upgraded.db.prepare(`SELECT number, total FROM documents WHERE id = 'd1'`).get()).toEqual({ number: 'INV-000001', total: '12.65' });
    const bodies = upgraded.db.prepare('SELECT id, draft, wire FROM documents ORDER BY id').all() as { id: string; draft: Uint8Array; wire: Uint8Array | null }[];
    expect(bodies.map((row) => [row.id, unpackBody(row.draft, { documentId: row.id }), row.wire === null ? null : unpackBody(row.wire, { documentId: row.id })])).toEqual([
      ['d1', draftJson, wireJson],
      ['d2', '{}', null],
    ]);
    // Stored compressed, not as text: the point of the upgrade.
    expect(bodies[0]!.wire!.byteLength).toBeLessThan(Buffer.byteLength(wireJson));
    const columns = (upgraded.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((column) => column.name);
    expect(columns).not.toContain('draft_json');
    expect(columns).not.toContain('wire_json');
    expect(upgraded.integrityCheck()).toBe('ok');
    upgraded.close();
  });

  it('refuses to read a damaged body back, with a message that says what to do', () => {
    const stored = packBody('{"Total":12.65}');
    const damaged = Uint8Array.from(stored);
    damaged[damaged.length - 6] = damaged[damaged.length - 6]! ^ 0xff;
    expect(unpackBody(stored, { documentId: 'd1' })).toBe('{"Total":12.65}');
    expect(() => unpackBody(damaged, { documentId: 'd1' })).toThrow(/document d1 is damaged.*keep a copy of the data folder/);
  });

  it('keeps the event log append-only', () => {
    const journal = open(freshPath());
    journal.db.prepare(`INSERT INTO documents (id, profile_id, kind, state, currency, buyer_name, created_at, updated_at) VALUES ('d', 'p', 'invoice', 'draft', '', '', 'x', 'x')`).run();
    journal.db.prepare(`INSERT INTO document_events (document_id, at, from_state, to_state, note) VALUES ('d', 'x', NULL, 'draft', 'n')`).run();
    expect(() => journal.db.prepare(`UPDATE document_events SET note = 'rewritten'`).run()).toThrow(/append-only/);
    journal.close();
  });

  it('moves a corrupt file aside, keeps it whole, names it, and starts a new journal', () => {
    const path = freshPath();
    const garbage = Buffer.from('this is not a database, but the manager may need it back '.repeat(200));
    writeFileSync(path, garbage);
    const journal = open(path, { now: () => new Date('2026-11-30T10:00:00Z') });
    const aside = journal.opening.movedAside;
    expect(aside).toBe(`${path}.unreadable-2026-11-30T10-00-00-000Z`);
    expect(readFileSync(aside ?? '')).toEqual(garbage);
    expect(journal.integrityCheck()).toBe('ok');
    journal.close();
  });

  it('refuses a journal written by a newer version and leaves it untouched', () => {
    const path = freshPath();
    open(path).close();
    const raw = new DatabaseSync(path);
    raw.exec('PRAGMA user_version = 999');
    raw.close();
    const before = readFileSync(path);
    const error = openingError(path);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/newer version of Fiscal Desk.*nothing in it was changed/);
    expect(readFileSync(path)).toEqual(before);
    expect(existsSync(`${path}.unreadable`)).toBe(false);
  });

  it('says so when another program holds the journal locked, and changes nothing', () => {
    const path = freshPath();
    open(path, { migrations: [migration001] }).close();
    const holder = new DatabaseSync(path);
    holder.exec('PRAGMA locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const error = openingError(path, { busyTimeoutMs: 50 });
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/locked by another program.*Close other copies of Fiscal Desk/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(open(path).schemaVersion()).toBe(migrations.at(-1)?.version);
  });
});
