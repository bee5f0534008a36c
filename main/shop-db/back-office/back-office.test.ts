import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocumentsInputSchema, type ListDocumentsInput } from '../../../shared/contract/documents';
import type { CurrencyTotal } from '../../../shared/contract/history';
import { shopListInputSchema, type ShopScope } from '../../../shared/contract/shop-office';
import { isAppError } from '../../../shared/errors';
import { Dec, formatMoney } from '../../../shared/domain/money';
import { readDashboardFacts } from '../../services/history/dashboard';
import { packBody } from '../../store/journal/document-body';
import { formatNumber } from '../../store/journal/documents-repo';
import { searchHistory } from '../../store/journal/history-query';
import { useShopDatabase, type ShopTestDatabase, type TestLogin } from '../../test-support/pg-test-cluster';
import type { ShopReplicator } from '../replicator';
import { tillReplicator } from '../test-support/shop-replication';
import { openTillJournal, TILL_PROFILE, type TillJournal } from '../test-support/till-journal';
import type { BackOfficeService } from './back-office-service';
import { resolveSearch } from './office-search';
import { officeService } from './test-support/office-service';

// The back office's reads against a real PostgreSQL: two tills' real journals copied by their
// own replicators (row-level security on), then read through a back-office login, and compared
// with what each till's own journal answers for the same list and dashboard.

const shop = useShopDatabase();
const NOW = new Date('2026-12-01T10:00:00Z');
const HARARE = `station-harare-${randomUUID()}`;
const BULAWAYO = `station-bulawayo-${randomUUID()}`;

interface Till {
  station: string;
  branch: string;
  local: TillJournal;
  replicator: ShopReplicator;
}

let db: ShopTestDatabase | null = null;
let tills: Till[] = [];
let officeLogin: TestLogin;
/** The Harare invoice both tills credit. */
let credited: { id: string; total: string };
let office: BackOfficeService;
const services: BackOfficeService[] = [];

/** A credit note on `till` for `invoiceId` (maybe another till's invoice), taken to `state`. */
function addCreditNote(till: TillJournal, invoiceId: string, total: string, state: 'fiscalised' | 'rejected', n: number): string {
  const id = randomUUID();
  const at = new Date(Date.UTC(2026, 11, 1, 9, 30, n)).toISOString();
  const { db: sqlite } = till.journal;
  // The invoice may live in another till's journal only (the back office's cross-till credit).
  sqlite.exec('PRAGMA foreign_keys = OFF');
  try {
    till.repo.insert(
      { id, profile_id: TILL_PROFILE, kind: 'credit-note', draft: packBody('{}'), currency: 'USD', buyer_name: 'Credit Buyer', buyer_tin: null, original_id: invoiceId, sub_total: total, total_tax: '0.00', total, created_at: at },
      [{ position: 1, description: 'Returned', quantity: '1', unit_amount: total, discount_amount: '0', tax_code: 'VAT15', hs_code: '15079000', line_amount: total }],
      'Saved as a draft',
    );
  } finally {
    sqlite.exec('PRAGMA foreign_keys = ON');
  }
  till.repo.transition(id, { from: ['draft'] }, 'queued', { number: formatNumber('CN-TEST-', n), issued_at: at.slice(0, 19) }, at, 'Queued');
  till.repo.transition(id, { from: ['queued'] }, 'submitted', { request_id: `cn-${n}` }, at, 'Sent');
  if (state === 'rejected') till.repo.transition(id, { from: ['submitted'] }, 'rejected', { service_error: 'The credited invoice is unknown' }, at, 'Rejected');
  else till.repo.transition(id, { from: ['submitted'] }, 'fiscalised', { verification_code: `CNVC${n}`, fiscal_day: 4, device_id: 77, zimra_number: 9000 + n }, at, 'Fiscalised');
  return id;
}

function fiscalisedUsdInvoice(till: TillJournal): { id: string; total: string } {
  return till.journal.db.prepare(`SELECT id, total FROM documents WHERE state = 'fiscalised' AND kind = 'invoice' AND currency = 'USD' ORDER BY created_at LIMIT 1`).get() as { id: string; total: string };
}

