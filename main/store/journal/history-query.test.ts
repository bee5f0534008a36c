import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQLInputValue } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDocumentsInputSchema, type ListDocumentsInput } from '../../../shared/contract/documents';
import { silentLogger } from '../../logging/logger';
import { packBody } from './document-body';
import { countHistory, ftsQuery, MATCHES_COUNTED, searchHistory } from './history-query';
import { Journal } from './journal';
import { migrations } from './migrations';
import { REBUILD_HISTORY_SQL } from './migrations/002-history-search';
import { migration005 } from './migrations/005-document-bodies';

let folder: string;
let journal: Journal;
let sequence = 0;

interface Doc {
  profile?: string;
  kind?: 'invoice' | 'credit-note';
  state?: string;
  number?: string | null;
  issuedAt?: string | null;
  buyer?: string;
  tin?: string | null;
  currency?: string;
  total?: string | null;
  code?: string | null;
  zimra?: number | null;
  day?: number | null;
}

function insert(doc: Doc): string {
  sequence += 1;
  const id = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  // The draft's column as the journal's schema has it (some tests write at schema 1).
  const draft: [string, SQLInputValue] = journal.schemaVersion() < migration005.version ? ['draft_json', '{}'] : ['draft', packBody('{}')];
  journal.db
    .prepare(
      `INSERT INTO documents (id, profile_id, kind, state, ${draft[0]}, number, issued_at, currency, buyer_name, buyer_tin, total,
        verification_code, zimra_number, fiscal_day, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id, doc.profile ?? 'p1', doc.kind ?? 'invoice', doc.state ?? 'fiscalised', draft[1], doc.number === undefined ? `INV-${String(sequence).padStart(6, '0')}` : doc.number,
      doc.issuedAt === undefined ? `2026-11-${String(10 + (sequence % 10)).padStart(2, '0')}T10:00:00+02:00` : doc.issuedAt,
      doc.currency ?? 'ZWG', doc.buyer ?? 'Cash sale', doc.tin ?? null, doc.total === undefined ? '100.00' : doc.total,
      doc.code ?? null, doc.zimra ?? null, doc.day ?? null, '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z',
    );
  return id;
}

const query = (input: ListDocumentsInput) => listDocumentsInputSchema.parse(input);
const ids = (input: ListDocumentsInput, profile = 'p1') => searchHistory(journal.db, profile, query(input)).items.map((item) => item.id);

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'history-query-'));
  journal = Journal.open({ path: join(folder, 'journal.sqlite'), logger: silentLogger });
  sequence = 0;
});

afterEach(() => {
  journal.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('history search', () => {
  it('finds a document by verification code (with or without dashes), number, digits, buyer, TIN, amount and ZIMRA number', () => {
    const target = insert({ number: 'INV-000042', buyer: 'Tendai Moyo Stores', tin: '2000012345', total: '125.50', code: 'A1B2-C3D4-E5F6-0789', zimra: 318, day: 12 });
    insert({ number: 'INV-000043', buyer: 'Rudo Ncube', tin: '2000099999', total: '80.00', code: 'FFFF-0000-1111-2222', zimra: 319, day: 12 });
    for (const search of ['A1B2-C3D4-E5F6-0789', 'a1b2-c3', 'A1B2C3D4', 'INV-000042', 'inv-00004 moyo', '42', 'Moyo', 'tend', '2000012345', '125.5', '125,50', '318/12']) {
      expect(ids({ search }), search).toEqual([target]);
    }
    expect(ids({ search: 'nobody' })).toEqual([]);
  });

  it('treats the search as words, never as full-text syntax', () => {
    const target = insert({ buyer: 'O\'Brien "Hardware" (Pvt)' });
    expect(ids({ search: '"hardware' })).toEqual([target]);
    expect(ids({ search: 'NEAR( OR * -' })).toEqual([]);
    expect(ftsQuery('  - ')).toBeNull();
  });

  it('matches a prefix that stands for a great many words as a whole word, unless the index keeps it ready', () => {
    const broad = (term: string) => term.startsWith('inv');
    expect(ftsQuery('INV-0 moyo', broad)).toBe('"inv-0" AND "moyo"*');
    expect(ftsQuery('inv', broad)).toBe('"inv"*');
    expect(ftsQuery('INV-0000042', () => false)).toBe('"inv-0000042"*');
    // One to three characters are always ready: never asked about.
    const everything = () => true;
    expect(ftsQuery('m 2 zw', everything)).toBe('"m"* AND "2"* AND "zw"*');
    const target = insert({ number: 'INV-000042' });
    expect(ids({ search: 'INV-000042' })).toEqual([target]);
    const moyo = insert({ buyer: 'Tendai Moyo' });
    insert({ buyer: 'Rudo Ncube' });
    expect(ids({ search: 'm' })).toEqual([moyo]);
  });

  it('matches a prefix as a whole word only when more than 200 indexed words start with it', () => {
    journal.transaction(() => {
      for (let index = 1; index <= 201; index += 1) insert({ number: `INV-${String(index).padStart(7, '0')}`, buyer: 'Cash sale' });
    });
    const nine = insert({ number: 'INV-0000999', buyer: 'Moyo Stores' });
    // 202 numbers start with inv-000: as a whole word it matches none until typing narrows it.
    expect(searchHistory(journal.db, 'p1', query({ search: 'INV-000' })).total).toBe(0);
    expect(ids({ search: 'INV-00009' })).toEqual([nine]);
    // "cash" is followed in the dictionary by the 202 numbers: only words starting with it count.
    expect(searchHistory(journal.db, 'p1', query({ search: 'cash' })).total).toBe(201);
  });

  it('filters by kind, state, currency and inclusive day range, and counts what matches', () => {
    const a = insert({ issuedAt: '2026-11-01T00:10:00+02:00', currency: 'USD' });
    const b = insert({ issuedAt: '2026-11-05T23:59:00+02:00', kind: 'credit-note', number: 'CN-000001' });
    const c = insert({ issuedAt: '2026-11-06T00:00:00+02:00', state: 'needs-fix' });
    insert({ profile: 'p2', issuedAt: '2026-11-03T10:00:00+02:00' });
    expect(ids({ dateFrom: '2026-11-01', dateTo: '2026-11-05', sort: 'oldest' })).toEqual([a, b]);
    expect(ids({ kinds: ['credit-note'] })).toEqual([b]);
    expect(ids({ states: ['needs-fix'] })).toEqual([c]);
    expect(ids({ currency: 'USD' })).toEqual([a]);
    const filter = query({ dateFrom: '2026-11-01', dateTo: '2026-11-05' });
    expect(countHistory(journal.db, 'p1', filter)).toBe(2);
    expect(searchHistory(journal.db, 'p1', query({})).total).toBe(3);
    expect(searchHistory(journal.db, 'p2', query({})).total).toBe(1);
  });

  it('sorts by date, number and amount, and pages from main', () => {
    const small = insert({ total: '9.99', issuedAt: '2026-11-03T10:00:00+02:00' });
    const large = insert({ total: '1000.00', issuedAt: '2026-11-01T10:00:00+02:00' });
    const middle = insert({ total: '100.00', issuedAt: '2026-11-02T10:00:00+02:00' });
    expect(ids({ sort: 'total-desc' })).toEqual([large, middle, small]);
    expect(ids({ sort: 'total-asc' })).toEqual([small, middle, large]);
    expect(ids({ sort: 'newest' })).toEqual([small, middle, large]);
    expect(ids({ sort: 'number' })).toEqual([middle, large, small]);
    const page = searchHistory(journal.db, 'p1', query({ sort: 'oldest', offset: 1, limit: 1 }));
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([middle]);
    expect(searchHistory(journal.db, 'p1', query({ offset: 3 }))).toEqual({ items: [], total: 3, offset: 3 });
    expect(searchHistory(journal.db, 'p1', query({ search: 'nobody-by-this-name' }))).toEqual({ items: [], total: 0, offset: 0 });
  });

  it('keeps the index and counts in step with updates and deletes, and a rebuild gives the same answers', () => {
    const id = insert({ state: 'submitted', code: null });
    expect(ids({ states: ['fiscalised'] })).toEqual([]);
    journal.db.prepare("UPDATE documents SET state = 'fiscalised', verification_code = 'ABCD-0000-0000-0001', zimra_number = 7, fiscal_day = 2 WHERE id = ?").run(id);
    expect(ids({ states: ['fiscalised'] })).toEqual([id]);
    expect(ids({ search: 'ABCD-0000' })).toEqual([id]);
    expect(searchHistory(journal.db, 'p1', query({ states: ['submitted'] })).total).toBe(0);
    const summary = searchHistory(journal.db, 'p1', query({ search: '7/2' })).items[0];
    expect(summary).toMatchObject({ id, state: 'fiscalised', zimraNumber: '7/2', verificationCode: 'ABCD-0000-0000-0001' });

    journal.db.exec(REBUILD_HISTORY_SQL);
    expect(ids({ search: 'ABCD0000' })).toEqual([id]);
    expect(searchHistory(journal.db, 'p1', query({ states: ['fiscalised'] })).total).toBe(1);

    journal.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(ids({ search: 'ABCD' })).toEqual([]);
    expect(searchHistory(journal.db, 'p1', query({})).total).toBe(0);
  });

  it('finds words within a day range from the full-text index, exactly, with another profile, open ranges and a date changed', () => {
    const days = ['2026-01-31', '2026-02-01', '2026-02-14', '2026-02-28', '2026-03-01', '2026-12-31', '2027-01-01'];
    const docs = days.flatMap((day, index) =>
      ([['p1', 'Chipo Moyo', '23:30'], ['p2', 'Chipo Moyo', '08:00'], ['p1', index % 2 === 0 ? 'Rudo Ncube' : 'Moyo Traders', '12:00']] as const).map(([profile, buyer, time]) => ({
        id: insert({ profile, buyer, issuedAt: `${day}T${time}:00+02:00` }),
        day,
        profile,
        buyer,
      })),
    );
    const expected = (from: string | null, to: string | null, words: string[]) =>
      docs
        .filter((doc) => doc.profile === 'p1' && (from === null || doc.day >= from) && (to === null || doc.day <= to))
        .filter((doc) => words.every((word) => doc.buyer.toLowerCase().split(' ').includes(word))).length;
    const ranges = [['2026-02-01', '2026-02-28'], ['2026-01-31', '2026-03-01'], ['2026-02-14', '2026-02-14'], [null, '2026-02-14'], ['2026-03-01', null], ['2026-12-31', '2027-01-01'], ['2027-02-01', '2027-03-01']] as const;
    for (const [from, to] of ranges) {
      for (const words of [['moyo'], ['chipo', 'moyo']]) {
        const input = { search: words.join(' '), dateFrom: from, dateTo: to, limit: 200 };
        const page = searchHistory(journal.db, 'p1', query(input));
        expect(page.total, `${words.join(' ')} ${from}..${to}`).toBe(expected(from, to, words));
        expect(page.items).toHaveLength(page.total);
        expect(countHistory(journal.db, 'p1', query(input))).toBe(page.total);
      }
    }
    // A document whose date changes is found in its new day only.
    const moved = docs[0]!.id;
    journal.db.prepare(`UPDATE documents SET issued_at = '2026-06-15T10:00:00+02:00' WHERE id = ?`).run(moved);
    expect(ids({ search: 'chipo', dateFrom: '2026-06-01', dateTo: '2026-06-30' })).toEqual([moved]);
    expect(ids({ search: 'chipo', dateFrom: '2026-01-31', dateTo: '2026-01-31' })).toEqual([]);
  });

  it('finds a prefix by the few words it stands for, and never a document by its day or month written as a word', () => {
    const moyo = insert({ buyer: 'Tendai Moyo', issuedAt: '2026-11-27T10:00:00+02:00' });
    const moyondo = insert({ buyer: 'Rudo Moyondo', issuedAt: '2026-11-27T11:00:00+02:00' });
    insert({ buyer: 'Mpofu', issuedAt: '2026-11-27T12:00:00+02:00' });
    expect(ids({ search: 'moyo' }).sort()).toEqual([moyo, moyondo].sort());
    expect(ids({ search: 'moyon' })).toEqual([moyondo]);
    expect(ids({ search: 'moyo tend' })).toEqual([moyo]);
    for (const search of ['d2026', 'm202611', 'd20261127', 'd']) expect(ids({ search, dateFrom: '2026-11-01' }), search).toEqual([]);
    const dayNamed = insert({ buyer: 'M202611 Traders', issuedAt: '2026-11-27T13:00:00+02:00' });
    expect(ids({ search: 'm202611' })).toEqual([dayNamed]);
    expect(ids({ search: 'm2026', dateFrom: '2026-11-27', dateTo: '2026-11-27' })).toEqual([dayNamed]);
  });

  it('builds the history of documents that were in the journal before the migration', () => {
    journal.close();
    const path = join(folder, 'before.sqlite');
    journal = Journal.open({ path, logger: silentLogger, migrations: migrations.slice(0, 1) });
    const id = insert({ buyer: 'Chipo Dube', state: 'needs-fix' });
    journal.close();
    journal = Journal.open({ path, logger: silentLogger });
    expect(ids({ search: 'chipo' })).toEqual([id]);
    expect(searchHistory(journal.db, 'p1', query({ states: ['needs-fix'] })).total).toBe(1);
  });

  it('answers broad searches (thousands of matches) exactly, whichever way it counts and pages', () => {
    journal.transaction(() => {
      for (let index = 0; index < 2600; index += 1) {
        insert({ buyer: index % 2 === 0 ? 'Tendai Moyo' : 'Rudo Moyo Stores', state: index % 50 === 0 ? 'needs-fix' : 'fiscalised', currency: index % 5 === 0 ? 'USD' : 'ZWG', issuedAt: `2026-${String(1 + (index % 12)).padStart(2, '0')}-10T10:00:00+02:00` });
      }
      for (let index = 0; index < 5; index += 1) insert({ profile: 'p2', buyer: 'Tendai Moyo' });
    });
    const brute = (where: string) => (journal.db.prepare(`SELECT count(*) AS n FROM documents WHERE profile_id = 'p1' AND buyer_name LIKE '%moyo%' AND ${where}`).get() as { n: number }).n;
    const cases: [ListDocumentsInput, string][] = [
      [{ search: 'moyo' }, '1'],
      // A ready prefix matching most of the profile: each row walked is asked of the index.
      [{ search: 'moy' }, '1'],
      [{ search: 'moy', sort: 'total-desc' }, '1'],
      [{ search: 'moyo', states: ['needs-fix'] }, "state = 'needs-fix'"],
      [{ search: 'moyo', currency: 'USD' }, "currency = 'USD'"],
      [{ search: 'moyo stores', dateFrom: '2026-03-01', dateTo: '2026-03-31' }, "buyer_name LIKE '%stores%' AND issued_at LIKE '2026-03%'"],
    ];
    for (const [input, where] of cases) {
      const page = searchHistory(journal.db, 'p1', query({ ...input, limit: 200 }));
      expect(page.total, JSON.stringify(input)).toBe(brute(where));
      expect(page.items.length).toBe(Math.min(200, page.total));
      if (input.sort === undefined) {
        const dates = page.items.map((item) => item.date ?? '');
        expect(dates).toEqual([...dates].sort().reverse());
      }
    }
    expect(searchHistory(journal.db, 'p2', query({ search: 'moyo' })).total).toBe(5);
  });
});

describe('a broad search', () => {
  // More matches than the list counts: two thirds of the profile's 15,600 documents are Tendai
  // Moyo's, a seventh of them are dated a year before their writing (out of id order), and another
  // profile has a few.
  const MANY = Math.ceil(((MATCHES_COUNTED + 400) * 3) / 2);
  beforeEach(() => {
    journal.transaction(() => {
      for (let index = 0; index < MANY; index += 1) {
        const day = String(1 + (index % 28)).padStart(2, '0');
        const month = String(1 + Math.floor((index / MANY) * 12)).padStart(2, '0');
        insert({
          buyer: index % 3 === 0 ? 'Rudo Banda' : 'Tendai Moyo',
          issuedAt: index % 7 === 0 ? `2025-${month}-${day}T09:00:00+02:00` : `2026-${month}-${day}T10:00:00+02:00`,
          total: `${(index * 37) % 1000}.50`,
        });
      }
      for (let index = 0; index < 5; index += 1) insert({ profile: 'p2', buyer: 'Tendai Moyo' });
    });
  });
  const ORDERS = { newest: 'date DESC, hid DESC', oldest: 'date ASC, hid ASC', number: 'number DESC, hid DESC', 'total-desc': 'total_sort DESC, hid DESC', 'total-asc': 'total_sort ASC, hid ASC' } as const;
  const expected = (profile: string, like: string, order: string, offset: number, limit: number) =>
    (journal.db.prepare(`SELECT id FROM document_history WHERE profile_id = ? AND buyer_name LIKE ? ORDER BY ${order} LIMIT ? OFFSET ?`).all(profile, like, limit, offset) as { id: string }[]).map((row) => row.id);

  it('says "more than 10,000" and lists the same pages, in every order, as an exact search would; anything narrower is counted exactly', () => {
    for (const [sort, order] of Object.entries(ORDERS) as [keyof typeof ORDERS, string][]) {
      for (const offset of [0, 4_950, MATCHES_COUNTED - 100]) {
        const page = searchHistory(journal.db, 'p1', query({ search: 'moy', sort, offset, limit: 100 }));
        expect(page.capped, `${sort} ${offset}`).toBe(true);
        expect(page.total).toBe(MATCHES_COUNTED);
        expect(page.items.map((item) => item.id), `${sort} ${offset}`).toEqual(expected('p1', '%moyo%', order, offset, 100));
      }
    }
    // Past the count, nothing is looked for.
    expect(searchHistory(journal.db, 'p1', query({ search: 'moy', offset: MATCHES_COUNTED, limit: 100 })).items).toEqual([]);

    // Below the cap, with a filter the index does not hold, for the export, and for a profile with few of the matches: exact.
    const banda = searchHistory(journal.db, 'p1', query({ search: 'banda', limit: 100 }));
    expect(banda.capped).toBeUndefined();
    expect(banda.total).toBe(Math.ceil(MANY / 3));
    expect(banda.items.map((item) => item.id)).toEqual(expected('p1', '%banda%', ORDERS.newest, 0, 100));
    // A filter the full-text index does not hold: counted exactly, as before.
    const filtered = searchHistory(journal.db, 'p1', query({ search: 'moy', currency: 'ZWG', limit: 100 }));
    expect(filtered.capped).toBeUndefined();
    expect(filtered.total).toBe(MANY - Math.ceil(MANY / 3));
    expect(filtered.items.map((item) => item.id)).toEqual(expected('p1', '%moyo%', ORDERS.newest, 0, 100));
    // The export's count is never capped.
    expect(countHistory(journal.db, 'p1', query({ search: 'moy' }))).toBe(MANY - Math.ceil(MANY / 3));
    // The other profile's five: its own count is exact although the words match far more of p1's.
    const other = searchHistory(journal.db, 'p2', query({ search: 'moy' }));
    expect(other.capped).toBeUndefined();
    expect(other.total).toBe(5);
  });
});
