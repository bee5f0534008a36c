import type { DatabaseSync } from 'node:sqlite';

/** How far a long migration is: `done` of `total` rows (documents, say) moved so far. */
export interface MigrationProgress {
  version: number;
  name: string;
  done: number;
  total: number;
}

/** One step of the journal's schema. Versions are consecutive from 1; a step never changes once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Work SQL cannot do (compressing existing rows), run after `sql` in the same transaction, in
   * batches that keep memory flat; `progress` says how far it is after each batch.
   */
  run?: (db: DatabaseSync, progress?: (done: number, total: number) => void) => void;
}
