import type { DatabaseSync } from 'node:sqlite';

/** One step of the journal's schema. Versions are consecutive from 1; a step never changes once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (compressing existing rows), run after `sql` in the same transaction. */
  run?: (db: DatabaseSync) => void;
}
