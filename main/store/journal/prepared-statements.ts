import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * More distinct statements than one connection is ever asked for (the repo's and the outbox's,
 * with every column set a transition writes): the bound only keeps a caller that builds SQL from
 * data from growing the cache without end.
 */
export const MAX_PREPARED_PER_CONNECTION = 128;

const byConnection = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/**
 * `db.prepare(sql)`, compiled once per connection and SQL text: compiling a statement cost about
 * as much as running it, on every document the outbox sent. The cache belongs to the connection
 * object, so a journal opened again (a new connection, after recovery) never runs a statement of
 * the old one; a closed connection drops its statements, and preparing on it fails as before.
 */
export function prepared(db: DatabaseSync, sql: string): StatementSync {
  if (!db.isOpen) {
    byConnection.delete(db);
    return db.prepare(sql);
  }
  let statements = byConnection.get(db);
  if (statements === undefined) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  const cached = statements.get(sql);
  if (cached !== undefined) return cached;
  const statement = db.prepare(sql);
  if (statements.size >= MAX_PREPARED_PER_CONNECTION) {
    const oldest = statements.keys().next().value;
    if (oldest !== undefined) statements.delete(oldest);
  }
  statements.set(sql, statement);
  return statement;
}
