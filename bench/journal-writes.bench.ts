// How many documents per second the journal stores durably: each a draft with 5 lines and its
// event, committed on its own (WAL, synchronous FULL), as the entry screen's autosave does.
// Prints `BENCH journal-writes-per-s <n> /s`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHarness, randomInvoice, seeded } from '../main/outbox/test-support/outbox-harness';

const WARMUP = 50;
const MEASURED = 1_000;

const harness = openHarness({ dataDirectory: mkdtempSync(join(tmpdir(), 'fd-writes-')), baseUrl: 'http://127.0.0.1:9/api', credentials: { apiKey: 'k', apiSecret: 's' } });
const random = seeded(5);
const drafts = Array.from({ length: WARMUP + MEASURED }, () => {
  const draft = randomInvoice(random);
  const line = draft.lines[0];
  if (line === undefined) throw new Error('no line');
  return { ...draft, lines: Array.from({ length: 5 }, (_, i) => ({ ...line, description: `Item ${i + 1}` })) };
});
drafts.slice(0, WARMUP).forEach((draft) => harness.documents.saveDraft({ draft }));
const started = performance.now();
for (const draft of drafts.slice(WARMUP)) harness.documents.saveDraft({ draft });
const seconds = (performance.now() - started) / 1000;
await harness.close();
console.log(`BENCH journal-writes-per-s ${Math.round(MEASURED / seconds)} /s`);
