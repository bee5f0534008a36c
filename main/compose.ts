import type { AppInfo } from '../shared/contract/app';
import { EventBus } from './events/event-bus';
import { accountHandlers, deviceHandlers } from './ipc/handlers/account-handlers';
import { appHandlers } from './ipc/handlers/app-handlers';
import { connectionsHandlers } from './ipc/handlers/connections-handlers';
import { settingsHandlers } from './ipc/handlers/settings-handlers';
import { createRouter, type Router, type SenderInfo } from './ipc/router';
import type { Logger } from './logging/logger';
import type { Redactor } from './logging/redact';
import type { ExternalOpener } from './services/external-links';
import { ConnectionsService, type FiskalyConnector } from './services/connections/connections-service';
import { CredentialCache } from './services/connections/credential-cache';
import { pendingFiskalyConnector } from './services/connections/pending-fiskaly-connector';
import { ProfileStore } from './services/connections/profile-store';
import { AccountService } from './services/fiscal-harmony/account-service';
import { TrainingMode } from './services/training/training-mode';
import { SettingsStore, type KeyValueBackend } from './store/settings-store';
import type { SecretVault } from './vault/secret-vault';

/** What the host (Electron glue or the browser-mode server) provides. Nothing here is Electron. */
export interface HostDeps {
  info: AppInfo;
  settingsBackend: KeyValueBackend;
  openExternal: ExternalOpener;
  logger: Logger;
  redactor: Redactor;
  isTrustedSender: (sender: SenderInfo) => boolean;
  validateOutput: boolean;
  vault: SecretVault;
  fiskaly?: FiskalyConnector;
  /** Processing delay of the training sandbox (tests shorten it). */
  trainingProcessingDelayMs?: number;
  clock?: () => Date;
}

export interface ComposedApp {
  router: Router;
  events: EventBus;
  settings: SettingsStore;
  connections: ConnectionsService;
  training: TrainingMode;
  logger: Logger;
  dispose(): Promise<void>;
}

/** Builds every service and the router once; both hosts call this and nothing else. */
export async function composeApp(deps: HostDeps): Promise<ComposedApp> {
  const events = new EventBus();
  const settings = new SettingsStore(deps.settingsBackend);
  const clock = deps.clock ?? (() => new Date());
  const training = new TrainingMode({
    dataDirectory: deps.info.dataDirectory,
    logger: deps.logger,
    ...(deps.trainingProcessingDelayMs === undefined ? {} : { processingDelayMs: deps.trainingProcessingDelayMs }),
  });
  const connections = new ConnectionsService({
    profiles: new ProfileStore(settings),
    credentials: new CredentialCache(deps.vault, deps.redactor),
    training,
    fiskaly: deps.fiskaly ?? pendingFiskalyConnector,
    events,
    logger: deps.logger,
    appVersion: deps.info.version,
    clock,
  });
  connections.ensureTrainingProfile();
  const accounts = new AccountService(connections, clock);
  const router = createRouter({
    handlers: {
      app: appHandlers({ info: deps.info, openExternal: deps.openExternal }),
      settings: settingsHandlers({ settings, events }),
      connections: connectionsHandlers(connections),
      account: accountHandlers(accounts),
      device: deviceHandlers(accounts),
    },
    isTrustedSender: deps.isTrustedSender,
    validateOutput: deps.validateOutput,
    logger: deps.logger,
  });
  return {
    router,
    events,
    settings,
    connections,
    training,
    logger: deps.logger,
    dispose: () => training.stop(),
  };
}
