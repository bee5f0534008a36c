import type { Migration } from './migration';

/**
 * ZIMRA wants a document printed from what was saved when it was fiscalised, not from today's
 * device and mappings (zimra-rules.md, ZS §9 req. 3). `fiscal_copies` keeps, per document, the
 * seller block and device as they were when it was queued (`seller_id`, null when the device
 * could not be read then) and the tax per rate exactly as sent (`taxes_json`). A seller block is
 * the same for thousands of documents, so each distinct one is kept once in `seller_copies`
 * (with when it was last read: the block a document is queued with when the device cannot be
 * read, also after a restart). `document_prints` counts the printouts, so a second print of a
 * fiscalised document says COPY. Documents from before this migration have no row: their
 * printouts say where their seller details come from.
 */
export const migration008: Migration = {
  version: 8,
  name: 'fiscal-copies',
  sql: `
    CREATE TABLE seller_copies (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      seller_json TEXT NOT NULL,
      last_read_at TEXT NOT NULL,
      UNIQUE (profile_id, seller_json)
    ) STRICT;
    CREATE INDEX seller_copies_latest ON seller_copies (profile_id, last_read_at);

    CREATE TABLE fiscal_copies (
      document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
      captured_at TEXT NOT NULL,
      seller_id INTEGER REFERENCES seller_copies (id),
      seller_read_at TEXT,
      taxes_json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE document_prints (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      layout TEXT NOT NULL CHECK (layout IN ('a4', 'receipt')),
      fiscal INTEGER NOT NULL CHECK (fiscal IN (0, 1))
    ) STRICT;
    CREATE INDEX document_prints_by_document ON document_prints (document_id, fiscal);
  `,
};
