import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ListDocumentsQuery } from '../../../shared/contract/documents';
import type { DocumentRow } from './document-rows';

const ORDER: Record<ListDocumentsQuery['sort'], string> = {
  newest: 'created_at DESC, id DESC',
  oldest: 'created_at ASC, id ASC',
  number: 'number ASC, created_at ASC',
  'total-desc': 'CAST(total AS REAL) DESC, created_at DESC',
  'total-asc': 'CAST(total AS REAL) ASC, created_at ASC',
};

/** One page of a profile's documents matching the filters, and how many match in all. */
export function searchDocuments(db: DatabaseSync, profileId: string, query: ListDocumentsQuery): { rows: DocumentRow[]; total: number } {
  const where: string[] = ['profile_id = ?'];
  const values: SQLInputValue[] = [profileId];
  if (query.kinds.length > 0) {
    where.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
    values.push(...query.kinds);
  }
  if (query.states.length > 0) {
    where.push(`state IN (${query.states.map(() => '?').join(', ')})`);
    values.push(...query.states);
  }
  if (query.currency !== '') {
    where.push('currency = ?');
    values.push(query.currency);
  }
  if (query.dateFrom !== null) {
    where.push('substr(COALESCE(issued_at, created_at), 1, 10) >= ?');
    values.push(query.dateFrom);
  }
  if (query.dateTo !== null) {
    where.push('substr(COALESCE(issued_at, created_at), 1, 10) <= ?');
    values.push(query.dateTo);
  }
  const search = query.search.trim();
  if (search !== '') {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      `(number LIKE ? ESCAPE '\\' OR buyer_name LIKE ? ESCAPE '\\' OR buyer_tin LIKE ? ESCAPE '\\' OR total = ? OR verification_code LIKE ? ESCAPE '\\' OR (zimra_number || '/' || fiscal_day) = ?)`,
    );
    values.push(like, like, like, search, like, search);
  }
  const clause = where.join(' AND ');
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM documents WHERE ${clause}`).get(...values) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM documents WHERE ${clause} ORDER BY ${ORDER[query.sort]} LIMIT ? OFFSET ?`)
    .all(...values, query.limit, query.offset) as unknown as DocumentRow[];
  return { rows, total };
}
