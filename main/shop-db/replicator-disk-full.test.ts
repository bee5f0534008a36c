import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { useShopDatabase } from '../test-support/pg-test-cluster';
import { journalExpectation, shopHoldings, tillReplicator } from './test-support/shop-replication';
import { openTillJournal } from './test-support/till-journal';

// The shop database's server out of disk, for real: the tables a till writes are moved to a
// tablespace on a 2 MB filesystem of their own, which is then filled. The copy pauses saying so,
// the till's journal keeps every event, and the copy catches up once space is freed. Mounting
// needs root (CI runs as root); elsewhere the test says why it skips. A cluster of this file's own.

const run = promisify(execFile);
const shop = useShopDatabase({ ownCluster: true });
const TABLES = ['shop.documents', 'shop.document_lines', 'shop.document_events'];

async function smallDisk(): Promise<{ dir: string; release(): Promise<void> } | string> {
  if (process.getuid?.() !== 0) return 'a filesystem of its own needs root (mount -t tmpfs)';
  const dir = mkdtempSync(join(tmpdir(), 'fd-small-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', dir]);
    // The cluster runs as postgres when started by root (scripts/pg-cluster.sh).
    await run('chown', ['postgres:postgres', dir]);
  } catch (error) {
    rmdirSync(dir);
    return `no small filesystem could be mounted here (${(error as Error).message.split('\n')[0]})`;
  }
  return {
    dir,
    release: async () => {
      await run('umount', [dir]);
      rmdirSync(dir);
    },
  };
}

it('pauses while the server is out of disk, loses nothing, and catches up once space is freed', { timeout: 90_000 }, async (context) => {
  const db = shop.ready(context);
  const disk = await smallDisk();
  if (typeof disk === 'string') return context.skip(disk);
  const { admin } = db;
  try {
    await admin.query(`CREATE TABLESPACE fd_small LOCATION '${disk.dir}'`);
    for (const table of TABLES) await admin.query(`ALTER TABLE ${table} SET TABLESPACE fd_small`);
    const login = await db.login('fiscal_desk_till');
    const station = `station-${randomUUID()}`;
    const local = openTillJournal();
    try {
      local.add(40);
      const { replicator } = tillReplicator(local.journal.db, login, station);
      await admin.query('CREATE TABLE public.filler (x text) TABLESPACE fd_small');
      const filled = await admin.query(`INSERT INTO public.filler SELECT repeat('x', 1000) FROM generate_series(1, 100000)`).then(
        () => null,
        (error: { code?: string }) => error.code,
      );
      expect(filled).toBe('53100');

      const paused = await replicator.flush();
      expect(paused).toMatchObject({ state: 'paused', problem: 'disk-full' });
      expect(paused.message).toBe("Copy to the shop database paused: the shop database's server is out of disk space. Ask IT to free some; copying goes on by itself afterwards.");
      expect(paused.eventsWaiting).toBe((local.journal.db.prepare('SELECT count(*) AS n FROM document_events').get() as { n: number }).n);
      local.add(5);

      await admin.query('DROP TABLE public.filler');
      expect(await replicator.flush()).toMatchObject({ state: 'up-to-date', eventsWaiting: 0 });
      expect(await shopHoldings(admin, station)).toEqual(journalExpectation(local.journal.db));
      await replicator.stop();
    } finally {
      local.close();
    }
  } finally {
    await admin.query('DROP TABLE IF EXISTS public.filler');
    for (const table of TABLES) await admin.query(`ALTER TABLE ${table} SET TABLESPACE pg_default`);
    await admin.query('DROP TABLESPACE IF EXISTS fd_small');
    await disk.release();
  }
});
