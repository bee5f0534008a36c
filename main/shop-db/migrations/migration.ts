/** One step of the shop database's schema, applied in its own transaction. Versions are consecutive from 1; a step never changes once shipped. */
export interface ShopMigration {
  version: number;
  name: string;
  sql: string;
}
