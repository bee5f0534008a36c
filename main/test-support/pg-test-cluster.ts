// A real PostgreSQL for the shop-database tests: a throwaway cluster started with
// scripts/pg-cluster.sh (one per test file, stopped at its end), or the server FISCAL_DESK_PG_URL
// names (a superuser URL; each file then gets a database of its own in it). Where PostgreSQL is
// not installed the tests skip, naming the package; in CI (CI=true) they fail with the reason.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { migrateShopDb } from '../shop-db/migrate';
import { externalCluster, pgMissingReason, startPgCluster, withDatabase, withLogin, type PgCluster } from './pg-cluster';


/** A login role made for a test, with its password and its URL to the test's database. */
export interface TestLogin {
  role: string;
  password: string;
  url: string;
}

export interface ShopTestDatabase {
  cluster: PgCluster;
  database: string;
  /** The superuser's URL to this database. */
  adminUrl: string;
  /** A superuser client of this database (for setting up and reading back). */
  admin: pg.Client;
  /** A new superuser client in place of `admin` (after the cluster was stopped and started again). */
  reconnect(): Promise<pg.Client>;
  /** A new login role in `fiscal_desk_till` (or `fiscal_desk_office`, or no group at all). */
  login(group: 'fiscal_desk_till' | 'fiscal_desk_office' | null): Promise<TestLogin>;
}

export interface ShopDatabaseFixture {
  /** The database, or skips the test with the reason PostgreSQL is missing (outside CI). */
  ready(context: { skip: (note?: string) => never }): ShopTestDatabase;
}

/**
 * One migrated shop database for this test file. `ownCluster`: a cluster of the file's own even
 * when FISCAL_DESK_PG_URL is set (a test that stops and restarts PostgreSQL).
 */
export function useShopDatabase(options: { ownCluster?: boolean; migrate?: boolean } = {}): ShopDatabaseFixture {
  let database: ShopTestDatabase | null = null;
  let skipReason: string | null = null;
  const roles: string[] = [];
  beforeAll(async () => {
    const external = process.env.FISCAL_DESK_PG_URL;
    const useExternal = external !== undefined && external !== '' && options.ownCluster !== true;
    const missing = useExternal ? null : pgMissingReason();
    if (missing !== null) {
      if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') throw new Error(`The shop-database tests need PostgreSQL in CI: ${missing}`);
      skipReason = missing;
      return;
    }
    const cluster = useExternal ? externalCluster(external) : await startPgCluster();
    const name = `fd_test_${randomBytes(5).toString('hex')}`;
    const root = new pg.Client({ connectionString: cluster.url });
    await root.connect();
    try {
      await root.query(`CREATE DATABASE ${name}`);
    } finally {
      await root.end();
    }
    const adminUrl = withDatabase(cluster.url, name);
    const connectAdmin = async (): Promise<pg.Client> => {
      const client = new pg.Client({ connectionString: adminUrl });
      // A cluster stopped by a test ends this session: that is expected, not a crash.
      client.on('error', () => undefined);
      await client.connect();
      return client;
    };
    const admin = await connectAdmin();
    if (options.migrate !== false) await migrateShopDb(admin);
    database = {
      cluster,
      database: name,
      adminUrl,
      admin,
      reconnect: async () => {
        const current = database!;
        await current.admin.end().catch(() => undefined);
        current.admin = await connectAdmin();
        return current.admin;
      },
      login: async (group) => {
        const role = `fd_login_${randomBytes(5).toString('hex')}`;
        const password = randomBytes(12).toString('hex');
        const { admin } = database!;
        await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'${group === null ? '' : ` IN ROLE ${group}`}`);
        await admin.query(`GRANT CONNECT ON DATABASE ${name} TO ${role}`);
        roles.push(role);
        return { role, password, url: withLogin(adminUrl, role, password) };
      },
    };
  }, 90_000);
  afterAll(async () => {
    if (database === null) return;
    const { cluster, admin, database: name } = database as ShopTestDatabase;
    await admin.end().catch(() => undefined);
    if (cluster.dir !== null) {
      await cluster.destroy();
      return;
    }
    // A shared server: leave it as it was.
    const root = new pg.Client({ connectionString: cluster.url });
    await root.connect();
    try {
      await root.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      for (const role of roles) await root.query(`DROP ROLE IF EXISTS ${role}`);
    } finally {
      await root.end();
    }
  }, 60_000);
  return {
    ready: (context) => {
      if (skipReason !== null) return context.skip(skipReason);
      if (database === null) throw new Error('The shop database was not set up (see the beforeAll error)');
      return database;
    },
  };
}
