import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { QuickCheckFailed, storageFailureOf } from './sqlite-errors';

// What each failure means, told from the errors the real engine and the real kernel throw.

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the work to fail');
}

function databaseWithRows(): { db: DatabaseSync; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-sqlite-errors-')), 'test.sqlite');
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)');
  const insert = db.prepare('INSERT INTO t (a) VALUES (?)');
  db.exec('BEGIN');
  for (let i = 0; i < 300; i += 1) insert.run(`${'x'.repeat(300)}${i}`);
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return { db, path };
}

describe('storageFailureOf', () => {
  it('a page overwritten: corrupt (SQLITE_CORRUPT, "database disk image is malformed")', () => {
    const { db, path } = databaseWithRows();
    const file = openSync(path, 'r+');
    writeSync(file, Buffer.alloc(4096), 0, 4096, 20480);
    closeSync(file);
    db.exec('PRAGMA shrink_memory');
    const error = caught(() => db.prepare('SELECT sum(length(a)) FROM t').get());
    expect(error).toMatchObject({ errcode: 11, errstr: 'database disk image is malformed' });
    expect(storageFailureOf(error)).toBe('corrupt');
    db.close();
  });

  it('a file that is not SQLite at all: corrupt (SQLITE_NOTADB)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-sqlite-errors-')), 'text.sqlite');
    writeFileSync(path, 'x'.repeat(8192));
    const error = caught(() => new DatabaseSync(path).exec('PRAGMA journal_mode = WAL'));
    expect(error).toMatchObject({ errcode: 26 });
    expect(storageFailureOf(error)).toBe('corrupt');
  });

  it('damage found by the quick check at open: corrupt', () => {
    expect(storageFailureOf(new QuickCheckFailed('Page 6: btreeInitPage() returns error code 11'))).toBe('corrupt');
  });

  it('no room for the write: full (SQLITE_FULL, as for a full volume)', () => {
    const { db } = databaseWithRows();
    db.exec('PRAGMA max_page_count = 1');
    const error = caught(() => db.prepare('INSERT INTO t (a) VALUES (?)').run('y'.repeat(20_000)));
    expect(error).toMatchObject({ errcode: 13, errstr: 'database or disk is full' });
    expect(storageFailureOf(error)).toBe('full');
    db.close();
  });

  it('a file write on a full disk: full (ENOSPC from the kernel)', (context) => {
    if (!existsSync('/dev/full')) context.skip('/dev/full (a device every write to fails with ENOSPC) exists on Linux only');
    const error = caught(() => writeFileSync('/dev/full', 'settings'));
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(storageFailureOf(error)).toBe('full');
  });

  it('another connection holds the write lock: locked (SQLITE_BUSY)', () => {
    const { db, path } = databaseWithRows();
    const other = new DatabaseSync(path, { timeout: 0 });
    db.exec('BEGIN IMMEDIATE');
    const error = caught(() => other.exec('BEGIN IMMEDIATE'));
    expect(error).toMatchObject({ errcode: 5 });
    expect(storageFailureOf(error)).toBe('locked');
    db.exec('ROLLBACK');
    other.close();
    db.close();
  });

  it('anything else, even with the same words, is none of these', () => {
    expect(storageFailureOf(new Error('the PDF is corrupt'))).toBeNull();
    expect(storageFailureOf(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBeNull();
    const { db } = databaseWithRows();
    expect(storageFailureOf(caught(() => db.exec('SELECT * FROM missing')))).toBeNull();
    db.close();
    expect(storageFailureOf(null)).toBeNull();
  });
});
