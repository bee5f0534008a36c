import type { ShopDbTestResult } from '../../shared/contract/shop-db';
import { SHOP_SCHEMA_VERSION } from './migrations';
import { checkTillAccess, openShopClient, targetOf, type ShopDbConnectionSettings } from './shop-db-connection';
import { diagnose } from './shop-db-faults';

/**
 * Settings' "Test": connects with the settings as typed and checks what the copy will need (the
 * schema's version, the till's rights, a login not taken by another till). Writes nothing.
 */
export async function testShopDatabase(settings: ShopDbConnectionSettings, password: string, stationId: string): Promise<ShopDbTestResult> {
  const missing = [settings.host === '' ? 'the address' : null, settings.database === '' ? 'the database' : null, settings.user === '' ? 'the user' : null].filter((part) => part !== null);
  if (missing.length > 0) return { ok: false, problem: 'incomplete', message: `Fill in ${inWords(missing)} first.` };
  const target = targetOf(settings);
  try {
    const client = await openShopClient(settings, password);
    try {
      await checkTillAccess(client, target, stationId);
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    const diagnosis = diagnose(error, target);
    return { ok: false, problem: diagnosis.problem, message: sentence(diagnosis.message) };
  }
  return {
    ok: true,
    problem: null,
    message: `Connected to "${settings.database}" at ${settings.host}:${settings.port} as "${settings.user}": the shop database is up to date (schema ${SHOP_SCHEMA_VERSION}) and this till may copy its documents to it.`,
  };
}

/** "a", "a and b", "a, b and c". */
function inWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
