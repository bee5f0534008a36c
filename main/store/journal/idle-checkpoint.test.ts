import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { IdleCheckpoint, type IdleScheduler } from './idle-checkpoint';
import { Journal, JOURNAL_FILE_NAME } from './journal';

// The journal's idle checkpoint on a real journal: the scheduler is the test's, so "idle" is
// when the test says so.

function manualScheduler(): IdleScheduler & { pending(): number; runAll(): void } {
  const waiting = new Set<() => void>();
  return {
    schedule(run) {
      waiting.add(run);
      return { cancel: () => waiting.delete(run) };
    },
    pending: () => waiting.size,
    runAll() {
      for (const run of [...waiting]) {
        waiting.delete(run);
        run();
      }
    },
  };
}

function journalWithWrites(): { journal: Journal; walSize: () => number } {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-idle-')), JOURNAL_FILE_NAME);
  const journal = Journal.open({ path, logger: silentLogger });
  journal.transaction(() => journal.db.exec("INSERT INTO number_sequences (profile_id, kind, prefix, next_value) VALUES ('p', 'invoice', 'INV-', 7)"));
  return { journal, walSize: () => statSync(`${path}-wal`).size };
}

describe('the idle checkpoint', () => {
  it('copies the WAL into the journal file once the journal is idle, and each write pushes it back', () => {
    const { journal, walSize } = journalWithWrites();
    const scheduler = manualScheduler();
    const checkpoints = new IdleCheckpoint({ journal, logger: silentLogger, scheduler });
    checkpoints.wrote();
    checkpoints.wrote();
    expect(scheduler.pending()).toBe(1);
    expect(walSize()).toBeGreaterThan(0);

    scheduler.runAll();
    expect(walSize()).toBe(0);
    // The journal file alone now holds the write.
    const copy = new DatabaseSync(journal.path, { readOnly: true });
    expect(copy.prepare("SELECT next_value FROM number_sequences WHERE profile_id = 'p'").get()).toEqual({ next_value: 7 });
    copy.close();
    journal.close();
  });

  it('never waits for another process reading the journal: it is tried after the next write', () => {
    const { journal, walSize } = journalWithWrites();
    const reader = new DatabaseSync(journal.path);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM documents').get();
    journal.transaction(() => journal.db.exec("UPDATE number_sequences SET next_value = 8 WHERE profile_id = 'p'"));
    const scheduler = manualScheduler();
    const checkpoints = new IdleCheckpoint({ journal, logger: silentLogger, scheduler });
    checkpoints.wrote();
    const started = performance.now();
    scheduler.runAll();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(walSize()).toBeGreaterThan(0);

    reader.exec('COMMIT');
    reader.close();
    checkpoints.wrote();
    scheduler.runAll();
    expect(walSize()).toBe(0);
    journal.close();
  });

  it('forgets a pending checkpoint when disposed (closing the journal checkpoints by itself)', () => {
    const { journal } = journalWithWrites();
    const scheduler = manualScheduler();
    const checkpoints = new IdleCheckpoint({ journal, logger: silentLogger, scheduler });
    checkpoints.wrote();
    checkpoints.dispose();
    expect(scheduler.pending()).toBe(0);
    journal.close();
  });
});
