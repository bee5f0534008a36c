// A journal at the schema before migration 012, holding documents as the app wrote them then,
// bodies packed without a dictionary: drafts, queued, submitted and fiscalised documents with
// their lines and events, credit notes, a discarded draft, one body that cannot be read, and text
// a body must keep to the byte. Also a snapshot of every row, to compare after the upgrade.
import { deflateSync, inflateSync } from 'node:zlib';
import type { DatabaseSync } from 'node:sqlite';
import { silentLogger } from '../../../logging/logger';
import { Journal } from '../journal';
import { migrations } from '../migrations';
import { migration012 } from '../migrations/012-journal-footprint';
import { BODY_DICTIONARY_1 as BODY_DICTIONARY } from '../body-dictionary';

export const previousMigrations = migrations.filter((migration) => migration.version < migration012.version);

/** How bodies were packed before migration 012. */
export const packBodyBefore012 = (json: string): Uint8Array => deflateSync(Buffer.from(json, 'utf8'), { windowBits: 12, memLevel: 4 });

/** The document whose wire body was damaged on disk before the upgrade. */
export const DAMAGED_ID = 'doc-000005';

const draftJson = (i: number) =>
  JSON.stringify({
    kind: i % 20 === 7 ? 'credit-note' : 'invoice', date: '', currency: i % 5 === 0 ? 'USD' : 'ZWG', paymentMethod: 'Cash', taxInclusive: i % 2 === 0, reference: `Order ${i}`,
    buyer: { name: `Chipo's Café ${i % 37}`, tradeName: '', tin: i % 4 === 0 ? '' : String(2000000000 + i), vatNumber: '', phone: '', email: '', address: { province: 'Harare', street: 'Samora Machel Ave', houseNo: String(i % 90), city: 'Harare' } },
    lines: Array.from({ length: 1 + (i % 5) }, (_, n) => ({ description: `Mealie-meal ${n + 1} × 10 kg — bag`, quantity: '2.5', unitAmount: '90071992547409.93', discountAmount: '', taxCode: 'VAT15', hsCode: '11022000' })),
    originalInvoiceId: null,
  });
const wireJson = (i: number) =>
  `{"InvoiceId":"doc-${String(i).padStart(6, '0')}","InvoiceNumber":"INV-${String(i).padStart(6, '0')}","IsTaxInclusive":true,"BuyerContact":{"Name":"Chipo's Café ${i % 37}"},` +
  `"Date":"2026-11-27T10:15:00","LineItems":[${Array.from({ length: 1 + (i % 5) }, (_, n) => `{"Description":"Mealie-meal ${n + 1} × 10 kg — bag","Quantity":2.5,"UnitAmount":90071992547409.93,"LineAmount":225179981368524.83,"TaxCode":"VAT15","ProductCode":"11022000"}`).join(',')}],` +
  `"SubTotal":1.10,"TotalTax":0.15,"Total":1.25,"CurrencyCode":"ZWG","PaymentMethod":"Cash","IsRetry":false}`;

/**
 * Writes `count` documents into a new journal at `path`, at the schema before 012, with the SQL
 * the documents repo wrote then (a draft with its lines and first event; each state change with
 * its event), and closes it.
 */
