// What the journal takes per 100,000 documents of a busy shop (five lines each, their events;
// bench/support/history-journal.ts), measured with SQLite's dbstat on a journal generated at the
// current schema and scaled from its size (20,000 documents by default, which takes about a
// minute; the size grows in step with the documents). Prints where the space goes, then
// `BENCH journal-bytes-per-100k-docs <MB> MB`. Fails above the goal.
import { DatabaseSync } from 'node:sqlite';
import { fileSizeMb, openBenchJournal } from './support/history-journal';

const GOAL_MB = 150;
const DOCUMENTS = Number(process.env.FOOTPRINT_BENCH_DOCUMENTS ?? 20_000);
const PER = 100_000;

const { journal, path, generatedMs } = openBenchJournal(DOCUMENTS);
journal.close();
if (generatedMs !== null) console.log(`# generated ${DOCUMENTS} documents in ${(generatedMs / 1000).toFixed(1)} s (${path})`);

const db = new DatabaseSync(path, { readOnly: true });
const parts = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
db.close();
const perHundredK = (bytes: number) => ((bytes / (1024 * 1024)) * PER) / DOCUMENTS;
for (const part of parts.slice(0, 12)) {
  console.log(`# ${part.name}: ${perHundredK(part.bytes).toFixed(1)} MB per 100k (${Math.round(part.bytes / DOCUMENTS)} bytes a document)`);
}
const mb = (fileSizeMb(path) * PER) / DOCUMENTS;
const scaled = DOCUMENTS === PER ? '' : `, scaled from ${DOCUMENTS} documents`;
console.log(`BENCH journal-bytes-per-100k-docs ${mb.toFixed(1)} MB (goal at most ${GOAL_MB}${scaled})`);
if (mb > GOAL_MB) {
  console.error(`The journal takes ${mb.toFixed(1)} MB per 100,000 documents, above the ${GOAL_MB} MB goal`);
  process.exit(1);
}
