// A journal with N documents of a busy shop (500 a day, five lines each, their event log),
// generated with SQL inside one transaction, then migrated to the current schema exactly as the
// app migrates a user's journal. Cached under the OS temp folder, keyed by schema and generator.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { silentLogger } from '../../main/logging/logger';
import { Journal } from '../../main/store/journal/journal';
import { migrations } from '../../main/store/journal/migrations';
import { runToEnd } from '../../main/store/journal/migrations/migration';

/** The training connection's id: browser mode opens on it, so the renderer bench sees these documents. */
export const BENCH_PROFILE = 'training';
const GENERATOR_VERSION = 6;
const PER_DAY = 500;
/** The newest day of the generated history; documents go back from it, 500 a day. */
export const LAST_DAY = '2026-11-27';

const FIRST_NAMES = ['Tendai', 'Rudo', 'Farai', 'Nyasha', 'Tatenda', 'Chipo', 'Tafadzwa', 'Kudzai', 'Rumbidzai', 'Tinashe', 'Vimbai', 'Tapiwa', 'Ruvimbo', 'Simba', 'Fadzai', 'Takudzwa', 'Nokuthula', 'Sipho', 'Thandiwe', 'Blessing', 'Precious', 'Memory', 'Gift', 'Lovemore', 'Shingai', 'Anesu', 'Panashe', 'Ropafadzo', 'Munashe', 'Tanaka', 'Mufaro', 'Kupakwashe', 'Nyarai', 'Tsitsi', 'Chiedza', 'Rufaro', 'Tariro'];
const SURNAMES = ['Moyo', 'Ncube', 'Sibanda', 'Dube', 'Mpofu', 'Ndlovu', 'Nyathi', 'Chikwanha', 'Mutasa', 'Chinamasa', 'Mlambo', 'Gumbo', 'Marufu', 'Mhlanga', 'Zhou', 'Shumba', 'Musonza', 'Chimombe', 'Makoni', 'Mushonga', 'Zvobgo', 'Mangwende', 'Chiweshe', 'Mandaza', 'Hove', 'Banda', 'Phiri', 'Tembo', 'Mukanya', 'Machingura', 'Kamba', 'Chirwa', 'Ziyambi', 'Masuku', 'Khumalo', 'Gwenzi', 'Marimo', 'Nhamo', 'Rusike', 'Mapfumo', 'Chigumba', 'Matema', 'Mavhunga', 'Mutize', 'Nzou', 'Chari', 'Madzima', 'Kanengoni', 'Chakanyuka', 'Munyaradzi', 'Gono', 'Takawira', 'Mashingaidze'];
const TRADES = ['Stores', 'Traders', 'Hardware', 'Pharmacy', 'Motors', 'Bakery', 'Butchery', 'Supermarket', 'Investments', 'Holdings', 'Enterprises'];

/** What the app keeps per document besides the columns searched: the draft as typed and the body sent. */
const DRAFT_JSON = JSON.stringify({
  kind: 'invoice', date: '2026-11-27T10:15:00+02:00', currency: 'ZWG', paymentMethod: 'Cash', taxInclusive: true, reference: 'Order 1043',
  buyer: { name: 'Tendai Moyo Stores', tradeName: 'Moyo Stores', tin: '2000012345', vatNumber: '220012345', phone: '+263 77 123 4567', email: 'accounts@moyo.example', address: { province: 'Harare', street: 'Samora Machel Avenue', houseNo: '14', city: 'Harare' } },
  lines: Array.from({ length: 5 }, (_, index) => ({ description: `Item ${index + 1} cooking oil 2 litres`, quantity: '2', unitAmount: '12.50', discountAmount: '0', taxCode: 'VAT15', hsCode: '15121100' })),
  originalInvoiceId: null,
});
const WIRE_JSON = JSON.stringify({
  InvoiceId: '6f1c2b9e-1d2f-4c3b-9a8e-7f6d5c4b3a21', InvoiceNumber: 'INV-0001043', ReceiptType: 'FiscalInvoice', Currency: 'ZWG', Date: '2026-11-27T10:15:00', TaxInclusive: true, PaymentMethod: 'Cash',
  BuyerContact: { Name: 'Tendai Moyo Stores', TradeName: 'Moyo Stores', Tin: '2000012345', VatNumber: '220012345', Phone: '+263 77 123 4567', Email: 'accounts@moyo.example', Address: { Province: 'Harare', Street: 'Samora Machel Avenue', HouseNo: '14', City: 'Harare' } },
  LineItems: Array.from({ length: 5 }, (_, index) => ({ Description: `Item ${index + 1} cooking oil 2 litres`, Quantity: 2, UnitAmount: 12.5, DiscountAmount: 0, TaxCode: 'VAT15', HsCode: '15121100', LineAmount: 25 })),
  SubTotal: 108.7, TotalTax: 16.3, Total: 125, IsRetry: false,
});

