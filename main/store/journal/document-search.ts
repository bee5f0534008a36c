/**
 * The query behind documents:list: the history's indexed, full-text search over the narrow
 * `document_history` copy (migration 002), paged in SQLite. See history-query.ts.
 */
export { searchHistory as searchDocuments } from './history-query';
