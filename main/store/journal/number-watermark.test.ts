import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NUMBER_MAX_LENGTH, NUMBER_VALUE_MAX, PREFIX_MAX_LENGTH, numberingSchema } from '../../../shared/contract/documents';
import { silentLogger } from '../../logging/logger';
import { defaultPrefix } from '../../services/documents/till-prefix';
import { formatNumber } from './documents-repo';
import { Journal, JOURNAL_FILE_NAME } from './journal';
import { migrations } from './migrations';
import { NumberWatermark, WATERMARK_FILE_NAME } from './number-watermark';
import { startNumbering } from './numbering-start';

// The numbering watermark outside the journal, on real journal files: written before a number
// leaves its transaction, and held against a journal that rolled back, lost writes or was replaced.

const clock = () => new Date('2026-12-01T08:00:00Z');
const freshFolder = () => mkdtempSync(join(tmpdir(), 'fd-watermark-'));

function open(folder: string, journalMigrations = migrations) {
  const journal = Journal.open({ path: join(folder, JOURNAL_FILE_NAME), logger: silentLogger, migrations: journalMigrations });
  const watermark = new NumberWatermark(folder);
  const start = startNumbering({ journal, watermark, signs: [], logger: silentLogger, clock });
  const take = () => journal.transaction(() => start.sequences.take('p1', 'invoice', 'INV-'));
  return { journal, watermark, start, take };
}

const lastInWatermark = (folder: string): number | undefined =>
  (JSON.parse(readFileSync(join(folder, WATERMARK_FILE_NAME), 'utf8')) as { sequences: { profileId: string; kind: string; last: number }[] }).sequences.find(
    (entry) => entry.profileId === 'p1' && entry.kind === 'invoice',
  )?.last;

