/** One step of the journal's schema. Versions are consecutive from 1; a step never changes once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
