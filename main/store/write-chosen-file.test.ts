import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../test-support/app-error-of';
import { writeChosenFile } from './write-chosen-file';

describe('a file saved where the manager chose', () => {
  it('is written there', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-chosen-')), 'INV-000001.pdf');
    await writeChosenFile(path, Buffer.from('%PDF-1.7'));
    expect(readFileSync(path, 'latin1')).toBe('%PDF-1.7');
  });

  it('on a full disk: DISK_FULL naming the chosen folder, not the data folder', async (context) => {
    if (!existsSync('/dev/full')) context.skip('/dev/full (a device every write to fails with ENOSPC) exists on Linux only');
    const error = await appErrorOf(writeChosenFile('/dev/full', Buffer.from('%PDF-1.7')));
    expect(error.toShape()).toEqual({ code: 'DISK_FULL', message: 'The disk holding /dev is full; nothing saved was lost. Free some space, then try again.', retryable: true });
  });
});
