import type { ClientBase } from 'pg';
import { SHOP_SCHEMA_VERSION, shopMigrations } from './migrations';
import type { ShopMigration } from './migrations/migration';

/** Any advisory-lock number both copies agree on: two tills or IT migrating at once take turns. */
const MIGRATION_LOCK = 19_190_001;

/**
 * Brings the shop database to this app's schema, one migration per transaction, each recorded in
 * `shop.schema_version`. Run by whoever owns the shop's tables (IT, or `npx tsx main/shop-db/cli.ts
 * migrate`), never by a till's login role. A database already past this app's schema is left alone.
 * Answers the versions it applied.
 */
export async function migrateShopDb(client: ClientBase, migrations: readonly ShopMigration[] = shopMigrations): Promise<number[]> {
  const applied: number[] = [];
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS shop`);
    await client.query(`CREATE TABLE IF NOT EXISTS shop.schema_version (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const current = await readSchemaVersion(client);
    const latest = migrations.at(-1)?.version ?? 0;
    if (current !== null && current > latest) return applied;
    for (const migration of migrations) {
      if (current !== null && migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO shop.schema_version (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
        applied.push(migration.version);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** The shop database's schema version, null when it has none yet (never migrated). */
export async function readSchemaVersion(client: ClientBase): Promise<number | null> {
  const found = await client.query<{ present: boolean }>(`SELECT to_regclass('shop.schema_version') IS NOT NULL AS present`);
  if (found.rows[0]?.present !== true) return null;
  const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM shop.schema_version');
  return result.rows[0]?.version ?? null;
}

export { SHOP_SCHEMA_VERSION };
