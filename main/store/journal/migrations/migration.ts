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
   * batches that keep memory flat; `progress` says how far it is after each batch. A long step
   * is a generator that yields after each batch, so that whoever drives it may let other work
   * (a window showing the progress) run in between (`migrationSteps`).
   */
  run?: (db: DatabaseSync, progress?: (done: number, total: number) => void) => void | Iterable<void>;
}

/** Goes through every batch at once, letting nothing run in between. */
export function drain(batches: Iterable<void> | void): void {
  if (batches === undefined) return;
  for (const _batch of batches) {
    // Nothing to let run in between.
  }
}

/** Runs a step's `run` to its end at once, without pausing between its batches. */
export function runToEnd(migration: Migration, db: DatabaseSync, progress?: (done: number, total: number) => void): void {
  drain(migration.run?.(db, progress));
}
