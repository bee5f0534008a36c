import type { DatabaseSync } from 'node:sqlite';
import type { ShopDbChange, ShopDbSettings, ShopDbTestResult, ShopDbView, ShopReplicationStatus } from '../../shared/contract/shop-db';
import type { Logger } from '../logging/logger';
import { vaultAccount, type SecretVault } from '../vault/secret-vault';
import { ShopReplicator, timerScheduler, type ReplicationScheduler } from './replicator';
import { openShopClient, targetOf } from './shop-db-connection';
import { testShopDatabase } from './shop-db-test-action';

/** The shop database's password in the keychain (never in the settings file, a log or the renderer). */
export const SHOP_DB_PASSWORD_ACCOUNT = vaultAccount('shop-database', 'password');

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
    return { settings: this.deps.settings.get(), passwordSaved: (await this.deps.vault.get(SHOP_DB_PASSWORD_ACCOUNT)) !== null, stationId: this.deps.station().id };
  }

  async save(change: ShopDbChange): Promise<ShopDbView> {
    if (change.password !== null) {
      if (change.password === '') await this.deps.vault.delete(SHOP_DB_PASSWORD_ACCOUNT);
      else await this.deps.vault.set(SHOP_DB_PASSWORD_ACCOUNT, change.password);
    }
    this.deps.settings.set(change.settings);
    await this.restart();
    return this.view();
  }

  async test(change: ShopDbChange): Promise<ShopDbTestResult> {
    if (change.password !== null && change.password !== '') this.deps.registerSecret(change.password);
    const password = change.password ?? (await this.deps.vault.get(SHOP_DB_PASSWORD_ACCOUNT)) ?? '';
    return testShopDatabase(change.settings, password, this.deps.station().id);
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
      connect: async (onLost) => openShopClient(settings, (await this.deps.vault.get(SHOP_DB_PASSWORD_ACCOUNT)) ?? '', onLost),
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
