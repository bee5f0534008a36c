import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from './migration';

/**
 * Each journal file gets an identity (a random `journal_id` in `journal_meta`), kept beside the
 * highest numbers given in the data folder's numbering watermark: a file emptied, replaced or
 * started afresh has another identity, so the app can tell it from the journal that gave those
 * numbers. `journal_meta` also keeps `numbers_unknown_since` when this journal was started in
 * place of a lost one whose last numbers nobody knows; `numbers_settled` then lists each
 * connection and kind whose next number was recovered or confirmed by the manager since.
 */
export const migration007: Migration = {
  version: 7,
  name: 'journal-identity',
  sql: `
    CREATE TABLE journal_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE numbers_settled (
      profile_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
      how TEXT NOT NULL CHECK (how IN ('recovered', 'confirmed')),
      at TEXT NOT NULL,
      PRIMARY KEY (profile_id, kind)
    ) STRICT;
  `,
  run: (db: DatabaseSync) => {
    db.prepare(`INSERT INTO journal_meta (key, value) VALUES ('journal_id', ?)`).run(randomUUID());
  },
};
