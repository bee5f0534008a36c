import { readFileSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { DocumentKind, DocumentState } from '../../../shared/contract/documents';
import type { Logger } from '../../logging/logger';
import { packBody } from './document-body';
import { DocumentsRepo } from './documents-repo';
import type { Journal } from './journal';
import { SqlitePages } from './sqlite-pages';

type Row = Record<string, SQLInputValue>;

/** What was read back from a journal that was moved aside, for the log and the manager. */
export interface RecoveryReport {
  /** Whether the old file could be read at all (by SQLite, or page by page). */
  readable: boolean;
  /** The number sequences found, with their next value (never below a recovered document's number). */
  sequences: { profileId: string; kind: DocumentKind; prefix: string; nextValue: number }[];
  /** Documents copied into the new journal, by state. */
  documents: Partial<Record<DocumentState, number>>;
  /** Tables that could not be read whole (some of their rows are lost). */
  incomplete: string[];
}

/** Tries to step past a damaged stretch of a table before giving the rest of it up. */
const SKIP_ATTEMPTS = 24;

/**
 * Reads what SQLite can still read from a journal moved aside as unreadable, `.recover`-style
 * (node:sqlite has no `.recover`): the file is opened read-only and each table read row by row in
 * rowid order, a damaged stretch skipped where possible; when SQLite cannot open it at all (its
 * header smashed, its schema's pages cut off) the tables are read from its pages
 * (sqlite-pages.ts). Sequences, buyers and documents (with their lines, events and other
 * per-document rows) go into the new journal in one transaction, so queued and submitted
 * documents are sent or checked again and fiscalised ones stay in the history.
 */
export function recoverJournal(aside: string, target: Journal, options: { logger: Logger; clock: () => Date }): RecoveryReport {
  const report: RecoveryReport = { readable: false, sequences: [], documents: {}, incomplete: [] };
  const source = openReadable(aside, options.logger);
  if (source === null) return report;
  report.readable = true;
  try {
    const read = (table: string): Row[] => {
      const result = source.read(table);
      if (!result.whole) report.incomplete.push(table);
      return result.rows;
    };
    const sourceTables = new Set(source.tables());
    const sequences = sourceTables.has('number_sequences') ? read('number_sequences') : [];
    const buyers = sourceTables.has('buyers') ? read('buyers') : [];
    const documents = sourceTables.has('documents') ? read('documents') : [];
    const children = childTables(target.db).filter((table) => sourceTables.has(table));
    const childRows = new Map(children.map((table) => [table, read(table)]));
    target.transaction(() => {
      const buyerIds = copyRows(target.db, 'buyers', buyers, { keepIds: true });
      // The line descriptions lines name since migration 012 (a line whose text was lost is left out).
      if (sourceTables.has('line_texts')) copyRows(target.db, 'line_texts', read('line_texts'), { keepIds: true });
      // Invoices other tills fiscalised that this journal's credit notes name (migration 010).
      const foreignIds = sourceTables.has('foreign_invoices') ? copyRows(target.db, 'foreign_invoices', read('foreign_invoices'), { keepIds: true }) : new Set<string>();
      const at = options.clock().toISOString();
      const copied = copyDocuments(target.db, documents, buyerIds, foreignIds, at);
      // Lines and events name their document by its `seq` since migration 012 (kept as it was copied).
      const copiedSeqs = new Set(documents.filter((row) => copied.has(String(row.id))).map((row) => String(row.seq)));
      const isCopied = (row: Row) => ('doc_seq' in row ? copiedSeqs.has(String(row.doc_seq)) : copied.has(String(row.document_id)));
      for (const [table, rows] of childRows) copyRows(target.db, table, rows.filter(isCopied));
      // After the document's own events, so its history reads in order.
      const event = target.db.prepare('INSERT INTO document_events (document_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)');
      for (const row of documents) {
        if (!copied.has(String(row.id))) continue;
        const state = String(row.state) as DocumentState;
        event.run(String(row.id), at, state, state, `Recovered from the damaged journal kept at ${aside}`);
        report.documents[state] = (report.documents[state] ?? 0) + 1;
      }
      report.sequences = copySequences(new DocumentsRepo(target), sequences);
    });
  } finally {
    source.close();
  }
  options.logger.info('What could be read from the journal moved aside was copied into the new one', { aside, ...report });
  return report;
}

/** A damaged journal's tables, as far as they read. */
interface RecoverySource {
  tables(): string[];
  read(table: string): { rows: Row[]; whole: boolean };
  close(): void;
}

/** The old file opened read-only by SQLite as it is, else read page by page; null when neither finds a table. */
function openReadable(aside: string, logger: Logger): RecoverySource | null {
  const db = tryOpen(aside);
  if (db !== null) return { tables: () => tableNames(db), read: (table) => readTable(db, table), close: () => db.close() };
  let pages: SqlitePages | null = null;
  try {
    pages = SqlitePages.of(readFileSync(aside));
  } catch (error) {
    logger.warn('The journal moved aside could not be read at all', { aside, error });
  }
  if (pages === null) return null;
  const found = pages;
  logger.info('The journal moved aside is read page by page (SQLite cannot open it)', { aside, pageSize: found.pageSize });
  const tables = new Map(found.tables().map((table) => [table.name, table]));
  return {
    tables: () => [...tables.keys()],
    read: (name) => {
      const table = tables.get(name);
      return table === undefined ? { rows: [], whole: false } : found.rows(table);
    },
    close: () => undefined,
  };
}

function tryOpen(path: string): DatabaseSync | null {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    const row = db.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get() as { n: number };
    if (row.n === 0) throw new Error('No tables');
    return db;
  } catch {
    db?.close();
    return null;
  }
}

