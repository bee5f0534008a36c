// A back office over a real PostgreSQL login, as the app composes it (main/compose.ts), with the
// password in a vault of its own, for the tests and the search benchmark.
import { shopDbDefaults } from '../../../../shared/contract/shop-db';
import { silentLogger } from '../../../logging/logger';
import type { TestLogin } from '../../../test-support/pg-test-cluster';
import { MemoryVault } from '../../../vault/memory-vault';
import { shopDbPasswordAccount } from '../../shop-db-service';
import { loginSettings } from '../../test-support/shop-replication';
import { BackOfficeService } from '../back-office-service';

export function officeService(
  login: TestLogin,
  options: { stationId?: string; now?: Date; statementTimeoutMs?: number; saveFile?: (file: { fileName: string; bytes: Uint8Array }) => Promise<string | null> } = {},
): BackOfficeService {
  const vault = new MemoryVault();
  vault.entries.set(shopDbPasswordAccount(options.stationId ?? 'office-station'), login.password);
  // Reads need no copying: this computer's own copy stays off.
  const settings = { ...shopDbDefaults, ...loginSettings(login), enabled: false };
  return new BackOfficeService({
    settings: () => settings,
    vault,
    station: () => ({ id: options.stationId ?? 'office-station' }),
    saveFile: options.saveFile ?? null,
    logger: silentLogger,
    clock: () => options.now ?? new Date(),
    ...(options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs }),
  });
}
