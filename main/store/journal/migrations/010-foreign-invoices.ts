import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from './migration';

/**
 * Credit notes for invoices another till fiscalised (the back office, through the shop
 * database). `foreign_invoices` keeps the credited invoice's fiscal facts on this computer, as
 * they were read from the shop database: its till and branch, number, date, currency, total,
 * buyer and lines, ZIMRA's numbers and QR link, and what other tills' credit notes had taken
 * from it when last read. Nothing here is ever sent: the credit note's own document is.
 *
 * `documents.original_id` referred to `documents (id)`, which a credit note for another till's
 * invoice cannot satisfy. The reference is dropped with SQLite's documented way of removing a
 * foreign key (editing the table's schema text: no row is rewritten, so a large journal takes
 * no longer); a local credit note's invoice is still checked by the documents service.
 */
export const migration010: Migration = {
  version: 10,
  name: 'foreign-invoices',
  sql: `
    CREATE TABLE foreign_invoices (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL,
      station_id TEXT NOT NULL,
      branch TEXT NOT NULL,
      number TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      currency TEXT NOT NULL,
      total TEXT NOT NULL,
      tax_inclusive INTEGER NOT NULL CHECK (tax_inclusive IN (0, 1)),
      buyer_json TEXT NOT NULL,
      lines_json TEXT NOT NULL,
      zimra_number INTEGER,
      fiscal_day INTEGER,
      device_id INTEGER,
      qr_url TEXT,
      verification_code TEXT,
      credited_elsewhere TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    ) STRICT;
  `,
  run: dropOriginalReference,
};

const WITH_REFERENCE = 'original_id TEXT REFERENCES documents (id),';
const WITHOUT_REFERENCE = 'original_id TEXT,';

function dropOriginalReference(db: DatabaseSync): void {
  const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'`).get() as { sql: string } | undefined;
  if (table === undefined || table.sql.split(WITH_REFERENCE).length !== 2) throw new Error('Journal migration 10: the documents table is not as migration 1 made it');
  const version = (db.prepare('PRAGMA schema_version').get() as { schema_version: number }).schema_version;
  db.enableDefensive(false);
  try {
    db.exec('PRAGMA writable_schema = ON');
    db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'documents'`).run(table.sql.replace(WITH_REFERENCE, WITHOUT_REFERENCE));
    // The new schema text is read again by every connection once the version moves on.
    db.exec(`PRAGMA schema_version = ${version + 1}`);
    db.exec('PRAGMA writable_schema = OFF');
  } finally {
    db.enableDefensive(true);
  }
}
