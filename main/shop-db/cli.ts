// For IT and for trying several tills locally:
//   npx tsx main/shop-db/cli.ts migrate postgres://owner:password@host:5432/shop
//     brings the shop database to this app's schema (as its owner, or a superuser);
//   npx tsx main/shop-db/cli.ts sql
//     prints every migration's SQL, to read or to run with psql instead.
import pg from 'pg';
import { migrateShopDb } from './migrate';
import { shopMigrations } from './migrations';

const [verb, url] = process.argv.slice(2);
if (verb === 'sql') {
  process.stdout.write(`CREATE SCHEMA IF NOT EXISTS shop;\nCREATE TABLE IF NOT EXISTS shop.schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());\n`);
  for (const migration of shopMigrations) {
    process.stdout.write(`\n-- ${migration.version} ${migration.name}\nBEGIN;\n${migration.sql.trim()}\nINSERT INTO shop.schema_version (version, name) VALUES (${migration.version}, '${migration.name}');\nCOMMIT;\n`);
  }
} else if (verb === 'migrate' && url !== undefined) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await migrateShopDb(client);
    process.stdout.write(applied.length === 0 ? 'The shop database was already up to date.\n' : `Applied migrations ${applied.join(', ')}.\n`);
  } finally {
    await client.end();
  }
} else {
  process.stderr.write('usage: cli.ts migrate POSTGRES_URL | cli.ts sql\n');
  process.exit(1);
}