async function copy(till: Till): Promise<void> {
  const status = await till.replicator.flush();
  if (status.state !== 'up-to-date') throw new Error(`The copy did not finish: ${status.message}`);
}

function service(login: TestLogin, options: Parameters<typeof officeService>[1] = {}): BackOfficeService {
  const made = officeService(login, { now: NOW, ...options });
  services.push(made);
  return made;
}

beforeAll(async () => {
  // Without PostgreSQL (outside CI) every test below skips, saying why.
  const missing = (): never => {
    throw new Error('PostgreSQL is missing');
  };
  try {
    db = shop.ready({ skip: missing });
  } catch {
    return;
  }
  for (const [station, branch, count] of [[HARARE, 'Harare', 23], [BULAWAYO, 'Bulawayo', 17]] as const) {
    const local = openTillJournal();
    local.add(count);
    tills.push({ station, branch, local, replicator: null as unknown as ShopReplicator });
  }
  const [harare, bulawayo] = tills as [Till, Till];
  // Bulawayo credits part of a Harare invoice (fiscalised, so it counts) and tries once more (refused: it does not).
  const invoice = fiscalisedUsdInvoice(harare.local);
  credited = invoice;
  addCreditNote(bulawayo.local, invoice.id, '1.25', 'fiscalised', 1);
  addCreditNote(bulawayo.local, invoice.id, '0.50', 'rejected', 2);
  addCreditNote(harare.local, invoice.id, '0.75', 'fiscalised', 3);
  // A document refused with a reason, for the dashboard's refusal reasons.
  const queued = bulawayo.local.journal.db.prepare(`SELECT id FROM documents WHERE state = 'queued' LIMIT 1`).get() as { id: string };
  bulawayo.local.repo.transition(queued.id, { from: ['queued'] }, 'needs-fix', { service_error: 'The buyer TIN must have 10 digits' }, '2026-12-01T08:30:00.000Z', 'Refused');
  for (const till of tills) {
    const login = await db.login('fiscal_desk_till');
    till.replicator = tillReplicator(till.local.journal.db, login, till.station, { branch: till.branch }).replicator;
    await copy(till);
  }
  officeLogin = await db.login('fiscal_desk_office');
  office = service(officeLogin, { stationId: HARARE });
}, 120_000);

afterAll(async () => {
  await Promise.all(services.map((made) => made.dispose()));
  await Promise.all(tills.map((till) => till.replicator?.stop()));
  for (const till of tills) till.local.close();
  tills = [];
});

const stationScope = (till: Till): ShopScope => ({ kind: 'station', stationId: till.station });
const copied = (till: Till) => (till.local.journal.db.prepare(`SELECT count(*) AS n FROM documents WHERE state <> 'draft'`).get() as { n: number }).n;

