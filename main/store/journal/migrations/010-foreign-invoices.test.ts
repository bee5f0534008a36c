import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { silentLogger } from '../../../logging/logger';
import { packBody } from '../document-body';
import { Journal, JOURNAL_FILE_NAME } from '../journal';
import { migrations } from '.';

const insertDocument = `INSERT INTO documents (id, profile_id, kind, state, draft, currency, buyer_name, original_id, buyer_id, number, total, created_at, updated_at)
  VALUES (?, 'p', ?, ?, ?, 'USD', 'Cash Ann', ?, ?, ?, ?, 'x', 'x')`;

it('upgrades a journal of schema 9: its documents kept, a credit note may name another till\'s invoice, every other reference still enforced', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-journal-')), JOURNAL_FILE_NAME);
  const before = Journal.open({ path, logger: silentLogger, migrations: migrations.filter((migration) => migration.version <= 9) });
  expect(before.schemaVersion()).toBe(9);
  before.db.prepare(insertDocument).run('inv', 'invoice', 'fiscalised', packBody('{"kind":"invoice"}'), null, null, 'INV-000001', '12.65');
  before.db.prepare(insertDocument).run('cn', 'credit-note', 'queued', packBody('{"kind":"credit-note"}'), 'inv', null, 'CN-000001', '4.60');
  expect(() => before.db.prepare(insertDocument).run('cn2', 'credit-note', 'draft', packBody('{}'), 'elsewhere', null, null, null)).toThrow(/FOREIGN KEY/);
  before.close();

  const after = Journal.open({ path, logger: silentLogger, migrations: migrations.filter((migration) => migration.version <= 10) });
  expect(after.schemaVersion()).toBe(10);
  expect(after.db.prepare('SELECT id, original_id, number, total FROM documents ORDER BY id').all()).toEqual([
    { id: 'cn', original_id: 'inv', number: 'CN-000001', total: '4.60' },
    { id: 'inv', original_id: null, number: 'INV-000001', total: '12.65' },
  ]);
  after.db.prepare(insertDocument).run('cn2', 'credit-note', 'draft', packBody('{}'), 'elsewhere', null, null, null);
  expect(() => after.db.prepare(insertDocument).run('cn3', 'credit-note', 'draft', packBody('{}'), null, 999, null, null)).toThrow(/FOREIGN KEY/);
  expect(after.db.prepare('PRAGMA foreign_key_list(documents)').all()).toEqual([expect.objectContaining({ table: 'buyers', from: 'buyer_id' })]);
  expect(after.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'foreign_invoices'`).get()).toEqual({ name: 'foreign_invoices' });
  expect(after.integrityCheck()).toBe('ok');
  after.close();
  // Opened again by this app: the edited schema reads back, and the later steps run over it.
  const again = Journal.open({ path, logger: silentLogger });
  expect(again.schemaVersion()).toBe(migrations.at(-1)?.version);
  expect(again.integrityCheck()).toBe('ok');
  again.close();
});
