import type { DatabaseSync } from 'node:sqlite';
import { packBody } from '../document-body';
import type { Migration } from './migration';

const BATCH = 2000;

/**
 * The draft and wire bodies were plain JSON text, two thirds of every document's row (about
 * 6.5 GB for a million documents). They move to zlib-compressed BLOB columns (`document-body.ts`),
 * rewritten in rowid batches so memory stays flat at any size; the old columns are then dropped.
 */
export const migration005: Migration = {
  version: 5,
  name: 'document-bodies',
  sql: `
    ALTER TABLE documents ADD COLUMN draft BLOB NOT NULL DEFAULT x'';
    ALTER TABLE documents ADD COLUMN wire BLOB;
  `,
  *run(db: DatabaseSync) {
    const next = db.prepare('SELECT rowid, draft_json, wire_json FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?');
    const write = db.prepare('UPDATE documents SET draft = ?, wire = ? WHERE rowid = ?');
    let after = 0;
    for (;;) {
      const rows = next.all(after, BATCH) as { rowid: number; draft_json: string; wire_json: string | null }[];
      for (const row of rows) write.run(packBody(row.draft_json), row.wire_json === null ? null : packBody(row.wire_json), row.rowid);
      if (rows.length < BATCH) break;
      after = rows.at(-1)!.rowid;
      yield;
    }
    db.exec('ALTER TABLE documents DROP COLUMN draft_json; ALTER TABLE documents DROP COLUMN wire_json;');
  },
};
