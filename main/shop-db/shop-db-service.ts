import type { DatabaseSync } from 'node:sqlite';
import type { ShopDbChange, ShopDbSettings, ShopDbTestResult, ShopDbView, ShopReplicationStatus } from '../../shared/contract/shop-db';
import type { Logger } from '../logging/logger';
import { vaultAccount, type SecretVault } from '../vault/secret-vault';
import { ShopReplicator, timerScheduler, type ReplicationScheduler } from './replicator';
import { openShopClient, targetOf } from './shop-db-connection';
import { testShopDatabase } from './shop-db-test-action';

/**
 * The shop database's password in the keychain (never in the settings file, a log or the
 * renderer), one per station: several Fiscal Desks on one computer (two tills and a back office,
 * each with its own data folder) share the keychain but each logs in as itself.
 */
export function shopDbPasswordAccount(stationId: string): string {
  return vaultAccount('shop-database', stationId);
}

/**
 * Where the first version kept it (one for the whole computer): read when a station has none of
 * its own, and left alone (another Fiscal Desk of this computer may still be using it).
 */
const LEGACY_PASSWORD_ACCOUNT = vaultAccount('shop-database', 'password');

export async function readShopDbPassword(vault: SecretVault, stationId: string): Promise<string | null> {
  return (await vault.get(shopDbPasswordAccount(stationId))) ?? (await vault.get(LEGACY_PASSWORD_ACCOUNT));
}

export interface ShopDbServiceDeps {
  settings: { get(): ShopDbSettings; set(value: ShopDbSettings): void };
  vault: SecretVault;
  /** The journal to copy from; null when it could not be opened (nothing to copy). */
  journal: DatabaseSync | null;
  station: () => { id: string; label: string };
  appVersion: string;
  logger: Logger;
  /** A password typed for Test is a secret too: the log redactor learns it. */
  registerSecret: (secret: string) => void;
  scheduler?: ReplicationScheduler;
  onStatus?: (status: ShopReplicationStatus) => void;
}

const OFF: ShopReplicationStatus = { state: 'off', message: 'This till does not copy its documents to a shop database.', problem: null, eventsWaiting: 0, lastCopiedAt: null };

/**
 * The shop database settings and this till's copy to it: reads and saves the settings (the
 * password to the keychain), runs Test, and keeps one replicator running while the copy is on.
 */
export class ShopDbService {
  private replicator: ShopReplicator | null = null;

  constructor(private readonly deps: ShopDbServiceDeps) {}

  async view(): Promise<ShopDbView> {
    return { settings: this.deps.settings.get(), passwordSaved: (await this.password()) !== null, stationId: this.deps.station().id };
  }

  async save(change: ShopDbChange): Promise<ShopDbView> {
    if (change.password !== null) {
      const account = shopDbPasswordAccount(this.deps.station().id);
      if (change.password === '') await this.deps.vault.delete(account);
      else await this.deps.vault.set(account, change.password);
    }
    this.deps.settings.set(change.settings);
    await this.restart();
    return this.view();
  }

  async test(change: ShopDbChange): Promise<ShopDbTestResult> {
    if (change.password !== null && change.password !== '') this.deps.registerSecret(change.password);
    const password = change.password ?? (await this.password()) ?? '';
    return testShopDatabase(change.settings, password, this.deps.station().id);
  }

  private password(): Promise<string | null> {
    return readShopDbPassword(this.deps.vault, this.deps.station().id);
  }

  status(): ShopReplicationStatus {
    return this.replicator?.status() ?? OFF;
  }

  /** Starts copying when the settings say so (at start-up, and after each save). */
  async restart(): Promise<void> {
    await this.replicator?.stop();
    this.replicator = null;
    const settings = this.deps.settings.get();
    const journal = this.deps.journal;
    if (!settings.enabled || journal === null) {
      this.deps.onStatus?.(OFF);
      return;
    }
    this.replicator = new ShopReplicator({
      journal,
      till: () => ({ stationId: this.deps.station().id, branch: settings.branch, label: this.deps.station().label, appVersion: this.deps.appVersion }),
      target: () => targetOf(settings),
      connect: async (onLost) => openShopClient(settings, (await this.password()) ?? '', onLost),
      scheduler: this.deps.scheduler ?? timerScheduler,
      logger: this.deps.logger,
      ...(this.deps.onStatus === undefined ? {} : { onStatus: this.deps.onStatus }),
    });
    this.replicator.start();
  }

  /** Copies what is waiting now (tests; the app's loop does it on its own). */
  async flush(): Promise<ShopReplicationStatus> {
    return this.replicator === null ? OFF : this.replicator.flush();
  }

  /** Something was written to the journal: copy it soon. */
  nudge(): void {
    this.replicator?.nudge();
  }

  async dispose(): Promise<void> {
    await this.replicator?.stop();
    this.replicator = null;
  }
}