function tableNames(db: DatabaseSync): string[] {
  try {
    return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((row) => row.name);
  } catch {
    return [];
  }
}

/**
 * Every row of `table` that reads, in rowid order. A damaged page stops a scan: the scan starts
 * again further on (1, 2, 4, ... rowids past the last row read) until it reads or gives up.
 */
function readTable(db: DatabaseSync, table: string): { rows: Row[]; whole: boolean } {
  const rows: Row[] = [];
  let whole = true;
  let after = Number.MIN_SAFE_INTEGER;
  let statement;
  try {
    statement = db.prepare(`SELECT rowid AS "__rowid", * FROM "${table}" WHERE rowid > ? ORDER BY rowid`);
  } catch {
    return { rows, whole: false };
  }
  let skip = 0;
  for (let attempt = 0; attempt <= SKIP_ATTEMPTS; attempt += 1) {
    try {
      for (const row of statement.iterate(after + skip) as Iterable<Row>) {
        after = Number(row.__rowid);
        skip = 0;
        delete row.__rowid;
        rows.push(row);
      }
      return { rows, whole };
    } catch {
      whole = false;
      if (after === Number.MIN_SAFE_INTEGER) after = 0;
      skip = skip === 0 ? 1 : skip * 2;
    }
  }
  return { rows, whole };
}

function columnsOf(db: DatabaseSync, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((column) => column.name));
}

/**
 * Per-document tables of the new journal that hold rows of their own (not ones a trigger writes
 * from another table's), and the views written through (`document_lines` and `document_events`,
 * where an older journal's tables of those names go).
 */
