import type { AppInfo } from '../shared/contract/app';
import { EventBus } from './events/event-bus';
import { appHandlers } from './ipc/handlers/app-handlers';
import { settingsHandlers } from './ipc/handlers/settings-handlers';
import { createRouter, type Router, type SenderInfo } from './ipc/router';
import type { Logger } from './logging/logger';
import type { Redactor } from './logging/redact';
import type { ExternalOpener } from './services/external-links';
import { SettingsStore, type KeyValueBackend } from './store/settings-store';

/** What the host (Electron glue or the browser-mode server) provides. Nothing here is Electron. */
export interface HostDeps {
  info: AppInfo;
  settingsBackend: KeyValueBackend;
  openExternal: ExternalOpener;
  logger: Logger;
  redactor: Redactor;
  isTrustedSender: (sender: SenderInfo) => boolean;
  validateOutput: boolean;
}

export interface ComposedApp {
  router: Router;
  events: EventBus;
  settings: SettingsStore;
  logger: Logger;
  dispose(): Promise<void>;
}

/** Builds every service and the router once; both hosts call this and nothing else. */
export async function composeApp(deps: HostDeps): Promise<ComposedApp> {
  const events = new EventBus();
  const settings = new SettingsStore(deps.settingsBackend);
  const router = createRouter({
    handlers: {
      app: appHandlers({ info: deps.info, openExternal: deps.openExternal }),
      settings: settingsHandlers({ settings, events }),
    },
    isTrustedSender: deps.isTrustedSender,
    validateOutput: deps.validateOutput,
    logger: deps.logger,
  });
  return {
    router,
    events,
    settings,
    logger: deps.logger,
    dispose: async () => undefined,
  };
}
