// How much faster the outbox drains with its default concurrency than one document at a time:
// 1,000 queued invoices against the sandbox (in its own process, on its own core) with 20 ms
// added to every answer, until every one has its result. The two drains take turns in this
// process, three times; the median of the three ratios is printed as
// `BENCH outbox-drain-speedup <ratio> x (goal at least 8; …; load …)`, and
// `BENCH outbox-duplicates <count> docs` (submissions the sandbox received for an id it already
// had, over every drain: must be 0).
// Other concurrencies are timed on a smaller batch and printed as comments: how the default
// was chosen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONCURRENCY } from '../main/outbox/outbox';
import { openHarness, queueInvoices, seeded } from '../main/outbox/test-support/outbox-harness';
import { benchLine, inTurns, loadAverage, median } from './support/in-turns';
import { startSandboxProcess } from './support/sandbox-process';

const DOCUMENTS = 1_000;
const LATENCY_MS = 20;
const REPEATS = 3;
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
const loadBefore = loadAverage();
let duplicates = 0;
const timedDrain = (concurrency: number) => async () => {
  const result = await drain(DOCUMENTS, concurrency);
  duplicates += result.duplicates;
  return result.seconds;
};
const seconds = await inTurns({ single: timedDrain(1), parallel: timedDrain(DEFAULT_CONCURRENCY) }, REPEATS);
const ratios = seconds.single.map((single, round) => single / seconds.parallel[round]!);
const speedup = median(ratios);
const list = (values: number[], digits: number) => values.map((value) => value.toFixed(digits)).join(' ');
console.log(`# ${REPEATS} rounds in turns (${loadBefore} before): one at a time ${list(seconds.single, 1)} s; ${DEFAULT_CONCURRENCY} at once ${list(seconds.parallel, 2)} s; ratios ${list(ratios, 1)}`);
console.log(benchLine('outbox-drain-speedup', speedup.toFixed(1), 'x', { goal: `at least ${REQUIRED_SPEEDUP}`, how: `median of ${REPEATS} rounds` }));
console.log(benchLine('outbox-duplicates', String(duplicates), 'docs', { goal: '0', how: `all ${REPEATS * 2} drains` }));
sandbox.stop();
if (speedup < REQUIRED_SPEEDUP || duplicates !== 0) {
  console.error(`outbox drain: speedup ${speedup.toFixed(1)} (needs ${REQUIRED_SPEEDUP}), duplicates ${duplicates} (needs 0)`);
  process.exit(1);
}
