import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { packBody, unpackBody } from './document-body';
import { DocumentsRepo } from './documents-repo';
import { Journal, JOURNAL_FILE_NAME } from './journal';
import { recoverJournal } from './journal-recovery';

// Reading a damaged journal back, on real files: SQLite refuses them, the page reader does not.

const at = '2026-12-01T08:00:00.000Z';
const clock = () => new Date(at);

/** A journal with an invoice whose body does not fit in one page, a credit note for it, a buyer and events. */
function journalWithDocuments(): { path: string; bigDraft: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-recovery-')), JOURNAL_FILE_NAME);
  const journal = Journal.open({ path, logger: silentLogger });
  const repo = new DocumentsRepo(journal);
  // Random text does not compress: the stored body is about 12 KB, over three overflow pages.
  const bigDraft = JSON.stringify({ kind: 'invoice', note: randomBytes(9000).toString('base64') });
  const fields = { draft: packBody(bigDraft), currency: 'USD', buyer_name: 'Cash Tendai', buyer_tin: null, original_id: null, sub_total: '10.00', total_tax: '1.34', total: '11.34' };
  repo.insert({ id: 'inv-1', profile_id: 'p1', kind: 'invoice', created_at: at, ...fields }, [], 'Saved as a draft');
  repo.insert({ id: 'cn-1', profile_id: 'p1', kind: 'credit-note', created_at: at, ...fields, draft: packBody('{}'), original_id: 'inv-1' }, [], 'Saved as a draft');
  journal.transaction(() => {
    const buyer = repo.upsertBuyer('p1', { name: 'Cash Tendai', tradeName: '', tin: '', vatNumber: '', phone: '', email: '', addressJson: '{}' }, at);
    repo.transition('inv-1', { from: ['draft'] }, 'submitted', { number: 'INV-000007', buyer_id: buyer, wire: packBody('{"InvoiceId":"inv-1"}'), next_poll_at: 1 }, at, 'Queued as INV-000007');
    repo.transition('cn-1', { from: ['draft'] }, 'queued', { number: 'CN-000002', next_attempt_at: 1 }, at, 'Queued as CN-000002');
    journal.db.prepare(`INSERT INTO number_sequences (profile_id, kind, prefix, next_value) VALUES ('p1', 'invoice', 'INV-', 8), ('p1', 'credit-note', 'CN-', 3)`).run();
  });
  journal.close();
  return { path, bigDraft };
}

function smashHeader(path: string): void {
  const file = openSync(path, 'r+');
  try {
    writeSync(file, Buffer.alloc(100, 0x5a), 0, 100, 0);
  } finally {
    closeSync(file);
  }
}

function recovered(damage: (path: string) => void) {
  const { path, bigDraft } = journalWithDocuments();
  damage(path);
  const journal = Journal.open({ path, logger: silentLogger, now: clock });
  const aside = journal.opening.movedAside ?? '';
  expect(aside).not.toBe('');
  const report = recoverJournal(aside, journal, { logger: silentLogger, clock });
  // Whatever else is lost, the sequences say which numbers were given.
  expect([...report.sequences].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
    { profileId: 'p1', kind: 'credit-note', prefix: 'CN-', nextValue: 3 },
    { profileId: 'p1', kind: 'invoice', prefix: 'INV-', nextValue: 8 },
  ]);
  return { journal, repo: new DocumentsRepo(journal), report, aside, bigDraft };
}

