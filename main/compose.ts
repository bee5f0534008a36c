import type { AppInfo } from '../shared/contract/app';
import { EventBus } from './events/event-bus';
import { accountHandlers, deviceHandlers } from './ipc/handlers/account-handlers';
import { appHandlers } from './ipc/handlers/app-handlers';
import { connectionsHandlers } from './ipc/handlers/connections-handlers';
import { entryHandlers } from './ipc/handlers/entry-handlers';
import { documentsHandlers, outboxHandlers, type DocumentsAccess } from './ipc/handlers/documents-handlers';
import { EntryService, mappingFactsOf } from './services/entry/entry-service';
import { EntryQueries } from './store/journal/entry-queries';
import { openDocumentsModule, type DocumentsModuleDeps } from './services/documents/documents-module';
import type { NumberingService } from './services/documents/numbering-service';
import { isAppError, AppError } from '../shared/errors';
import { mappingsHandlers } from './ipc/handlers/mappings-handlers';
import { readinessHandlers } from './ipc/handlers/readiness-handlers';
import { historyHandlers } from './ipc/handlers/history-handlers';
import { importHandlers } from './ipc/handlers/import-handlers';
import { ImportService } from './services/import/import-service';
import { openHistory } from './services/history/history-access';
import type { FileSaver } from './services/history/history-service';
import { settingsHandlers } from './ipc/handlers/settings-handlers';
import { shopDbHandlers } from './ipc/handlers/shop-db-handlers';
import { shopOfficeHandlers } from './ipc/handlers/shop-office-handlers';
import { BackOfficeService } from './shop-db/back-office/back-office-service';
import { readShopDbPassword, ShopDbService } from './shop-db/shop-db-service';
import { OfficeCreditService } from './services/office-credit/office-credit-service';
import { trainingHandlers } from './ipc/handlers/training-handlers';
import { updatesHandlers } from './ipc/handlers/updates-handlers';
import { createRouter, type Router, type SenderInfo } from './ipc/router';
import type { Logger } from './logging/logger';
import type { Redactor } from './logging/redact';
import type { ExternalOpener } from './services/external-links';
import { ConnectionsService } from './services/connections/connections-service';
import { fiskalyConnector } from './services/connections/fiskaly-connector';
import { FiskalyConnections } from './providers/fiskaly/fiskaly-connections';
import { RedactingVault } from './vault/redacting-vault';
import { CredentialCache } from './services/connections/credential-cache';
import { ProfileStore } from './services/connections/profile-store';
import { AccountService } from './services/fiscal-harmony/account-service';
import { MappingsService, activeConnectionSource } from './services/mappings/mappings-service';
import { ReadinessService, activeForReadiness } from './services/readiness/readiness-service';
import { TrainingMode, trainingProfileId } from './services/training/training-mode';
import { TrainingPractice } from './services/training/training-practice';
import { BusyRegistry } from './services/updates/busy-registry';
import { UpdateController } from './services/updates/update-controller';
import type { UpdaterHost } from './services/updates/updater-port';
import { SettingsStore, type KeyValueBackend } from './store/settings-store';
import type { SecretVault } from './vault/secret-vault';
import { StorageHealth } from './store/storage-health';
import { JOURNAL_FILE_NAME } from './store/journal/journal';
import type { IdleScheduler } from './store/journal/idle-checkpoint';
import { join } from 'node:path';

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
  /** Processing delay of the training sandbox (tests shorten it). */
  trainingProcessingDelayMs?: number;
  /** Tests tune the outbox (faster polls, smaller back-off). */
  outbox?: DocumentsModuleDeps['outbox'];
  clock?: () => Date;
  /** The app updater, or why this run has none (absent: none, with a generic reason). */
  updater?: UpdaterHost;
  /** Saves an exported file or a PDF where the manager chooses (the desktop app's save dialog); absent: the page downloads it. */
  saveFile?: FileSaver;
  /** When the journal's idle checkpoint runs (tests run it at will; absent: after two quiet seconds). */
  journalIdle?: IdleScheduler;
}

export interface ComposedApp {
  router: Router;
  events: EventBus;
  settings: SettingsStore;
  connections: ConnectionsService;
  /** Tax and currency mappings of the active connection, cached (invoice entry asks it what is mapped). */
  mappings: MappingsService;
  /** Whether documents on the active connection will be fiscalised (invoice entry asks before queuing). */
  readiness: ReadinessService;
  training: TrainingMode;
  updates: UpdateController;
  /** Work that a restart to update must not interrupt registers here (the outbox will). */
  busy: BusyRegistry;
  /** The journal, the documents service and the outbox, or why the journal could not be opened. */
  documents: DocumentsAccess;
  /** A full disk or a damaged journal, as the app met them. */
  storage: StorageHealth;
  logger: Logger;
  dispose(): Promise<void>;
}