describe('the numbering watermark', () => {
  it('is on disk with the number before the queue transaction commits', () => {
    const folder = freshFolder();
    const { journal, start } = open(folder);
    journal.transaction(() => {
      expect(start.sequences.take('p1', 'invoice', 'INV-')).toBe('INV-000001');
      // Still inside the transaction: the journal has not committed, the file already says 1.
      expect(lastInWatermark(folder)).toBe(1);
    });
    journal.close();
  });

  it('gives a number rolled back in this run again on the same journal, so numbers keep having no gaps', () => {
    const folder = freshFolder();
    const { journal, start, take } = open(folder);
    expect(take()).toBe('INV-000001');
    expect(() =>
      journal.transaction(() => {
        start.sequences.take('p1', 'invoice', 'INV-');
        throw new Error('the check failed after the number was taken');
      }),
    ).toThrow(/check failed/);
    expect(lastInWatermark(folder)).toBe(2);
    expect(take()).toBe('INV-000002');
    journal.close();
    // Also after a restart in between.
    const again = open(folder);
    expect(again.take()).toBe('INV-000003');
    again.journal.close();
  });

  it('skips, after a restart, a number the watermark has and the journal not: a crash before COMMIT looks like a lost -wal', () => {
    const folder = freshFolder();
    const path = join(folder, JOURNAL_FILE_NAME);
    const first = open(folder);
    first.take();
    first.journal.close();
    // A crash between the watermark and COMMIT: the number was never used...
    copyFileSync(path, join(folder, 'before-2'));
    const crashed = open(folder);
    expect(() =>
      crashed.journal.transaction(() => {
        crashed.start.sequences.take('p1', 'invoice', 'INV-');
        throw new Error('killed before COMMIT');
      }),
    ).toThrow(/killed/);
    crashed.journal.close();
    const afterCrash = open(folder);
    expect(afterCrash.start.raised).toEqual([{ profileId: 'p1', kind: 'invoice', from: 2, to: 3 }]);
    expect(afterCrash.take()).toBe('INV-000003');
    afterCrash.journal.close();
    // ...and a committed INV-000004 whose -wal was lost leaves the same picture: never given again.
    copyFileSync(path, join(folder, 'before-4'));
    const committed = open(folder);
    expect(committed.take()).toBe('INV-000004');
    committed.journal.close();
    copyFileSync(join(folder, 'before-4'), path);
    const lostWal = open(folder);
    expect(lostWal.start.sequences.view('p1', 'invoice', 'INV-').nextValue).toBe(5);
    expect(lostWal.take()).toBe('INV-000005');
    lostWal.journal.close();
  });

  it('skips the number a process took when it was killed before COMMIT (a real SIGKILL)', async () => {
    const folder = freshFolder();
    const first = open(folder);
    first.take();
    first.journal.close();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'test-support', 'take-number-and-die.ts'), folder], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, killed) => resolve(killed)));
    expect(signal).toBe('SIGKILL');
    expect(output.trim()).toBe('TOOK INV-000002');
    expect(lastInWatermark(folder)).toBe(2);
    const after = open(folder);
    expect(after.journal.integrityCheck()).toBe('ok');
    expect(after.take()).toBe('INV-000003');
    after.journal.close();
  });

  it('goes on after the watermark when the same journal lost committed numbers (an older copy put back)', () => {
    const folder = freshFolder();
    const path = join(folder, JOURNAL_FILE_NAME);
    const first = open(folder);
    first.take();
    first.journal.close();
    copyFileSync(path, join(folder, 'older-copy'));
    const second = open(folder);
    expect([second.take(), second.take()]).toEqual(['INV-000002', 'INV-000003']);
    second.journal.close();
    copyFileSync(join(folder, 'older-copy'), path);
    const restored = open(folder);
    expect(restored.start.raised).toEqual([{ profileId: 'p1', kind: 'invoice', from: 2, to: 4 }]);
    expect(restored.take()).toBe('INV-000004');
    restored.journal.close();
  });

  it('goes on after the watermark on a new journal even when it is only one ahead (not a rollback there)', () => {
    const folder = freshFolder();
    const first = open(folder);
    first.take();
    first.journal.close();
    rmSync(join(folder, JOURNAL_FILE_NAME));
    const fresh = open(folder);
    expect(fresh.start.sequences.view('p1', 'invoice', 'INV-')).toMatchObject({ prefix: 'INV-', nextValue: 2, certain: true });
    expect(fresh.take()).toBe('INV-000002');
    fresh.journal.close();
  });

  it('is made from the journal\'s sequences when a journal from before it is opened', () => {
    const folder = freshFolder();
    const older = Journal.open({ path: join(folder, JOURNAL_FILE_NAME), logger: silentLogger, migrations: migrations.filter((m) => m.version <= 6) });
    older.db.exec(`INSERT INTO number_sequences (profile_id, kind, prefix, next_value) VALUES ('p1', 'invoice', 'INV-', 42)`);
    older.close();
    expect(existsSync(join(folder, WATERMARK_FILE_NAME))).toBe(false);
    const upgraded = open(folder);
    expect(lastInWatermark(folder)).toBe(41);
    upgraded.journal.close();
    // Its prefix is kept: an existing shop is not renumbered.
    rmSync(join(folder, JOURNAL_FILE_NAME));
    const replaced = open(folder);
    expect(replaced.take()).toBe('INV-000042');
    replaced.journal.close();
  });

  it('gives a development journal that took migration 008 before 007 existed its identity', () => {
    const folder = freshFolder();
    const skipped = Journal.open({ path: join(folder, JOURNAL_FILE_NAME), logger: silentLogger, migrations: migrations.filter((m) => m.version !== 7) });
    skipped.db.exec(`INSERT INTO number_sequences (profile_id, kind, prefix, next_value) VALUES ('p1', 'invoice', 'INV-', 5)`);
    skipped.close();
    const opened = open(folder);
    expect(opened.take()).toBe('INV-000005');
    opened.journal.close();
  });

  it('keeps an unreadable watermark aside and writes it again from a healthy journal', () => {
    const folder = freshFolder();
    const first = open(folder);
    first.take();
    first.journal.close();
    writeFileSync(join(folder, WATERMARK_FILE_NAME), '{"version":1,"sequen');
    const second = open(folder);
    expect(readdirSync(folder).filter((name) => name.startsWith(`${WATERMARK_FILE_NAME}.unreadable-`))).toHaveLength(1);
    expect(lastInWatermark(folder)).toBe(1);
    expect(second.take()).toBe('INV-000002');
    second.journal.close();
  });

  it('on a full disk: the journal still opens, and no number is given until the watermark can be written', () => {
    const folder = freshFolder();
    const first = open(folder);
    first.take();
    first.journal.close();
    // Every write of the watermark goes through its temporary file: here it is /dev/full (ENOSPC).
    const temporary = join(folder, `.${WATERMARK_FILE_NAME}.${process.pid}.tmp`);
    symlinkSync('/dev/full', temporary);
    const full = open(folder);
    expect(() => full.take()).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(lastInWatermark(folder)).toBe(1);
    rmSync(temporary);
    expect(full.take()).toBe('INV-000002');
    full.journal.close();
  });

  it('is replaced whole: no temporary file is left beside it', () => {
    const folder = freshFolder();
    const { journal, take } = open(folder);
    for (let i = 0; i < 5; i += 1) take();
    expect(readdirSync(folder).filter((name) => name.includes(WATERMARK_FILE_NAME))).toEqual([WATERMARK_FILE_NAME]);
    journal.close();
  });
});

describe('numbers and prefixes', () => {
  it('keep a number within ZIMRA\'s 50 characters: the prefix schema refuses a longer prefix', () => {
    expect(formatNumber('X'.repeat(PREFIX_MAX_LENGTH), NUMBER_VALUE_MAX).length).toBeLessThanOrEqual(NUMBER_MAX_LENGTH);
    const longest = { invoicePrefix: 'X'.repeat(PREFIX_MAX_LENGTH), creditNotePrefix: 'CN-' };
    expect(numberingSchema.safeParse(longest).success).toBe(true);
    expect(numberingSchema.safeParse({ ...longest, invoicePrefix: 'X'.repeat(PREFIX_MAX_LENGTH + 1) }).success).toBe(false);
    expect(numberingSchema.safeParse({ ...longest, nextInvoiceValue: NUMBER_VALUE_MAX + 1 }).success).toBe(false);
  });

  it('default to a prefix with the till\'s own short code: the same for a station always, another for another station', () => {
    const station = '5b0f6f0e-3c55-4a1b-9d7e-1f2a3b4c5d6e';
    expect(defaultPrefix('invoice', station)).toMatch(/^INV-[0-9A-Z]{4}-$/);
    expect(defaultPrefix('credit-note', station)).toMatch(/^CN-[0-9A-Z]{4}-$/);
    expect(defaultPrefix('invoice', station)).toBe(defaultPrefix('invoice', station));
    expect(defaultPrefix('invoice', station)).not.toBe(defaultPrefix('invoice', '8d6c2b1a-0f9e-4d3c-8b7a-6e5d4c3b2a10'));
  });
});
