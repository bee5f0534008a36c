import type { Migration } from './migration';

/**
 * Imports from a spreadsheet or a till's export. `import_sources` keeps each imported document's
 * source key (its reference in the file, or what its row says), per connection, so the same sale
 * is never imported twice, from the same file or an overlapping one; it is written in the same
 * transaction as the document, and goes with a draft that is discarded. `import_layouts`
 * remembers the column mapping chosen for a file layout (its headings in order).
 */
export const migration009: Migration = {
  version: 9,
  name: 'import-sources',
  sql: `
    CREATE TABLE import_sources (
      profile_id TEXT NOT NULL,
      source_key TEXT NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      file_fingerprint TEXT NOT NULL,
      file_name TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, source_key)
    ) STRICT;
    CREATE INDEX import_sources_by_document ON import_sources (document_id);

    CREATE TABLE import_layouts (
      layout_key TEXT PRIMARY KEY,
      settings_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