/** Builds every service and the router once; both hosts call this and nothing else. */
export async function composeApp(deps: HostDeps): Promise<ComposedApp> {
  const events = new EventBus();
  const clock = deps.clock ?? (() => new Date());
  const storage = new StorageHealth({
    dataDirectory: deps.info.dataDirectory,
    journalPath: join(deps.info.dataDirectory, JOURNAL_FILE_NAME),
    logger: deps.logger,
    clock,
  });
  const settings = new SettingsStore({
    get: (key) => deps.settingsBackend.get(key),
    set: (key, value) => {
      deps.settingsBackend.set(key, value);
      storage.wrote();
    },
  });
  const training = new TrainingMode({
    dataDirectory: deps.info.dataDirectory,
    logger: deps.logger,
    ...(deps.trainingProcessingDelayMs === undefined ? {} : { processingDelayMs: deps.trainingProcessingDelayMs }),
  });
  const vault = new RedactingVault(deps.vault, deps.redactor);
  const fiskaly = new FiskalyConnections({ vault, redactor: deps.redactor, logger: deps.logger });
  fiskaly.onStateChange((profileId, state) => events.emit('connections:token-state', { profileId, state }));
  const profiles = new ProfileStore(settings);
  const connections = new ConnectionsService({
    profiles,
    credentials: new CredentialCache(vault, deps.redactor),
    training,
    fiskaly: fiskalyConnector(fiskaly),
    events,
    logger: deps.logger,
    redactor: deps.redactor,
    appVersion: deps.info.version,
    clock,
  });
  connections.ensureTrainingProfile();
  const accounts = new AccountService(connections, clock);
  const mappings = new MappingsService({ source: activeConnectionSource(connections, events), events, logger: deps.logger, clock });
  // The journal opens after readiness; until then (or without it) numbering has nothing to say.
  let numbering: NumberingService | null = null;
  const readiness = new ReadinessService({
    active: activeForReadiness(connections),
    mappings,
    events,
    logger: deps.logger,
    clock,
    localReasons: (connectionId) => numbering?.readinessReasons(connectionId) ?? Promise.resolve([]),
  });
  const busy = new BusyRegistry();
  const updates = new UpdateController({
    host: deps.updater ?? { kind: 'disabled', reason: 'This copy of Fiscal Desk does not update itself.' },
    busy,
    currentVersion: deps.info.version,
    channel: () => settings.get('updateChannel'),
    logger: deps.logger,
    onStatus: (status) => events.emit('update:status', status),
  });
  events.subscribe((name) => {
    if (name === 'settings:changed') updates.channelChanged();
  });
  const documentsAccess = openDocuments(deps, { events, clock, busy, connections, profiles, mappings, readiness, storage, accounts });
  numbering = documentsAccess.ok ? documentsAccess.module.numbering : null;
  // The copy to the shop database reads the journal on its own loop; the outbox never waits for it.
  const shopDb = new ShopDbService({
    settings: { get: () => settings.get('shopDb'), set: (value) => settings.set('shopDb', value) },
    vault,
    journal: documentsAccess.ok ? documentsAccess.module.journal.db : null,
    station: () => profiles.station(),
    appVersion: deps.info.version,
    logger: deps.logger,
    registerSecret: (secret) => deps.redactor.registerSecret(secret),
  });
  await shopDb.restart();
  // The back office reads every till from the same shop database, whether or not this computer copies to it.
  const backOffice = new BackOfficeService({
    settings: () => settings.get('shopDb'),
    vault,
    station: () => profiles.station(),
    saveFile: deps.saveFile ?? null,
    logger: deps.logger,
    clock,
  });
  const entryQueries = documentsAccess.ok ? new EntryQueries(documentsAccess.module.journal.db) : null;
  const entry = new EntryService({
    activeProfile: () => {
      const profile = connections.activeFiscalHarmony();
      return { id: profile.id, training: connections.isTrainingProfile(profile) };
    },
    mappedTaxCodes: () => mappings.mappedTaxCodes(),
    mappedCurrencies: () => mappings.mappedCurrencies(),
    verdict: () => readiness.verdict(),
    queries: () => entryQueries,
    standardTaxCodes: { get: () => settings.get('standardTaxCodes'), set: (codes) => settings.set('standardTaxCodes', codes) },
    logger: deps.logger,
    clock,
  });
  const imports = new ImportService({
    activeProfile: () => connections.activeFiscalHarmony(),
    documents: () => {
      if (!documentsAccess.ok) throw documentsAccess.error;
      return { journal: documentsAccess.module.journal, documents: documentsAccess.module.documents };
    },
    // The context documents:queue checks with (documents-module.ts), so the preview refuses what queuing would.
    checkContext: async () => {
      const [taxCodes, currencies, verdict] = await Promise.all([mappings.mappedTaxCodes(), mappings.mappedCurrencies(), readiness.verdict()]);
      return { now: clock(), mappings: mappingFactsOf(taxCodes, currencies), readiness: verdict.reasons };
    },
    events,
    logger: deps.logger,
    clock,
  });
  const officeCredit = new OfficeCreditService({
    shopDb: async () => ({ settings: settings.get('shopDb'), password: (await readShopDbPassword(vault, profiles.station().id)) ?? '' }),
    documents: () => {
      if (!documentsAccess.ok) throw documentsAccess.error;
      const { journal, documents } = documentsAccess.module;
      return { db: journal.db, saveDraft: (input) => documents.saveDraft(input) };
    },
    activeProfile: () => connections.activeFiscalHarmony(),
    stationId: () => profiles.station().id,
    deviceId: () => accounts.device().then((device) => device.deviceId, () => null),
    logger: deps.logger,
    clock,
  });
  if (documentsAccess.ok) documentsAccess.module.documents.useForeignCredits(officeCredit);
  const router = createRouter({
    handlers: {
      app: appHandlers({ info: deps.info, openExternal: deps.openExternal }),
      settings: settingsHandlers({ settings, events, entry }),
      updates: updatesHandlers({ updates }),
      connections: connectionsHandlers(connections),
      account: accountHandlers(accounts),
      device: deviceHandlers(accounts),
      mappings: mappingsHandlers(mappings),
      readiness: readinessHandlers(readiness),
      documents: documentsHandlers(documentsAccess),
      outbox: outboxHandlers(documentsAccess),
      entry: entryHandlers(entry),
      history: historyHandlers(
        openHistory(documentsAccess, { dataDirectory: deps.info.dataDirectory, connections, accounts, mappings, saveFile: deps.saveFile ?? null, logger: deps.logger, clock, storage }),
      ),
      import: importHandlers(imports),
      shopDb: shopDbHandlers(shopDb),
      // Wired to main/shop-db/back-office/ and main/services/office-credit/ as they land.
      shopOffice: shopOfficeHandlers(
        backOffice,
        officeCredit,
      ),
      training: trainingHandlers(
        new TrainingPractice({
          training,
          trainingActive: () => {
            const active = connections.activeProfile();
            return active !== null && connections.isTrainingProfile(active);
          },
          logger: deps.logger,
        }),
      ),
    },
    isTrustedSender: deps.isTrustedSender,
    validateOutput: deps.validateOutput,
    logger: deps.logger,
    translateError: (error) => storage.translate(error),
  });
  return {
    router,
    events,
    settings,
    connections,
    mappings,
    readiness,
    training,
    updates,
    busy,
    documents: documentsAccess,
    storage,
    logger: deps.logger,
    dispose: async () => {
      // The shop database's copy first (it reads the journal), then the outbox: it may still be talking to the training sandbox.
      await shopDb.dispose();
      await backOffice.dispose();
      if (documentsAccess.ok) await documentsAccess.module.dispose();
      updates.dispose();
      mappings.dispose();
      readiness.dispose();
      await training.stop();
    },
  };
}

