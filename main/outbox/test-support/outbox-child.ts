// One run of the app's outbox in its own process, for the crash and two-process tests:
// continues the drafts left by an earlier run, queues invoices up to a target, drains the
// outbox and exits. Prints STARTED, PROGRESS each time a document moves, then SENT <documents
// this process sent> and SETTLED when nothing is left to send or poll.
import { openHarness, queueInvoices, seeded } from './outbox-harness';

const [dataDirectory, baseUrl, apiKey, apiSecret, targetText, seedText, queueText] = process.argv.slice(2);
if (dataDirectory === undefined || baseUrl === undefined || apiKey === undefined || apiSecret === undefined) {
  throw new Error('usage: outbox-child <dataDirectory> <baseUrl> <apiKey> <apiSecret> <target> <seed> <queue|no-queue>');
}
const target = Number(targetText ?? '0');
const random = seeded(Number(seedText ?? '1'));

let sent = 0;
const harness = openHarness({
  dataDirectory,
  baseUrl,
  credentials: { apiKey, apiSecret },
  timeoutMs: 10_000,
  outbox: {
    concurrency: 6,
    retry: { baseMs: 10, capMs: 100 },
    polls: { stepsMs: [20, 50, 100] },
    offlineProbeMaxMs: 100,
    leaseMs: 30_000,
    random,
    onChange: (changes) => {
      sent += changes.filter((change) => change.state === 'submitted').length;
      for (const _change of changes) console.log('PROGRESS');
    },
  },
});
harness.outbox.start();
console.log('STARTED');

if (queueText === 'queue') {
  // A draft left by a run that was killed between saving and queuing is queued now.
  const drafts = harness.journal.db.prepare(`SELECT id FROM documents WHERE state = 'draft'`).all() as { id: string }[];
  for (const { id } of drafts) await harness.documents.queue(id, 'first');
  const done = (harness.journal.db.prepare(`SELECT COUNT(*) AS n FROM documents`).get() as { n: number }).n;
  for (let i = done; i < target; i += 1) {
    await queueInvoices(harness.documents, 1, random);
    console.log('PROGRESS');
  }
}
await harness.outbox.settled();
console.log(`SENT ${sent}`);
console.log('SETTLED');
await harness.close();
