import type pg from 'pg';
import { SHOP_SCHEMA_VERSION } from '../migrations';
import { readSchemaVersion } from '../migrate';
import { notSetUp, schemaTooNew, schemaTooOld, type ShopDbTarget } from '../shop-db-faults';
import { notOfficeLogin } from './office-faults';

/**
 * Checks that this login may read every till from a shop schema this app knows: throws a
 * ShopDbFault saying what is wrong (or PostgreSQL's own error) otherwise. Reads nothing else.
 */
export async function checkOfficeAccess(client: pg.ClientBase, target: ShopDbTarget): Promise<void> {
  const found = await client.query<{ present: boolean; office_group: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'shop') AS present, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fiscal_desk_office') AS office_group`,
  );
  if (found.rows[0]?.present !== true || found.rows[0]?.office_group !== true) throw notSetUp(target);
  const member = await client.query<{ office: boolean }>(`SELECT pg_has_role(current_user, 'fiscal_desk_office', 'MEMBER') AS office`);
  if (member.rows[0]?.office !== true) throw notOfficeLogin(target);
  const version = await readSchemaVersion(client);
  if (version === null) throw notSetUp(target);
  if (version > SHOP_SCHEMA_VERSION) throw schemaTooNew(version);
  if (version < SHOP_SCHEMA_VERSION) throw schemaTooOld(version);
}