const list = (values: readonly string[]) => values.map((value) => `('${value}')`).join(', ');

function generate(db: DatabaseSync, count: number): void {
  db.exec(`CREATE TEMP TABLE first_names (n INTEGER PRIMARY KEY, v TEXT); INSERT INTO first_names (v) VALUES ${list(FIRST_NAMES)};`);
  db.exec(`CREATE TEMP TABLE surnames (n INTEGER PRIMARY KEY, v TEXT); INSERT INTO surnames (v) VALUES ${list(SURNAMES)};`);
  db.exec(`CREATE TEMP TABLE trades (n INTEGER PRIMARY KEY, v TEXT); INSERT INTO trades (v) VALUES ${list(TRADES)};`);
  const firstDayEpoch = Date.parse(`${LAST_DAY}T08:00:00+02:00`) / 1000 - Math.floor((count - 1) / PER_DAY) * 86_400;
  db.exec('BEGIN');
  // i runs oldest to newest; about 2,000 regular buyers (a buyer keeps their TIN), 1 in 20 a credit note.
  db.prepare(`
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?),
    g AS (
      SELECT i, (i * 7919) % 2003 AS buyer, (i * 104729 + 12345) % 1000003 AS r,
             ? + (i / ${PER_DAY}) * 86400 + (i % ${PER_DAY}) * 72 AS at
      FROM seq
    )
    INSERT INTO documents (id, profile_id, kind, state, draft_json, number, issued_at, currency, buyer_name, buyer_tin,
      sub_total, total_tax, total, wire_json, request_id, submitted_at, service_error, qr_url, verification_code, fiscal_day,
      device_id, zimra_number, pdf_token, created_at, updated_at)
    SELECT
      printf('%08x-%04x-4%03x-8%03x-%012x', i, i % 65536, r % 4096, (r / 7) % 4096, r * 7 + i),
      '${BENCH_PROFILE}',
      CASE WHEN i % 20 = 7 THEN 'credit-note' ELSE 'invoice' END,
      CASE WHEN r % 1000 < 3 THEN 'needs-attention' WHEN r % 1000 < 13 THEN 'needs-fix' WHEN r % 1000 < 18 THEN 'rejected'
           WHEN i >= ? - 40 THEN 'submitted' ELSE 'fiscalised' END,
      ?,
      CASE WHEN i % 20 = 7 THEN 'CN-' ELSE 'INV-' END || printf('%07d', i + 1),
      strftime('%Y-%m-%dT%H:%M:%S+02:00', at + 7200, 'unixepoch'),
      CASE WHEN r % 5 = 0 THEN 'USD' ELSE 'ZWG' END,
      (SELECT v FROM first_names WHERE n = 1 + buyer % ${FIRST_NAMES.length}) || ' ' ||
        (SELECT v FROM surnames WHERE n = 1 + (buyer / ${FIRST_NAMES.length}) % ${SURNAMES.length}) ||
        CASE WHEN buyer % 3 = 0 THEN '' ELSE ' ' || (SELECT v FROM trades WHERE n = 1 + buyer % ${TRADES.length}) END,
      CASE WHEN buyer % 4 = 0 THEN NULL ELSE printf('20%08d', buyer * 4937) END,
      printf('%d.%02d', (r % 250000) / 100 * 87 / 100, r % 100),
      printf('%d.%02d', (r % 250000) / 100 * 13 / 100, (r * 3) % 100),
      printf('%d.%02d', (r % 250000) / 100, r % 100),
      ?,
      printf('req-%d', i),
      (at + 60) * 1000,
      CASE WHEN r % 1000 BETWEEN 3 AND 17 THEN
        CASE r % 3 WHEN 0 THEN 'Buyer TIN must be 10 digits' WHEN 1 THEN 'HS code is not valid for this tax' ELSE 'Credit note amount exceeds the invoice' END END,
      CASE WHEN r % 1000 >= 18 AND i < ? - 40 THEN printf('https://fdmstest.zimra.co.zw/%010d%s', 12345, hex(randomblob(8))) END,
      CASE WHEN r % 1000 >= 18 AND i < ? - 40 THEN printf('%04X-%04X-%04X-%04X', (r * 31) % 65536, (i * 17) % 65536, (r * 7 + i) % 65536, (i * 131 + r) % 65536) END,
      CASE WHEN r % 1000 >= 18 AND i < ? - 40 THEN i / ${PER_DAY} + 1 END,
      CASE WHEN r % 1000 >= 18 AND i < ? - 40 THEN 12345 END,
      CASE WHEN r % 1000 >= 18 AND i < ? - 40 THEN i + 1 END,
      CASE WHEN r % 1000 >= 18 AND i < ? - 40 THEN printf('pdf-%d', i) END,
      strftime('%Y-%m-%dT%H:%M:%fZ', at - 30, 'unixepoch'),
      strftime('%Y-%m-%dT%H:%M:%fZ', at + 90, 'unixepoch')
    FROM g
  `).run(count, firstDayEpoch, count, DRAFT_JSON, WIRE_JSON, count, count, count, count, count, count);
  db.exec(`
    INSERT INTO document_lines (document_id, position, description, quantity, unit_amount, discount_amount, tax_code, hs_code, line_amount)
    SELECT d.id, p.position, 'Item ' || p.position || ' cooking oil 2 litres', '2', '12.50', '0', 'VAT15', '15121100', '25.00'
    FROM documents d CROSS JOIN (SELECT 1 AS position UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) p;

    INSERT INTO document_events (document_id, at, from_state, to_state, note)
    SELECT d.id, d.created_at, s.from_state, s.to_state, s.note
    FROM documents d JOIN (
      SELECT 1 AS step, NULL AS from_state, 'draft' AS to_state, 'Created' AS note UNION ALL
      SELECT 2, 'draft', 'queued', 'Queued as INV-0001043' UNION ALL
      SELECT 3, 'queued', 'sending', 'Sending to Fiscal Harmony' UNION ALL
      SELECT 4, 'sending', 'submitted', 'Accepted for processing (request req-1043)' UNION ALL
      SELECT 5, 'submitted', 'fiscalised', 'Fiscalised by ZIMRA'
    ) s ON s.step <= CASE d.state WHEN 'fiscalised' THEN 5 WHEN 'submitted' THEN 4 ELSE 4 END
    ORDER BY d.rowid, s.step;
  `);
  db.exec('COMMIT');
}

