import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { useShopDatabase } from '../test-support/pg-test-cluster';
import { journalExpectation, loginSettings, shopHoldings } from './test-support/shop-replication';
import { openTillJournal } from './test-support/till-journal';

// The till's process is SIGKILLed while it writes replication batches, restarted, again and
// again, while the till goes on writing documents: PostgreSQL ends with exactly the journal's
// documents and events, none twice, none missing.

const shop = useShopDatabase();
const KILLS = 6;
const child = join(import.meta.dirname, 'test-support', 'replicate-child.ts');

function run(dataDirectory: string, settings: string, password: string, station: string): { process: ChildProcess; batches: (count: number) => Promise<void>; exited: Promise<number | null>; output: () => string } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDirectory, settings, password, station, '5'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let seen = 0;
  let output = '';
  const waiting: { count: number; resolve: () => void }[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    output += `${line}\n`;
    if (line !== 'BATCH') return;
    seen += 1;
    for (const waiter of waiting.filter((w) => w.count <= seen)) waiter.resolve();
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { process: proc, batches: (count) => new Promise<void>((resolve) => waiting.push({ count, resolve })), exited, output: () => output };
}

it(`copies exactly the journal across ${KILLS} SIGKILLs mid-batch`, { timeout: 180_000 }, async (context) => {
  const db = shop.ready(context);
  const login = await db.login('fiscal_desk_till');
  const station = `station-${randomUUID()}`;
  const local = openTillJournal();
  try {
    local.add(150);
    const settings = JSON.stringify(loginSettings(login));
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let kill = 0; kill < KILLS; kill += 1) {
      const runner = run(dirname(local.path), settings, login.password, station);
      // Killed right after it began a batch: its PostgreSQL transaction is open or committing.
      await runner.batches(2 + Math.floor(random() * 12));
      runner.process.kill('SIGKILL');
      expect(await runner.exited).toBeNull();
      // The till goes on working meanwhile.
      local.add(10);
    }
    const cursorBefore = await db.admin.query<{ last_event_seq: string }>('SELECT last_event_seq FROM shop.replication_cursors WHERE station_id = $1', [station]);
    const maxEvent = (local.journal.db.prepare('SELECT MAX(id) AS id FROM document_events').get() as { id: number }).id;
    expect(Number(cursorBefore.rows[0]?.last_event_seq)).toBeGreaterThan(0);
    expect(Number(cursorBefore.rows[0]?.last_event_seq)).toBeLessThan(maxEvent);

    const last = run(dirname(local.path), settings, login.password, station);
    expect(await last.exited, last.output()).toBe(0);

    const expected = journalExpectation(local.journal.db);
    const held = await shopHoldings(db.admin, station);
    expect(held.documents).toEqual(expected.documents);
    expect(held.events).toEqual(expected.events);
    const lines = await db.admin.query<{ n: string }>('SELECT count(*) AS n FROM shop.document_lines WHERE station_id = $1', [station]);
    expect(Number(lines.rows[0]?.n)).toBe(expected.documents.length * 2);
    const cursor = await db.admin.query<{ last_event_seq: string }>('SELECT last_event_seq FROM shop.replication_cursors WHERE station_id = $1', [station]);
    expect(Number(cursor.rows[0]?.last_event_seq)).toBe(maxEvent);
  } finally {
    local.close();
  }
});
