import type { Journal } from '../store/journal/journal';

/**
 * A full disk under the journal, for the real SQLite engine: its connection may grow the file to
 * its current size and no further. SQLite answers a write past `max_page_count` exactly as it
 * answers one the file system refused for want of space (SQLITE_FULL, "database or disk is
 * full"), so the app meets what a full volume gives it without filling one.
 */
export function fillJournalDisk(journal: Journal): void {
  const { page_count: pages } = journal.db.prepare('PRAGMA page_count').get() as { page_count: number };
  journal.db.exec(`PRAGMA max_page_count = ${pages}`);
}

/** Room again (SQLite's own upper limit). */
export function freeJournalDisk(journal: Journal): void {
  journal.db.exec('PRAGMA max_page_count = 4294967294');
}
