// The history at a million documents (issue 12): a mix of what a manager types and picks on the
// Documents screen, each answered as main answers documents:list (first page and the total), at
// the 95th percentile, with the load average beside it (the machine may be shared). Also the
// journal's size per 100,000 documents. The goal is under 20 ms (issue 21); fails above 50 ms.
import { loadavg } from 'node:os';
import { listDocumentsInputSchema, type ListDocumentsInput } from '../shared/contract/documents';
import { searchHistory, tuneForHistory } from '../main/store/journal/history-query';
import { BENCH_PROFILE, LAST_DAY, fileSizeMb, openBenchJournal } from './support/history-journal';

const DOCUMENTS = Number(process.env.HISTORY_BENCH_DOCUMENTS ?? 1_000_000);
const ROUNDS = 20;
const LIMIT_MS = 50;
const GOAL_MS = 20;

const { journal, path, generatedMs } = openBenchJournal(DOCUMENTS);
if (generatedMs !== null) console.log(`# generated ${DOCUMENTS} documents in ${(generatedMs / 1000).toFixed(1)} s (${path})`);
const db = journal.db;
tuneForHistory(db);

interface Sample {
  number: string;
  buyer_name: string;
  buyer_tin: string | null;
  total: string;
  verification_code: string | null;
  zimra_number: number | null;
  fiscal_day: number | null;
}
const pick = db.prepare(
  'SELECT number, buyer_name, buyer_tin, total, verification_code, zimra_number, fiscal_day FROM document_history WHERE hid = ? AND profile_id = ?',
);
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
function sample(): Sample {
  for (;;) {
    const row = pick.get(1 + Math.floor(random() * DOCUMENTS), BENCH_PROFILE) as Sample | undefined;
    if (row !== undefined && row.verification_code !== null && row.buyer_tin !== null) return row;
  }
}
const monthStart = (offset: number) => {
  const date = new Date(`${LAST_DAY.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - offset);
  return date.toISOString().slice(0, 10);
};
const monthEnd = (offset: number) => {
  const date = new Date(`${monthStart(offset - 1)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

/** One query of each kind, with fresh values each round. */
const mix: { name: string; make: () => ListDocumentsInput }[] = [
  { name: 'first page, newest', make: () => ({}) },
  { name: 'oldest first', make: () => ({ sort: 'oldest' }) },
  { name: 'largest amounts', make: () => ({ sort: 'total-desc' }) },
  { name: 'by number', make: () => ({ sort: 'number' }) },
  { name: 'verification code', make: () => ({ search: sample().verification_code! }) },
  { name: 'verification code, no dashes, part', make: () => ({ search: sample().verification_code!.replaceAll('-', '').slice(0, 10) }) },
  { name: 'seller number', make: () => ({ search: sample().number }) },
  { name: 'seller number digits', make: () => ({ search: String(Number(sample().number.replace(/\D/g, ''))) }) },
  { name: 'buyer surname', make: () => ({ search: sample().buyer_name.split(' ')[1]! }) },
  { name: 'buyer full name', make: () => ({ search: sample().buyer_name }) },
  { name: 'buyer TIN', make: () => ({ search: sample().buyer_tin! }) },
  { name: 'amount', make: () => ({ search: sample().total }) },
  { name: 'ZIMRA number', make: () => ({ search: `${sample().zimra_number}/${sample().fiscal_day}` }) },
  { name: 'needs attention', make: () => ({ states: ['needs-attention', 'needs-fix'] }) },
  { name: 'fiscalised USD', make: () => ({ states: ['fiscalised'], currency: 'USD' }) },
  { name: 'credit notes', make: () => ({ kinds: ['credit-note'] }) },
  { name: 'one month, one currency', make: () => { const m = Math.floor(random() * 48); return { currency: 'ZWG', dateFrom: monthStart(m), dateTo: monthEnd(m) }; } },
  { name: 'one month, by amount', make: () => { const m = Math.floor(random() * 48); return { dateFrom: monthStart(m), dateTo: monthEnd(m), sort: 'total-desc' }; } },
  { name: 'surname in a year', make: () => ({ search: sample().buyer_name.split(' ')[1]!, dateFrom: monthStart(12), dateTo: LAST_DAY }) },
  { name: 'typing a surname (3 letters)', make: () => ({ search: sample().buyer_name.split(' ')[1]!.slice(0, 3) }) },
  { name: 'deep page', make: () => ({ offset: Math.floor(random() * 5000) * 50 }) },
];

const time = (input: ListDocumentsInput) => {
  const query = listDocumentsInputSchema.parse(input);
  const started = performance.now();
  const page = searchHistory(db, BENCH_PROFILE, query);
  const elapsed = performance.now() - started;
  if (page.items.length === 0 && page.total > query.offset) throw new Error(`no rows for ${JSON.stringify(input)}`);
  return elapsed;
};

for (const entry of mix) time(entry.make()); // warm the page cache once, as a running app has it
const all: number[] = [];
const byKind = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const entry of mix) {
    const elapsed = time(entry.make());
    all.push(elapsed);
    byKind.set(entry.name, [...(byKind.get(entry.name) ?? []), elapsed]);
  }
}
all.sort((a, b) => a - b);
const p95 = all[Math.floor(all.length * 0.95)]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const [name, times] of [...byKind].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 6)) {
  console.log(`# slowest kinds: ${name}: median ${median(times).toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms`);
}
console.log(`# ${all.length} queries, median ${all[Math.floor(all.length / 2)]!.toFixed(1)} ms`);
console.log(`BENCH history-search-p95-ms ${p95.toFixed(1)} ms (goal under ${GOAL_MS}; load average ${loadavg().map((load) => load.toFixed(2)).join(' ')})`);
console.log(`BENCH journal-mb-per-100k-docs ${((fileSizeMb(path) / DOCUMENTS) * 100_000).toFixed(1)} MB`);
journal.close();
if (p95 > LIMIT_MS) {
  console.error(`history search p95 ${p95.toFixed(1)} ms is above ${LIMIT_MS} ms`);
  process.exit(1);
}
