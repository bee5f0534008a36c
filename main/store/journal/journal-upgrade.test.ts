import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../../logging/logger';
import { Journal } from './journal';
import { pendingUpgrade, upgradeJournal } from './journal-upgrade';
import { migrations } from './migrations';
import type { MigrationProgress } from './migrations/migration';
import { previousMigrations, snapshot, writePreviousSchemaJournal } from './test-support/previous-schema-journal';

/** More than one batch of migration 012 (2,000 documents). */
const DOCUMENTS = 2_500;
const latest = migrations.at(-1)!.version;
const previous = previousMigrations.at(-1)!.version;

let previousPath: string;
/** The journal as opening it at once (Journal.open, no pauses) leaves it. */
let openedAtOnce: Record<string, unknown[]>;

function recordingLogger(): Logger & { entries: { level: string; message: string; meta?: Record<string, unknown> }[] } {
  const entries: { level: string; message: string; meta?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => void entries.push({ level, message, ...(meta === undefined ? {} : { meta }) });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const freshCopy = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-upgrade-')), 'journal.sqlite');
  copyFileSync(previousPath, path);
  return path;
};

beforeAll(() => {
  previousPath = join(mkdtempSync(join(tmpdir(), 'fd-upgrade-previous-')), 'journal.sqlite');
  writePreviousSchemaJournal(previousPath, DOCUMENTS);
  const journal = Journal.open({ path: freshCopy(), logger: silentLogger });
  openedAtOnce = snapshot(journal.db);
  journal.close();
});

describe('updating the journal before the app opens it', { timeout: 60_000 }, () => {
  it('names the update a journal of the previous schema needs, and none for a current, new or unreadable one', () => {
    expect(pendingUpgrade(freshCopy())).toEqual({ from: previous, to: latest });
    const current = freshCopy();
    Journal.open({ path: current, logger: silentLogger }).close();
    expect(pendingUpgrade(current)).toBeNull();
    const folder = mkdtempSync(join(tmpdir(), 'fd-upgrade-none-'));
    expect(pendingUpgrade(join(folder, 'journal.sqlite'))).toBeNull();
    writeFileSync(join(folder, 'not-sqlite.sqlite'), 'this is not a journal');
    expect(pendingUpgrade(join(folder, 'not-sqlite.sqlite'))).toBeNull();
  });

  it('lets the event loop run between batches while it moves every row, then the app opens it with nothing left to do', async () => {
    const path = freshCopy();
    const progress: MigrationProgress[] = [];
    let finished = false;
    let turnsWhileUpdating = 0;
    // A window drawing its progress bar is work of the event loop like this interval's.
    const ticker = setInterval(() => {
      if (!finished) turnsWhileUpdating += 1;
    }, 0);
    try {
      const updated = await upgradeJournal({ path, logger: silentLogger, onProgress: (step) => progress.push(step) });
      finished = true;
      expect(updated).toBe(true);
    } finally {
      clearInterval(ticker);
    }
    expect(turnsWhileUpdating).toBeGreaterThan(1);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.map((step) => step.done)).toEqual([...progress.map((step) => step.done)].sort((a, b) => a - b));
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);

    const openProgress: MigrationProgress[] = [];
    const journal = Journal.open({ path, logger: silentLogger, onMigrationProgress: (step) => openProgress.push(step) });
    try {
      expect(openProgress).toEqual([]);
      expect(journal.schemaVersion()).toBe(latest);
      expect(snapshot(journal.db)).toEqual(openedAtOnce);
      expect(journal.integrityCheck()).toBe('ok');
    } finally {
      journal.close();
    }
  });

  it('pauses after each batch with the pause it is given, and logs each step with how long it took', async () => {
    const path = freshCopy();
    let pauses = 0;
    const logger = recordingLogger();
    await upgradeJournal({ path, logger, pause: async () => void (pauses += 1) });
    // 2,500 documents: two batches of bodies, lines and events in one batch each, the search in one.
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(logger.entries.filter((entry) => entry.message === 'The journal was brought to a new schema').map((entry) => entry.meta?.version)).toEqual([latest]);
    expect(pendingUpgrade(path)).toBeNull();
  });

  it('leaves a journal it cannot update exactly as it was, for opening it to say why', async () => {
    const path = freshCopy();
    // Held by another program: the update cannot take its write lock.
    const other = new DatabaseSync(path);
    other.exec('BEGIN EXCLUSIVE');
    const logger = recordingLogger();
    try {
      const bytes = readFileSync(path);
      await expect(upgradeJournal({ path, logger, busyTimeoutMs: 50 })).resolves.toBe(false);
      expect(readFileSync(path).equals(bytes)).toBe(true);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(logger.entries.some((entry) => entry.level === 'warn' && entry.message.startsWith('The journal could not be updated'))).toBe(true);
    expect(pendingUpgrade(path)).toEqual({ from: previous, to: latest });
  });
});