function childTables(db: DatabaseSync): string[] {
  const writable = (db.prepare(`SELECT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSTEAD OF INSERT%'`).all() as { name: string }[]).map((row) => row.name);
  const tables = [...tableNames(db), ...writable].filter((table) => columnsOf(db, table).has('document_id') || columnsOf(db, table).has('doc_seq'));
  const triggers = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql NOT LIKE '%INSTEAD OF%'`).all() as { sql: string }[]).map((row) => row.sql);
  return tables.filter((table) => !triggers.some((sql) => new RegExp(`INSERT\\s+INTO\\s+"?${table}"?[\\s(]`, 'i').test(sql)));
}

/**
 * Inserts the columns both sides have, each row on its own (a bad row is left out); answers the
 * inserted rows' `id`s. An INTEGER PRIMARY KEY `id` is made afresh (kept in order) unless
 * `keepIds`: another table points at it (the buyers).
 */
function copyRows(db: DatabaseSync, table: string, rows: readonly Row[], options: { adjust?: (row: Row) => Row; keepIds?: boolean } = {}): Set<string> {
  const columns = columnsOf(db, table);
  const autoId =
    options.keepIds !== true &&
    (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number; type: string }[]).some(
      (column) => column.name === 'id' && column.pk === 1 && column.type.toUpperCase() === 'INTEGER',
    );
  const inserted = new Set<string>();
  for (const original of rows) {
    const row = options.adjust?.(original) ?? original;
    const names = Object.keys(row).filter((name) => columns.has(name) && !(autoId && name === 'id'));
    db.exec('SAVEPOINT recover_row');
    try {
      db.prepare(`INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
        ...names.map((name) => row[name] ?? null),
      );
      db.exec('RELEASE recover_row');
      inserted.add(String(row.id));
    } catch {
      db.exec('ROLLBACK TO recover_row');
      db.exec('RELEASE recover_row');
    }
  }
  return inserted;
}

/**
 * Invoices before credit notes (a credit note names its invoice, here or another till's kept in
 * `foreign_invoices`); a reference to a row not recovered is dropped.
 */
function copyDocuments(db: DatabaseSync, documents: readonly Row[], buyerIds: Set<string>, foreignIds: ReadonlySet<string>, at: string): Set<string> {
  const now = Date.parse(at);
  const adjust = (invoiceIds: Set<string>) => (row: Row): Row => {
    const adjusted: Row = { ...row };
    // A journal from before migration 005 keeps the bodies as text.
    if (typeof row.draft_json === 'string') adjusted.draft = packBody(row.draft_json);
    if (typeof row.wire_json === 'string') adjusted.wire = packBody(row.wire_json);
    if (adjusted.buyer_id !== null && adjusted.buyer_id !== undefined && !buyerIds.has(String(adjusted.buyer_id))) adjusted.buyer_id = null;
    if (adjusted.original_id !== null && adjusted.original_id !== undefined && !invoiceIds.has(String(adjusted.original_id))) adjusted.original_id = null;
    // Due at once: what waited to be sent goes now, what waited for its result is asked about now,
    // and a send the old journal had in flight is taken up again (as possibly received) now.
    if (row.state === 'queued') adjusted.next_attempt_at = now;
    if (row.state === 'submitted') adjusted.next_poll_at = now;
    if (row.state === 'sending') adjusted.lease_until = now;
    return adjusted;
  };
  const invoices = copyRows(db, 'documents', documents.filter((row) => row.kind !== 'credit-note'), { adjust: adjust(new Set()) });
  const creditNotes = copyRows(db, 'documents', documents.filter((row) => row.kind === 'credit-note'), { adjust: adjust(new Set([...invoices, ...foreignIds])) });
  return new Set([...invoices, ...creditNotes]);
}

/** The sequences found, each at least one past the highest number of its recovered documents. */
function copySequences(repo: DocumentsRepo, rows: readonly Row[]): RecoveryReport['sequences'] {
  const found: RecoveryReport['sequences'] = [];
  for (const row of rows) {
    if (typeof row.profile_id !== 'string' || (row.kind !== 'invoice' && row.kind !== 'credit-note') || typeof row.prefix !== 'string') continue;
    if (repo.peekSequence(row.profile_id, row.kind) !== undefined) continue;
    const nextValue = Math.max(Number(row.next_value) || 1, repo.highestNumberValue(row.profile_id, row.kind) + 1);
    repo.insertSequence(row.profile_id, row.kind, row.prefix, nextValue);
    found.push({ profileId: row.profile_id, kind: row.kind, prefix: row.prefix, nextValue });
  }
  return found;
}
