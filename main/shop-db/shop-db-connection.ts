import pg from 'pg';
import type { ShopDbSettings } from '../../shared/contract/shop-db';
import { SHOP_SCHEMA_VERSION } from './migrations';
import { readSchemaVersion } from './migrate';
import { noTillRight, notSetUp, otherTillsLogin, schemaTooNew, schemaTooOld, type ShopDbTarget } from './shop-db-faults';

export type ShopDbConnectionSettings = Pick<ShopDbSettings, 'host' | 'port' | 'database' | 'user' | 'tls'>;

/** How long connecting and one statement may take: a slow server pauses the copy, never the till. */
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 30_000;

export function targetOf(settings: ShopDbConnectionSettings): ShopDbTarget {
  return { host: settings.host, port: settings.port, database: settings.database, user: settings.user };
}

/**
 * Connects to the shop database. A connection that dies while idle is reported to `onLost`
 * (node-postgres emits it as an error event, which would otherwise end the process).
 */
export async function openShopClient(settings: ShopDbConnectionSettings, password: string, onLost: (error: Error) => void = () => undefined): Promise<pg.Client> {
  const client = new pg.Client({
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password,
    ssl: settings.tls === 'off' ? false : { rejectUnauthorized: settings.tls === 'verify' },
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
    keepAlive: true,
    application_name: 'Fiscal Desk till',
  });
  client.on('error', onLost);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

/**
 * Checks that this login may copy this till's rows into a shop schema this app knows: throws a
 * ShopDbFault saying what is wrong (or PostgreSQL's own error) otherwise. Writes nothing.
 */
export async function checkTillAccess(client: pg.ClientBase, target: ShopDbTarget, stationId: string): Promise<void> {
  const schema = await client.query<{ present: boolean; usable: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'shop') AS present,
            EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'shop' AND has_schema_privilege(oid, 'USAGE')) AS usable`,
  );
  if (schema.rows[0]?.present !== true) throw notSetUp(target);
  if (schema.rows[0]?.usable !== true) throw noTillRight(target);
  const version = await readSchemaVersion(client);
  if (version === null) throw notSetUp(target);
  if (version > SHOP_SCHEMA_VERSION) throw schemaTooNew(version);
  if (version < SHOP_SCHEMA_VERSION) throw schemaTooOld(version);
  const rights = await client.query<{ writes: boolean }>(
    `SELECT pg_has_role(current_user, 'fiscal_desk_till', 'USAGE') AND has_table_privilege('shop.documents', 'INSERT, UPDATE') AND has_table_privilege('shop.document_events', 'INSERT') AS writes`,
  );
  if (rights.rows[0]?.writes !== true) throw noTillRight(target);
  const claimed = await client.query<{ station_id: string }>('SELECT station_id FROM shop.tills WHERE role_name = current_user');
  const station = claimed.rows[0]?.station_id;
  if (station !== undefined && station !== stationId) throw otherTillsLogin(target, station);
}