describe('recovering a journal moved aside', () => {
  it('with its header smashed: the sequences, documents (bodies whole), buyers and events come back, due at once', () => {
    const { journal, repo, report, aside, bigDraft } = recovered(smashHeader);
    expect(report).toMatchObject({ readable: true, documents: { submitted: 1, queued: 1 }, incomplete: [] });
    const invoice = repo.get('inv-1');
    expect(invoice).toMatchObject({ state: 'submitted', number: 'INV-000007', total: '11.34', next_poll_at: Date.parse(at) });
    expect(unpackBody(invoice!.draft, { documentId: 'inv-1' })).toBe(bigDraft);
    expect(unpackBody(invoice!.wire!, { documentId: 'inv-1' })).toBe('{"InvoiceId":"inv-1"}');
    expect(invoice?.buyer_id).not.toBeNull();
    expect(repo.get('cn-1')).toMatchObject({ state: 'queued', original_id: 'inv-1', next_attempt_at: Date.parse(at) });
    expect(repo.events('inv-1').map((event) => event.note)).toEqual(['Saved as a draft', 'Queued as INV-000007', `Recovered from the damaged journal kept at ${aside}`]);
    expect(journal.integrityCheck()).toBe('ok');
    journal.close();
  });

  it('cut short: what is past the end is reported lost, a reference to it dropped, the rest comes back', () => {
    const { journal, repo, report } = recovered((path) => truncateSync(path, Math.floor(statSync(path).size / 2)));
    // The invoice's body went to overflow pages at the end of the file, cut off with it.
    expect(report).toMatchObject({ readable: true, documents: { queued: 1 }, incomplete: ['documents'] });
    expect(repo.get('inv-1')).toBeUndefined();
    expect(repo.get('cn-1')).toMatchObject({ state: 'queued', number: 'CN-000002', original_id: null });
    expect(journal.integrityCheck()).toBe('ok');
    journal.close();
  });

  it('reads nothing from a file that was never a journal, and says so', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-recovery-')), JOURNAL_FILE_NAME);
    const file = openSync(path, 'w');
    writeSync(file, randomBytes(64 * 1024));
    closeSync(file);
    const journal = Journal.open({ path, logger: silentLogger, now: clock });
    expect(recoverJournal(journal.opening.movedAside ?? '', journal, { logger: silentLogger, clock })).toEqual({ readable: false, sequences: [], documents: {}, incomplete: [] });
    journal.close();
  });
});

describe('recovering a journal with a credit note for another till’s invoice', () => {
  it('keeps the kept invoice (foreign_invoices) and the credit note’s reference to it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-recovery-')), JOURNAL_FILE_NAME);
    const first = Journal.open({ path, logger: silentLogger });
    const repo = new DocumentsRepo(first);
    first.db
      .prepare(
        `INSERT INTO foreign_invoices (id, profile_id, station_id, branch, number, issued_at, currency, total, tax_inclusive, buyer_json, lines_json,
           zimra_number, fiscal_day, device_id, qr_url, verification_code, credited_elsewhere, fetched_at)
         VALUES ('inv-other', 'p1', 'station-b', 'Bulawayo', 'INV-B2HZ-000004', '2026-11-30T10:00:00+02:00', 'USD', '64.20', 1, '{}', '[]', 5, 42, 23401, NULL, NULL, '4.60', ?)`,
      )
      .run(at);
    repo.insert(
      { id: 'cn-other', profile_id: 'p1', kind: 'credit-note', created_at: at, draft: packBody('{}'), currency: 'USD', buyer_name: 'Rudo', buyer_tin: null, original_id: 'inv-other', sub_total: '10.00', total_tax: '1.34', total: '11.34' },
      [],
      'Saved as a draft',
    );
    first.transaction(() => {
      repo.transition('cn-other', { from: ['draft'] }, 'queued', { number: 'CN-7K2Q-000001', next_attempt_at: 1 }, at, 'Queued as CN-7K2Q-000001');
    });
    first.close();
    smashHeader(path);
    const journal = Journal.open({ path, logger: silentLogger, now: clock });
    recoverJournal(journal.opening.movedAside ?? '', journal, { logger: silentLogger, clock });
    expect(new DocumentsRepo(journal).get('cn-other')).toMatchObject({ state: 'queued', original_id: 'inv-other' });
    expect(journal.db.prepare('SELECT number, total, credited_elsewhere FROM foreign_invoices').all()).toEqual([{ number: 'INV-B2HZ-000004', total: '64.20', credited_elsewhere: '4.60' }]);
    expect(journal.integrityCheck()).toBe('ok');
    journal.close();
  });
});