/** Opens the journal; an app whose journal cannot be opened still starts and says why on every documents call. */
function openDocuments(
  deps: HostDeps,
  parts: { events: EventBus; clock: () => Date; busy: BusyRegistry; connections: ConnectionsService; profiles: ProfileStore; mappings: MappingsService; readiness: ReadinessService; storage: StorageHealth; accounts: AccountService },
): DocumentsAccess {
  const { connections } = parts;
  try {
    const module = openDocumentsModule({
      dataDirectory: deps.info.dataDirectory,
      events: parts.events,
      logger: deps.logger,
      clock: parts.clock,
      busy: parts.busy,
      activeProfile: () => {
        const profile = connections.activeFiscalHarmony();
        return { id: profile.id, training: connections.isTrainingProfile(profile) };
      },
      isTrainingProfile: (profileId) => profileId === trainingProfileId,
      clientFor: (profileId) => connections.fiscalHarmonyClientFor(profileId),
      mappedTaxCodes: () => parts.mappings.mappedTaxCodes(),
      mappedCurrencies: () => parts.mappings.mappedCurrencies(),
      verdict: () => parts.readiness.verdict(),
      device: () => parts.accounts.device(),
      health: parts.storage,
      ...(deps.journalIdle === undefined ? {} : { idle: deps.journalIdle }),
      numbering: {
        stationId: () => parts.profiles.station().id,
        connectionsBeyondTraining: () => parts.profiles.list().some((profile) => profile.kind !== 'fiscal-harmony' || profile.environment !== 'training'),
        sameAccountConnections: async (profileId) => {
          const account = await connections.accountOf(profileId);
          if (account === null) return [];
          const others = parts.profiles.list().filter((profile) => profile.id !== profileId && profile.kind === 'fiscal-harmony');
          const same = await Promise.all(others.map(async (profile) => ((await connections.accountOf(profile.id)) === account ? [{ id: profile.id, name: profile.name }] : [])));
          return same.flat();
        },
        changed: () => parts.readiness.invalidate(),
      },
      ...(deps.outbox === undefined ? {} : { outbox: deps.outbox }),
    });
    return { ok: true, module };
  } catch (error) {
    deps.logger.error('The documents journal could not be opened', { error });
    return { ok: false, error: isAppError(error) ? error : new AppError('CONFLICT', 'The documents journal could not be opened. Restart Fiscal Desk; if it keeps happening, the log file has the details.') };
  }
}