export function writePreviousSchemaJournal(path: string, count: number): void {
  const journal = Journal.open({ path, logger: silentLogger, migrations: previousMigrations });
  const db = journal.db;
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, profile_id, kind, state, draft, currency, buyer_name, buyer_tin, original_id, sub_total, total_tax, total, created_at, updated_at)
     VALUES (?, 'p1', ?, 'draft', ?, 'ZWG', ?, NULL, ?, '1.10', '0.15', '1.25', ?, ?)`,
  );
  const insertLine = db.prepare(
    'INSERT INTO document_lines (document_id, position, description, quantity, unit_amount, discount_amount, tax_code, hs_code, line_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEvent = db.prepare('INSERT INTO document_events (document_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)');
  const change = (id: string, from: string, to: string, at: string, note: string, sets: string, values: (string | number | Uint8Array)[]) => {
    db.prepare(`UPDATE documents SET state = ?, updated_at = ?, ${sets} WHERE id = ?`).run(to, at, ...values, id);
    insertEvent.run(id, at, from, to, note);
  };
  journal.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const id = `doc-${String(i).padStart(6, '0')}`;
      const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      const kind = i % 20 === 7 ? 'credit-note' : 'invoice';
      insertDocument.run(id, kind, packBodyBefore012(draftJson(i)), `Chipo's Café ${i % 37}`, kind === 'credit-note' ? 'doc-000000' : null, at, at);
      for (let n = 0; n < 1 + (i % 5); n += 1) insertLine.run(id, n, `Mealie-meal ${n + 1} × 10 kg — bag`, '2.5', '90071992547409.93', '', 'VAT15', '11022000', i % 10 === 3 ? null : '225179981368524.83');
      insertEvent.run(id, at, null, 'draft', 'Saved as a draft');
      if (i % 10 === 3) continue; // stays a draft: no number, no wire body
      const number = `${kind === 'invoice' ? 'INV-' : 'CN-'}${String(i).padStart(6, '0')}`;
      change(id, 'draft', 'queued', at, `Queued as ${number}`, 'number = ?, issued_at = ?, wire = ?, next_attempt_at = ?', [number, '2026-11-27T10:15:00+02:00', packBodyBefore012(wireJson(i)), 1]);
      if (i % 10 === 4) continue;
      change(id, 'queued', 'submitted', at, `Accepted for processing (request req-${i})`, 'request_id = ?, submitted_at = ?, next_poll_at = ?', [`req-${i}`, 2, 3]);
      if (i % 10 === 6) continue;
      change(id, 'submitted', 'fiscalised', at, 'Fiscalised by ZIMRA', 'verification_code = ?, zimra_number = ?, fiscal_day = ?, qr_url = ?', [`A1B2-C3D4-${String(i).padStart(4, '0')}`, i, 1, `https://fdmstest.zimra.co.zw/${i}`]);
    }
    db.prepare(`UPDATE documents SET wire = x'78da0102' WHERE id = ?`).run(DAMAGED_ID);
    // A discarded draft: its events went with it, and their ids are never given again.
    insertDocument.run('discarded', 'invoice', packBodyBefore012('{}'), 'Nobody', null, '2026-11-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z');
    insertEvent.run('discarded', '2026-11-30T00:00:00.000Z', null, 'draft', 'Saved as a draft');
    db.prepare(`DELETE FROM documents WHERE id = 'discarded'`).run();
  });
  journal.close();
}

/**
 * Every row of every table and view (the full-text index's own tables, and the tables migration
 * 012 keeps lines and events in, aside: their views are compared), bodies as the bytes they
 * unpack to; documents without the `seq` migration 012 gives them.
 */
export function snapshot(db: DatabaseSync): Record<string, unknown[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts%' AND name NOT IN ('line_items', 'line_texts', 'event_log') ORDER BY name`)
    .all() as { name: string }[];
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const columns = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((column) => column.name).filter((column) => !(name === 'documents' && column === 'seq'));
    const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${name} ORDER BY ${columns.map((_, index) => index + 1).join(', ')}`).all() as Record<string, unknown>[];
    result[name] = name === 'documents' ? rows.map((row) => ({ ...row, draft: unpacked(row.draft), wire: unpacked(row.wire) })) : rows;
  }
  result.event_sequence = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name IN ('document_events', 'event_log')`).all();
  return result;
}

/** A body as the bytes it holds (hex), any dictionary; as stored when it cannot be read. */
function unpacked(stored: unknown): string | null {
  if (!(stored instanceof Uint8Array)) return null;
  const dictionary = (stored[1]! & 0x20) === 0 ? undefined : BODY_DICTIONARY;
  try {
    return inflateSync(stored, dictionary === undefined ? {} : { dictionary }).toString('hex');
  } catch {
    return `unreadable ${Buffer.from(stored).toString('hex')}`;
  }
}
