// How fast a till's backlog reaches the shop database: 100,000 documents (queued, sent,
// fiscalised, some needing attention, each with two lines and its events) in a real journal,
// copied by the replicator in its normal batches to a throwaway PostgreSQL cluster through a
// till's login (row-level security on). Prints `BENCH shop-replication-docs-per-s <n> /s`.
import pg from 'pg';
import { migrateShopDb } from '../main/shop-db/migrate';
import { tillReplicator } from '../main/shop-db/test-support/shop-replication';
import { openTillJournal } from '../main/shop-db/test-support/till-journal';
import { startPgCluster, withLogin } from '../main/test-support/pg-cluster';

const DOCUMENTS = Number(process.env.SHOP_BENCH_DOCUMENTS ?? 100_000);

const cluster = await startPgCluster();
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await migrateShopDb(admin);
  await admin.query(`CREATE ROLE bench_till LOGIN PASSWORD 'bench' IN ROLE fiscal_desk_till`);
  const login = { role: 'bench_till', password: 'bench', url: withLogin(cluster.url, 'bench_till', 'bench') };
  const local = openTillJournal();
  local.addBulk(DOCUMENTS);
  const { replicator } = tillReplicator(local.journal.db, login, 'bench-station');
  const started = performance.now();
  const status = await replicator.flush();
  const seconds = (performance.now() - started) / 1000;
  if (status.state !== 'up-to-date') throw new Error(`The copy did not finish: ${status.message}`);
  const copied = Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM shop.documents')).rows[0]?.n);
  const expected = (local.journal.db.prepare(`SELECT COUNT(*) AS n FROM documents WHERE state <> 'draft'`).get() as { n: number }).n;
  if (copied !== expected) throw new Error(`The shop database has ${copied} documents, the journal ${expected}`);
  await replicator.stop();
  local.close();
  await admin.end();
  console.log(`BENCH shop-replication-docs-per-s ${Math.round(copied / seconds)} /s`);
} finally {
  await cluster.destroy();
}
