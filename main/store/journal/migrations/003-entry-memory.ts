import type { Migration } from './migration';

/**
 * Invoice entry's memory: a returning buyer is found by what the manager types (name or TIN),
 * an earlier line by the start of its description, and a credit note's invoice by its number.
 * Case-insensitive indexes, so `LIKE 'ceme%'` is a range search, not a scan of every line.
 */
export const migration003: Migration = {
  version: 3,
  name: 'entry-memory',
  sql: `
    CREATE INDEX buyers_by_name ON buyers (profile_id, name COLLATE NOCASE);
    CREATE INDEX buyers_by_tin ON buyers (profile_id, tin);
    CREATE INDEX document_lines_by_description ON document_lines (description COLLATE NOCASE);
    CREATE INDEX documents_fiscalised_invoices ON documents (profile_id, kind, number COLLATE NOCASE) WHERE state = 'fiscalised';
  `,
};
