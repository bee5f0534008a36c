// How much faster the outbox drains with its default concurrency than one document at a time:
// 1,000 queued invoices against the sandbox with 20 ms added to every answer, until every one
// has its result. Prints `BENCH outbox-drain-speedup <ratio> x` (must be at least 8) and
// `BENCH outbox-duplicates <count> docs` (documents the sandbox received more than once: must be 0).
// Other concurrencies are timed on a smaller batch and printed as comments, which is how the
// default was chosen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONCURRENCY } from '../main/outbox/outbox';
import { openHarness, queueInvoices, seeded } from '../main/outbox/test-support/outbox-harness';
import { createDemoAccount, uniqueCredentials } from '../main/sandbox/demo-accounts';
import { startFiscalHarmonySandbox } from '../main/sandbox/fiscal-harmony-sandbox';

const DOCUMENTS = 1_000;
const LATENCY_MS = 20;
const REQUIRED_SPEEDUP = 8;

const sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: (error) => console.error(error) });
sandbox.setFaults({ latencyMs: LATENCY_MS });

/** Seconds to drain `count` queued documents with `concurrency` sends at once; and the duplicates the sandbox saw. */
async function drain(count: number, concurrency: number): Promise<{ seconds: number; duplicates: number }> {
  const credentials = uniqueCredentials(`drain-${concurrency}`);
  sandbox.addAccount(createDemoAccount('shop', credentials));
  const harness = openHarness({
    dataDirectory: mkdtempSync(join(tmpdir(), 'fd-drain-')),
    baseUrl: sandbox.baseUrl,
    credentials,
    timeoutMs: 10_000,
    outbox: { concurrency, polls: { stepsMs: [50, 100, 200] }, retry: { baseMs: 50, capMs: 500 } },
  });
  await queueInvoices(harness.documents, count, seeded(concurrency));
  const started = performance.now();
  harness.outbox.start();
  await harness.outbox.settled();
  const seconds = (performance.now() - started) / 1000;
  const fiscalised = (harness.journal.db.prepare(`SELECT COUNT(*) AS n FROM documents WHERE state = 'fiscalised'`).get() as { n: number }).n;
  await harness.close();
  if (fiscalised !== count) throw new Error(`only ${fiscalised} of ${count} documents were fiscalised`);
  const received = new Map<string, number>();
  for (const doc of sandbox.documents(credentials.apiKey)) received.set(doc.documentId, (received.get(doc.documentId) ?? 0) + 1);
  const duplicates = [...received.values()].filter((n) => n > 1).length;
  return { seconds, duplicates };
}

for (const concurrency of [4, 16, 32]) {
  const { seconds } = await drain(200, concurrency);
  console.log(`# concurrency ${concurrency}: ${(200 / seconds).toFixed(0)} documents/s`);
}
const single = await drain(DOCUMENTS, 1);
const parallel = await drain(DOCUMENTS, DEFAULT_CONCURRENCY);
console.log(`# one at a time: ${single.seconds.toFixed(1)} s; ${DEFAULT_CONCURRENCY} at once: ${parallel.seconds.toFixed(1)} s`);
const speedup = single.seconds / parallel.seconds;
const duplicates = single.duplicates + parallel.duplicates;
console.log(`BENCH outbox-drain-speedup ${speedup.toFixed(1)} x`);
console.log(`BENCH outbox-duplicates ${duplicates} docs`);
await sandbox.close();
if (speedup < REQUIRED_SPEEDUP || duplicates !== 0) {
  console.error(`outbox drain: speedup ${speedup.toFixed(1)} (needs ${REQUIRED_SPEEDUP}), duplicates ${duplicates} (needs 0)`);
  process.exit(1);
}
