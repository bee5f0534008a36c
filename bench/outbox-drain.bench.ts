// How much faster the outbox drains with its default concurrency than one document at a time:
// 1,000 queued invoices against the sandbox (in its own process, on its own core) with 20 ms
// added to every answer, until every one has its result. Prints
// `BENCH outbox-drain-speedup <ratio> x` (must be at least 8) and `BENCH outbox-duplicates
// <count> docs` (submissions the sandbox received for an id it already had: must be 0).
// Other concurrencies are timed on a smaller batch and printed as comments: how the default
// was chosen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONCURRENCY } from '../main/outbox/outbox';
import { openHarness, queueInvoices, seeded } from '../main/outbox/test-support/outbox-harness';
import { startSandboxProcess } from './support/sandbox-process';

const DOCUMENTS = 1_000;
const LATENCY_MS = 20;
const REQUIRED_SPEEDUP = 8;

const sandbox = await startSandboxProcess({ processingDelayMs: 5 });
const admin = sandbox.baseUrl.replace(/\/api$/, '/__admin');

async function adminCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${admin}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

await adminCall('PUT', '/faults', { latencyMs: LATENCY_MS });

/** Seconds to drain `count` queued documents with `concurrency` sends at once; and the duplicates the sandbox saw. */
async function drain(count: number, concurrency: number): Promise<{ seconds: number; duplicates: number }> {
  const credentials = await adminCall<{ apiKey: string; apiSecret: string }>('POST', '/accounts', { template: 'shop' });
  const harness = openHarness({
    dataDirectory: mkdtempSync(join(tmpdir(), 'fd-drain-')),
    baseUrl: sandbox.baseUrl,
    credentials: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret },
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
  const accounts = await adminCall<{ apiKey: string; documents: number; documentIds: number }[]>('GET', '/accounts');
  const account = accounts.find((candidate) => candidate.apiKey === credentials.apiKey);
  if (account === undefined || account.documentIds !== count) throw new Error(`the sandbox did not receive all ${count} documents`);
  return { seconds, duplicates: account.documents - account.documentIds };
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
sandbox.stop();
if (speedup < REQUIRED_SPEEDUP || duplicates !== 0) {
  console.error(`outbox drain: speedup ${speedup.toFixed(1)} (needs ${REQUIRED_SPEEDUP}), duplicates ${duplicates} (needs 0)`);
  process.exit(1);
}
