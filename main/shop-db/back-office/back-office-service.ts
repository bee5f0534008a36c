import type pg from 'pg';
import type { ExportResult } from '../../../shared/contract/history';
import type { ShopDbSettings } from '../../../shared/contract/shop-db';
import type { ShopDashboard, ShopDocumentDetail, ShopDocumentPage, ShopExportInput, ShopListQuery, ShopOfficeReach, ShopScope } from '../../../shared/contract/shop-office';
import { AppError } from '../../../shared/errors';
import type { ShopOfficeReads } from '../../ipc/handlers/shop-office-handlers';
import type { Logger } from '../../logging/logger';
import type { FileSaver } from '../../services/history/history-service';
import type { SecretVault } from '../../vault/secret-vault';
import { targetOf } from '../shop-db-connection';
import type { ShopDbTarget } from '../shop-db-faults';
import { readShopDbPassword } from '../shop-db-service';
import { checkOfficeAccess } from './office-access';
import { officeDashboard } from './office-dashboard';
import { officeDocument } from './office-document';
import { exportOffice } from './office-export';
import { NOT_SET_UP_MESSAGE, officeError, officeProblem } from './office-faults';
import { listOffice } from './office-list';
import { OFFICE_STATEMENT_TIMEOUT_MS, OfficePool } from './office-pool';
import { readBranches, readTills } from './office-reach';

export interface BackOfficeDeps {
  /** This computer's shop-database settings (the same as the till's copy uses). */
  settings: () => ShopDbSettings;
  vault: SecretVault;
  /** This computer's station, to mark its own till. */
  station: () => { id: string };
  saveFile: FileSaver | null;
  logger: Logger;
  clock: () => Date;
  statementTimeoutMs?: number;
}

/**
 * The back office's reads of every till's documents from the shop database. Works whenever the
 * address, database and user are saved, whether or not this computer copies its own documents;
 * only a login of the back office's group (fiscal_desk_office) reads other tills.
 */
export class BackOfficeService implements ShopOfficeReads {
  private readonly pools: OfficePool;
  /** The last pool whose login and schema were checked (checked again after any failure). */
  private checked: pg.Pool | null = null;
  private readonly timeoutMs: number;

  constructor(private readonly deps: BackOfficeDeps) {
    this.timeoutMs = deps.statementTimeoutMs ?? OFFICE_STATEMENT_TIMEOUT_MS;
    this.pools = new OfficePool(this.timeoutMs, (error) => deps.logger.warn('Back office: a shop database connection was lost while idle', { error: error.message }));
  }

  async reach(): Promise<ShopOfficeReach> {
    const none = { branches: [], tills: [] };
    const settings = this.deps.settings();
    if (!configured(settings)) return { available: false, message: NOT_SET_UP_MESSAGE, ...none };
    const target = targetOf(settings);
    try {
      const pool = await this.access(settings, target);
      const [branches, tills] = await Promise.all([readBranches(pool), readTills(pool, this.deps.station().id)]);
      const count = tills.length;
      return { available: true, message: `Every till's documents, from "${settings.database}" at ${settings.host}:${settings.port}: ${count} ${count === 1 ? 'till' : 'tills'}.`, branches, tills };
    } catch (error) {
      this.checked = null;
      return { available: false, message: error instanceof AppError ? error.message : officeProblem(error, target, this.timeoutMs).message, ...none };
    }
  }

  list(query: ShopListQuery): Promise<ShopDocumentPage> {
    return this.read((pool) => listOffice(pool, query));
  }

  get(id: string): Promise<ShopDocumentDetail> {
    return this.read((pool) => officeDocument(pool, id));
  }

  dashboard(scope: ShopScope): Promise<ShopDashboard> {
    return this.read((pool) => officeDashboard(pool, scope, this.deps.clock()));
  }

  export(input: ShopExportInput): Promise<ExportResult> {
    return this.read((pool) => exportOffice(pool, input, this.deps.clock(), this.deps.saveFile));
  }

  async dispose(): Promise<void> {
    this.checked = null;
    await this.pools.close();
  }

  private async read<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const settings = this.deps.settings();
    if (!configured(settings)) throw new AppError('NOT_ALLOWED', NOT_SET_UP_MESSAGE);
    const target = targetOf(settings);
    try {
      return await work(await this.access(settings, target));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) this.checked = null;
      throw officeError(error, target, this.timeoutMs);
    }
  }

  /** The pool for the saved settings and password, its login and schema checked once. */
  private async access(settings: ShopDbSettings, target: ShopDbTarget): Promise<pg.Pool> {
    const pool = this.pools.pool(settings, (await readShopDbPassword(this.deps.vault, this.deps.station().id)) ?? '');
    if (this.checked === pool) return pool;
    const client = await pool.connect();
    try {
      await checkOfficeAccess(client, target);
    } finally {
      client.release();
    }
    this.checked = pool;
    return pool;
  }
}

function configured(settings: ShopDbSettings): boolean {
  return settings.host !== '' && settings.database !== '' && settings.user !== '';
}