describe('reach', () => {
  it('lets an office login read every till, naming branches and tills, this computer’s marked', async (context) => {
    shop.ready(context);
    const reach = await office.reach();
    expect(reach).toMatchObject({ available: true, message: `Every till's documents, from "${shop.ready(context).database}" at 127.0.0.1:${shop.ready(context).cluster.port}: 2 tills.` });
    expect(reach.branches).toEqual(['Bulawayo', 'Harare']);
    expect(reach.tills.map((till) => [till.stationId, till.branch, till.thisTill, till.documents])).toEqual([
      [BULAWAYO, 'Bulawayo', false, copied(tills[1]!)],
      [HARARE, 'Harare', true, copied(tills[0]!)],
    ]);
    expect(reach.tills[0]?.lastReplicatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('says a till-only login cannot read the other tills, naming it and what IT does', async (context) => {
    const database = shop.ready(context);
    const tillLogin = await database.login('fiscal_desk_till');
    const reach = await service(tillLogin).reach();
    expect(reach).toEqual({
      available: false,
      message: `The user "${tillLogin.role}" may not read every till's documents: it is not in the back office's group. Ask IT to add it (GRANT fiscal_desk_office TO "${tillLogin.role}"; see docs/shop-database.md), or enter the back office's login in Settings, Shop database.`,
      branches: [],
      tills: [],
    });
    const refused = await service(tillLogin).list(shopListInputSchema.parse({ scope: { kind: 'shop' } })).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('NOT_ALLOWED');
  });

  it('says what to do without a shop database, or with a wrong password (the till’s own words)', async (context) => {
    const database = shop.ready(context);
    const unset = officeService({ ...officeLogin, url: officeLogin.url.replace(/\/[^/]*$/, '/') });
    services.push(unset);
    expect((await unset.reach()).message).toMatch(/^This computer has no shop database yet\. Set up the shop database in Settings/);
    const wrong = service({ ...officeLogin, password: 'not-the-password' });
    expect(await wrong.reach()).toMatchObject({ available: false, message: `The shop database refused the password of the user "${officeLogin.role}". Enter the right password in Settings, Shop database.` });
    expect(database.database).not.toBe('');
  });
});

describe('list', () => {
  it('lists every till once, each document with its till and branch, scoped to a branch or a till', async (context) => {
    shop.ready(context);
    const all = await office.list(shopListInputSchema.parse({ scope: { kind: 'shop' }, limit: 200 }));
    expect(all.total).toBe(copied(tills[0]!) + copied(tills[1]!));
    expect(new Set(all.items.map((item) => item.id)).size).toBe(all.total);
    for (const till of tills) {
      const ofTill = all.items.filter((item) => item.stationId === till.station);
      expect(ofTill.length).toBe(copied(till));
      expect(new Set(ofTill.map((item) => `${item.branch}/${item.tillLabel}`))).toEqual(new Set([`${till.branch}/Till 1`]));
      const branch = await office.list(shopListInputSchema.parse({ scope: { kind: 'branch', branch: till.branch }, limit: 200 }));
      expect(branch.items.map((item) => item.id).sort()).toEqual(ofTill.map((item) => item.id).sort());
      expect(branch.total).toBe(copied(till));
    }
  });

  // Each query as the till's own list answers it from its journal (drafts are never copied).
  const queries: [string, ListDocumentsInput][] = [
    ['newest first', {}],
    ['oldest first', { sort: 'oldest' }],
    ['by number', { sort: 'number' }],
    ['largest amounts', { sort: 'total-desc' }],
    ['smallest amounts', { sort: 'total-asc' }],
    ['seller number', { search: 'INV-TEST-000000000007' }],
    ['seller number, its start', { search: 'inv-test-00' }],
    ['seller number digits', { search: '12' }],
    ['buyer name', { search: 'buyer 3' }],
    ['buyer name, a word’s start', { search: 'buy' }],
    ['buyer TIN', { search: '2004' }],
    ['amount', { search: '14.14' }],
    ['amount with a comma', { search: '14,14' }],
    ['verification code', { search: 'VC13' }],
    ['ZIMRA number', { search: '13/3' }],
    ['credit notes', { kinds: ['credit-note'] }],
    ['needs attention', { states: ['needs-attention', 'needs-fix'] }],
    ['fiscalised ZWG', { states: ['fiscalised'], currency: 'ZWG' }],
    ['a day', { dateFrom: '2026-12-01', dateTo: '2026-12-01' }],
    ['the day before', { dateTo: '2026-11-30' }],
    ['a word no document has', { search: 'zebra' }],
    ['two words', { search: 'buyer 5', states: ['fiscalised'] }],
    ['a page further', { offset: 5, limit: 5 }],
    ['a page past the middle (read from the other end)', { offset: 12, limit: 4 }],
    ['the last page, oldest first', { offset: 14, limit: 50, sort: 'oldest' }],
    ['past the middle, by number', { offset: 11, limit: 5, sort: 'number' }],
    ['past the middle, largest amounts', { offset: 13, limit: 3, sort: 'total-desc' }],
    ['past the middle, smallest amounts', { offset: 13, limit: 3, sort: 'total-asc' }],
    ['a word’s start in a day', { search: 'buy', dateFrom: '2026-12-01', dateTo: '2026-12-01' }],
    ['a word’s start before a day', { search: 'buy', dateTo: '2026-11-30' }],
    ['a word with a separator inside', { search: 'inv-test/00' }],
    ['the start of a few words', { search: 'vc2' }],
    ['the start of many words', { search: 'vc' }],
    ['two words, each the start of one', { search: 'cred buy' }],
  ];
  it.for(queries)('finds what the till’s own list finds: %s', async ([, input], context) => {
    shop.ready(context);
    for (const till of tills) {
      const query = listDocumentsInputSchema.parse({ limit: 200, ...input });
      const local = searchHistory(till.local.journal.db, TILL_PROFILE, { ...query, offset: 0, limit: 200 }).items.filter((item) => item.state !== 'draft');
      const expected = local.slice(query.offset, query.offset + query.limit);
      const page = await office.list(shopListInputSchema.parse({ ...input, limit: query.limit, scope: stationScope(till) }));
      expect(page.items.map(({ stationId: _s, tillLabel: _l, branch: _b, ...summary }) => summary)).toEqual(expected);
      expect(page.total).toBe(local.length);
    }
  });
});

describe('the search words', () => {
  it('are spelled out as the words of the shop starting with them, when few do (the index answers that fastest)', async (context) => {
    shop.ready(context);
    const client = new pg.Client({ connectionString: officeLogin.url });
    await client.connect();
    try {
      const filter = shopListInputSchema.parse({ scope: { kind: 'shop' }, search: 'Buy CN vc zebra' });
      const { parts, query } = await resolveSearch(client, filter);
      expect(parts).toEqual(['buy', 'cn', 'vc', 'zebra']);
      const [buy, cn, vc, zebra] = query!.split(' & ');
      // One word starts with it; five (the credit notes' numbers and the two fiscalised ones' codes); more than SPELLED_OUT_WORDS (VC1 to VC23).
      expect(buy).toBe(`'buyer'`);
      expect(cn).toBe(`('cn-test-000001' | 'cn-test-000002' | 'cn-test-000003' | 'cnvc1' | 'cnvc3')`);
      expect(vc).toBe(`'vc':*`);
      // No document has a word starting with it: the query says so and matches nothing.
      expect(zebra).toBe(`'zebra':*`);
      const none = await office.list(shopListInputSchema.parse({ scope: { kind: 'shop' }, search: 'buyer zebra' }));
      expect(none).toMatchObject({ items: [], total: 0 });
    } finally {
      await client.end();
    }
  });
});

describe('a document copied again', () => {
  it('is found by what it gained and counted in its new state (the counts and search words follow each copy)', async (context) => {
    shop.ready(context);
    const harare = tills[0]!;
    const queued = harare.local.journal.db.prepare(`SELECT id FROM documents WHERE state = 'queued' AND kind = 'invoice' LIMIT 1`).get() as { id: string };
    const at = '2026-12-01T09:45:00.000Z';
    harare.local.repo.transition(queued.id, { from: ['queued'] }, 'submitted', { request_id: 'req-later' }, at, 'Sent');
    harare.local.repo.transition(queued.id, { from: ['submitted'] }, 'fiscalised', { verification_code: 'LATE-CODE-0001', fiscal_day: 9, device_id: 77, zimra_number: 777 }, at, 'Fiscalised');
    await copy(harare);
    const found = await office.list(shopListInputSchema.parse({ scope: { kind: 'shop' }, search: 'late-code' }));
    expect(found).toMatchObject({ total: 1, items: [{ id: queued.id, state: 'fiscalised', verificationCode: 'LATE-CODE-0001', zimraNumber: '777/9' }] });
    for (const states of [['queued'], ['fiscalised']] as const) {
      const local = searchHistory(harare.local.journal.db, TILL_PROFILE, listDocumentsInputSchema.parse({ states, limit: 200 }));
      const page = await office.list(shopListInputSchema.parse({ scope: stationScope(harare), states, limit: 200 }));
      expect(page.total).toBe(local.total);
      expect(page.items.map((item) => item.id)).toEqual(local.items.map((item) => item.id));
    }
  });
});

describe('one document', () => {
  it('has its lines and events, and an invoice what every till’s credit notes took from it', async (context) => {
    shop.ready(context);
    const invoice = credited;
    const detail = await office.get(invoice.id);
    expect(detail).toMatchObject({ id: invoice.id, stationId: HARARE, branch: 'Harare', kind: 'invoice', state: 'fiscalised', total: invoice.total });
    // 1.25 from Bulawayo and 0.75 from Harare count; Bulawayo's refused 0.50 does not.
    expect(detail.credited).toBe('2.00');
    expect(detail.remaining).toBe(new Dec(invoice.total).minus('2.00').toFixed(2));
    expect(detail.lines).toEqual([
      { description: expect.stringMatching(/^Item \d+$/), quantity: '2', unitAmount: '1.25', discountAmount: '0', taxCode: 'VAT15', hsCode: '15079000', lineAmount: '2.50' },
      { description: 'Bread', quantity: '1.5', unitAmount: '0.333', discountAmount: '0', taxCode: 'ZR', hsCode: '19059000', lineAmount: '0.4995' },
    ]);
    expect(detail.events.map((event) => event.to)).toEqual(['draft', 'queued', 'submitted', 'fiscalised']);
    expect(detail.qrUrl).toMatch(/^https:\/\/example\.test\/qr\//);

    const credit = (await office.list(shopListInputSchema.parse({ scope: stationScope(tills[1]!), kinds: ['credit-note'], states: ['fiscalised'] }))).items[0]!;
    const creditDetail = await office.get(credit.id);
    expect(creditDetail).toMatchObject({ originalId: invoice.id, originalNumber: detail.number, credited: null, remaining: null });

    const missing = await office.get(randomUUID()).catch((error: unknown) => error);
    expect(isAppError(missing) && missing.code).toBe('NOT_FOUND');
  });
});

describe('dashboard', () => {
  const sumOf = (lists: CurrencyTotal[][]): CurrencyTotal[] => {
    const sums = new Map<string, { documents: number; total: Dec }>();
    for (const total of lists.flat()) {
      const entry = sums.get(total.currency) ?? { documents: 0, total: new Dec(0) };
      sums.set(total.currency, { documents: entry.documents + total.documents, total: entry.total.plus(total.total) });
    }
    return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, entry]) => ({ currency, documents: entry.documents, total: formatMoney(entry.total) }));
  };

  it('totals per currency equal the sum of each till’s own dashboard, per till and per branch too', async (context) => {
    shop.ready(context);
    const locals = tills.map((till) => readDashboardFacts(till.local.journal.db, TILL_PROFILE, NOW));
    const dashboard = await office.dashboard({ kind: 'shop' });
    expect(dashboard.today).toBe('2026-12-01');
    expect(dashboard.month).toBe('2026-12');
    expect(dashboard.todayTotals.length).toBeGreaterThan(0);
    expect(dashboard.todayTotals).toEqual(sumOf(locals.map((facts) => facts.todayTotals)));
    expect(dashboard.monthTotals).toEqual(sumOf(locals.map((facts) => facts.monthTotals)));
    tills.forEach((till, index) => {
      const row = dashboard.byTill.find((entry) => entry.key === till.station);
      expect(row).toMatchObject({ label: 'Till 1', branch: till.branch, today: locals[index]!.todayTotals, month: locals[index]!.monthTotals });
      expect(dashboard.byBranch.find((entry) => entry.key === till.branch)?.month).toEqual(locals[index]!.monthTotals);
    });
    for (const state of ['fiscalised', 'needs-attention', 'queued', 'needs-fix', 'rejected'] as const) {
      expect(dashboard.countsByState[state]).toBe(locals[0]!.countsByState[state] + locals[1]!.countsByState[state]);
    }
    expect(dashboard.countsByState.draft).toBe(0);
    expect(dashboard.refusalReasons).toEqual([
      { reason: 'The buyer TIN must have 10 digits', documents: 1 },
      { reason: 'The credited invoice is unknown', documents: 1 },
    ]);
    const bulawayoAttention = locals[1]!.countsByState['needs-attention'] + locals[1]!.countsByState['needs-fix'] + locals[1]!.countsByState.rejected;
    expect(dashboard.needsAttention.find((entry) => entry.stationId === BULAWAYO)?.documents).toBe(bulawayoAttention);

    const one = await office.dashboard(stationScope(tills[1]!));
    expect(one.monthTotals).toEqual(locals[1]!.monthTotals);
    expect(one.byTill.map((row) => row.key)).toEqual([BULAWAYO]);
    expect(one.byBranch.map((row) => row.key)).toEqual(['Bulawayo']);
    const branch = await office.dashboard({ kind: 'branch', branch: 'Harare' });
    expect(branch.todayTotals).toEqual(locals[0]!.todayTotals);
    expect(branch.needsAttention.map((entry) => entry.stationId)).toEqual([HARARE]);
  });
});

describe('export', () => {
  it('writes the filtered list with each document’s till and branch, totals per currency', async (context) => {
    shop.ready(context);
    const saved: { fileName: string; bytes: Uint8Array }[] = [];
    const exporter = service(officeLogin, { saveFile: async (file) => (saved.push(file), `/tmp/${file.fileName}`) });
    const result = await exporter.export({ scope: { kind: 'shop' }, states: ['fiscalised'], currency: 'USD', format: 'csv' });
    const listed = await office.list(shopListInputSchema.parse({ scope: { kind: 'shop' }, states: ['fiscalised'], currency: 'USD', limit: 200 }));
    expect(result.rows).toBe(listed.total);
    expect(result.file).toEqual({ kind: 'saved', path: `/tmp/${saved[0]!.fileName}` });
    const lines = new TextDecoder().decode(saved[0]!.bytes).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Till,Branch,Number,Type,State,Date (CAT),Buyer,Buyer TIN,Currency,Total,ZIMRA number,Verification code,Service message');
    const rows = lines.slice(1, 1 + result.rows);
    expect(rows.filter((line) => line.startsWith('Till 1,Harare,')).length).toBe(listed.items.filter((item) => item.branch === 'Harare').length);
    expect(rows.filter((line) => line.startsWith('Till 1,Bulawayo,CN-TEST-')).length).toBe(1);
    const usd = listed.items.reduce((sum, item) => sum.plus(item.kind === 'credit-note' ? new Dec(item.total!).neg() : item.total!), new Dec(0));
    expect(result.totals).toEqual([{ currency: 'USD', documents: listed.total, total: formatMoney(usd) }]);

    const download = await office.export({ scope: stationScope(tills[0]!), format: 'xlsx' });
    expect(download.file).toMatchObject({ kind: 'download', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(download.rows).toBe(copied(tills[0]!));
  });
});

describe('a slow server', () => {
  it('answers with a clear message within the timeout instead of hanging', async (context) => {
    const database = shop.ready(context);
    const slow = service(officeLogin, { statementTimeoutMs: 1_000 });
    await slow.reach();
    const locker = new pg.Client({ connectionString: database.adminUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE shop.documents IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const error = await slow.list(shopListInputSchema.parse({ scope: { kind: 'shop' }, search: 'buyer' })).catch((caught: unknown) => caught);
      const waited = performance.now() - started;
      expect(isAppError(error) && { code: error.code, message: error.message, retryable: error.retryable }).toEqual({
        code: 'TIMEOUT',
        message: `The shop database at 127.0.0.1:${database.cluster.port} did not answer within 1 second. Try again in a moment, or narrow the list with a date range; if it keeps happening, ask IT to check the server.`,
        retryable: true,
      });
      expect(waited).toBeLessThan(3_000);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect((await slow.list(shopListInputSchema.parse({ scope: { kind: 'shop' } }))).total).toBe(copied(tills[0]!) + copied(tills[1]!));
  });
});
