// A till's real journal on disk, filled through the journal's own repository the way the
// documents service and the outbox write it: drafts, queued documents with numbers, sent and
// fiscalised ones with their fiscal data, buyers; a line without a discount keeps it empty, as
// invoice entry saves it. The replication tests copy it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../logging/logger';
import { packBody } from '../../store/journal/document-body';
import { DocumentsRepo, formatNumber } from '../../store/journal/documents-repo';
import { JOURNAL_FILE_NAME, Journal } from '../../store/journal/journal';

export const TILL_PROFILE = 'till-profile';

export interface TillJournal {
  journal: Journal;
  repo: DocumentsRepo;
  path: string;
  /** Adds `count` documents in a mix of states, each step committed on its own as the app does; answers their ids. */
  add(count: number): string[];
  /** Adds `count` documents quickly, `perTransaction` at a time (a backlog for the benchmark). */
  addBulk(count: number, perTransaction?: number): void;
  close(): void;
}

export function openTillJournal(path = join(mkdtempSync(join(tmpdir(), 'fd-till-')), JOURNAL_FILE_NAME)): TillJournal {
  const journal = Journal.open({ path, logger: silentLogger });
  const repo = new DocumentsRepo(journal);
  let counter = Number((journal.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n);
  const add = (count: number): string[] => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      counter += 1;
      ids.push(addOne(repo, journal, counter));
    }
    return ids;
  };
  const addBulk = (count: number, perTransaction = 1_000): void => {
    for (let done = 0; done < count; done += perTransaction) journal.transaction(() => add(Math.min(perTransaction, count - done)));
  };
  return { journal, repo, path, add, addBulk, close: () => journal.close() };
}

function addOne(repo: DocumentsRepo, journal: Journal, n: number): string {
  const id = randomUUID();
  const at = new Date(Date.UTC(2026, 11, 1, 8, 0, n % 3600)).toISOString();
  const currency = n % 3 === 0 ? 'ZWG' : 'USD';
  const total = `${n}.${String(n % 100).padStart(2, '0')}`;
  repo.insert(
    { id, profile_id: TILL_PROFILE, kind: 'invoice', draft: packBody(JSON.stringify({ n })), currency, buyer_name: `Buyer ${n % 7}`, buyer_tin: null, original_id: null, sub_total: total, total_tax: '0.00', total, created_at: at },
    [
      { position: 1, description: `Item ${n}`, quantity: '2', unit_amount: '1.25', discount_amount: '0', tax_code: 'VAT15', hs_code: '15079000', line_amount: '2.50' },
      { position: 2, description: 'Bread', quantity: '1.5', unit_amount: '0.333', discount_amount: '', tax_code: 'ZR', hs_code: '19059000', line_amount: '0.4995' },
    ],
    'Saved as a draft',
  );
  // Every fifth stays a draft (never copied); the others are queued, and most go further.
  if (n % 5 === 0) return id;
  const inOne = (work: () => void): void => (journal.db.isTransaction ? work() : journal.transaction(work));
  inOne(() => {
    const buyerId = n % 2 === 0 ? repo.upsertBuyer(TILL_PROFILE, { name: `Buyer ${n % 7}`, tradeName: '', tin: `200${n % 7}`, vatNumber: '', phone: '', email: '', addressJson: '{"city":"Harare"}' }, at) : null;
    repo.transition(id, { from: ['draft'] }, 'queued', { number: formatNumber('INV-TEST-', n), buyer_id: buyerId, issued_at: at.slice(0, 19) }, at, 'Queued');
  });
  if (n % 5 === 1) return id;
  repo.transition(id, { from: ['queued'] }, 'submitted', { request_id: `req-${n}` }, at, 'Sent');
  if (n % 5 === 2) repo.transition(id, { from: ['submitted'] }, 'needs-attention', { service_error: 'No answer within the status window' }, at, 'Needs attention');
  else repo.transition(id, { from: ['submitted'] }, 'fiscalised', { qr_url: `https://example.test/qr/${n}`, verification_code: `VC${n}`, fiscal_day: 3, device_id: 77, zimra_number: n }, at, 'Fiscalised');
  return id;
}
