import type { Migration } from './migration';

/**
 * The outbox's counts by state (shown on every screen) read only the documents still in play:
 * without this index they walked the whole table, a million rows for a busy shop.
 */
export const migration004: Migration = {
  version: 4,
  name: 'outbox-counts',
  sql: `CREATE INDEX documents_by_state ON documents (state);`,
};
