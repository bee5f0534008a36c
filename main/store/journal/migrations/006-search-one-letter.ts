import { searchTerms } from './002-history-search';
import type { Migration } from './migration';

/**
 * The full-text index also keeps one-character prefixes ready. The first letter typed ("m")
 * stood for half a million documents and had to be expanded word by word; ready, the list walks
 * its own order and asks the index about each row it shows. FTS5 fixes its prefixes when the
 * table is made, so the index is made again from the history copy (the triggers name it only).
 */
export const migration006: Migration = {
  version: 6,
  name: 'search-one-letter',
  sql: `
    DROP TABLE documents_fts;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
      terms,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2 tokenchars '-/.'",
      prefix = '1 2 3'
    );
    INSERT INTO documents_fts (rowid, terms) SELECT h.hid, ${searchTerms('h')} FROM document_history h;
  `,
};