/** Opens (generating on first use) a journal of `count` documents at the current schema. */
export function openBenchJournal(count: number): { journal: Journal; path: string; generatedMs: number | null } {
  const schema = migrations.at(-1)?.version ?? 0;
  const path = join(tmpdir(), `fiscal-desk-bench-journal-${count}-s${schema}-g${GENERATOR_VERSION}.sqlite`);
  let generatedMs: number | null = null;
  if (!existsSync(path)) {
    const started = performance.now();
    const building = `${path}.building`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
    // The documents are written at schema 1, then the later migrations' SQL runs over them as it
    // would over a user's journal (building indexes in bulk is also the fastest way).
    // Bench data, rebuilt from scratch if lost: no rollback journal and no WAL while building.
    const raw = new DatabaseSync(building);
    raw.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144');
    const [first, ...later] = migrations;
    raw.exec(first!.sql);
    raw.exec(`PRAGMA user_version = ${first!.version}`);
    generate(raw, count);
    for (const migration of later) {
      raw.exec(migration.sql);
      runToEnd(migration, raw);
      raw.exec(`PRAGMA user_version = ${migration.version}`);
    }
    // The size measured is that of a journal written at this schema: without the pages the
    // migrations freed (the app reuses them; a new journal never has them).
    raw.exec('VACUUM');
    raw.close();
    const migrated = Journal.open({ path: building, logger: silentLogger });
    migrated.db.exec('ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)');
    migrated.close();
    renameSync(building, path);
    generatedMs = performance.now() - started;
  }
  return { journal: Journal.open({ path, logger: silentLogger }), path, generatedMs };
}

export const fileSizeMb = (path: string): number => statSync(path).size / (1024 * 1024);
