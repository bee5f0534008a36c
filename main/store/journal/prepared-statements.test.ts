import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { JOURNAL_FILE_NAME, Journal } from './journal';
import { MAX_PREPARED_PER_CONNECTION, prepared } from './prepared-statements';

const opened: DatabaseSync[] = [];
function memory(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE t (n INTEGER)');
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) if (db.isOpen) db.close();
});

describe('prepared statements', () => {
  it('compiles a statement once per connection and SQL text', () => {
    const db = memory();
    const insert = prepared(db, 'INSERT INTO t (n) VALUES (?)');
    expect(prepared(db, 'INSERT INTO t (n) VALUES (?)')).toBe(insert);
    expect(prepared(db, 'SELECT n FROM t')).not.toBe(insert);
    insert.run(1);
    prepared(db, 'INSERT INTO t (n) VALUES (?)').run(2);
    expect(prepared(db, 'SELECT n FROM t ORDER BY n').all()).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('never hands one connection a statement of another', () => {
    const first = memory();
    const second = memory();
    prepared(first, 'INSERT INTO t (n) VALUES (?)').run(1);
    const other = prepared(second, 'INSERT INTO t (n) VALUES (?)');
    expect(other).not.toBe(prepared(first, 'INSERT INTO t (n) VALUES (?)'));
    other.run(2);
    expect(prepared(first, 'SELECT n FROM t').all()).toEqual([{ n: 1 }]);
    expect(prepared(second, 'SELECT n FROM t').all()).toEqual([{ n: 2 }]);
  });

  it('fails on a closed connection as preparing on it does', () => {
    const db = memory();
    prepared(db, 'SELECT n FROM t').all();
    db.close();
    let direct: unknown;
    try {
      db.prepare('SELECT n FROM t');
    } catch (error) {
      direct = error;
    }
    expect(direct).toBeInstanceOf(Error);
    expect(() => prepared(db, 'SELECT n FROM t')).toThrow((direct as Error).message);
  });

  it('reads a journal opened again through its new connection, not the closed one', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-prepared-')), JOURNAL_FILE_NAME);
    const before = Journal.open({ path, logger: silentLogger });
    const count = 'SELECT COUNT(*) AS n FROM number_sequences';
    const old = prepared(before.db, count);
    expect(old.get()).toEqual({ n: 0 });
    before.close();
    const after = Journal.open({ path, logger: silentLogger });
    try {
      after.db.prepare(`INSERT INTO number_sequences (profile_id, kind, prefix, next_value) VALUES ('p', 'invoice', 'INV-', 1)`).run();
      // Compared by identity: the old statement, finalized with its connection, throws when read.
      expect(prepared(after.db, count) === old).toBe(false);
      expect(prepared(after.db, count).get()).toEqual({ n: 1 });
    } finally {
      after.close();
    }
  });

  it('keeps at most its bound of statements per connection, dropping the oldest first', () => {
    const db = memory();
    const first = prepared(db, 'SELECT 0 AS n');
    for (let i = 1; i <= MAX_PREPARED_PER_CONNECTION; i += 1) prepared(db, `SELECT ${i} AS n`);
    const last = prepared(db, `SELECT ${MAX_PREPARED_PER_CONNECTION} AS n`);
    expect(prepared(db, `SELECT ${MAX_PREPARED_PER_CONNECTION} AS n`)).toBe(last);
    const again = prepared(db, 'SELECT 0 AS n');
    expect(again).not.toBe(first);
    expect(again.get()).toEqual({ n: 0 });
  });
});
