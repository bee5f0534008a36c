import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { platform } from 'node:process';
import { composeApp, type ComposedApp } from '../compose';
import type { SenderInfo } from '../ipc/router';
import { createSenderPolicy } from '../ipc/sender-policy';
import { createFileLogger } from '../logging/file-logger';
import { Redactor } from '../logging/redact';
import { openConfSettings } from '../store/conf-backend';
import { appVersion } from '../version';
import { appId } from '../../shared/app-identity';
import { KeytarVault } from '../vault/keytar-vault';
import type { SecretVault } from '../vault/secret-vault';
import { quietJournalUpdate, updateJournalAtStart, type JournalUpdateDisplay } from '../services/documents/journal-update-at-start';
import { lockDataFolder } from './data-folder-lock';
import { startWebServer, type RunningWebServer } from './server';

export interface BrowserModeOptions {
  dataDirectory: string;
  staticDirectory: string;
  port?: number;
  token?: string;
  consoleLog?: boolean;
  /** The OS keychain by default; tests of the server alone may pass another vault. */
  vault?: SecretVault;
  trainingProcessingDelayMs?: number;
  /** Serve the renderer's source maps: development only. */
  serveSourceMaps?: boolean;
  /** The command the user ran (`npm start`, `npm run web`), named to a tab whose token is stale. */
  startCommand?: string;
  /** Where a journal update at start shows its progress (`npm start`: the terminal); none by default. */
  journalUpdate?: JournalUpdateDisplay;
}

export interface BrowserMode {
  server: RunningWebServer;
  app: ComposedApp;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Builds the same services as the Electron app and serves them to a browser tab on loopback.
 * One copy per data folder: a second one is refused with DataFolderInUseError before it reads
 * anything (the Electron app has its single-instance lock).
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  mkdirSync(options.dataDirectory, { recursive: true });
  const lock = lockDataFolder(options.dataDirectory);
  try {
    return await startLocked(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startLocked(options: BrowserModeOptions, lock: { release(): void }): Promise<BrowserMode> {
  const redactor = new Redactor();
  const logger = createFileLogger({
    directory: join(options.dataDirectory, 'logs'),
    redactor,
    consoleLevel: options.consoleLog === true ? 'warn' : false,
  });
  // The allowed origin is only known once the server listens; until then nothing is trusted.
  let isTrustedSender: (sender: SenderInfo) => boolean = () => false;
  await updateJournalAtStart({ dataDirectory: options.dataDirectory, logger, display: options.journalUpdate ?? quietJournalUpdate });
  const app = await composeApp({
    info: { name: 'Fiscal Desk', version: appVersion, runtime: 'browser', platform, dataDirectory: options.dataDirectory },
    settingsBackend: openConfSettings(options.dataDirectory, { logger }),
    openExternal: async () => false,
    logger,
    redactor,
    isTrustedSender: (sender) => isTrustedSender(sender),
    validateOutput: true,
    vault: options.vault ?? new KeytarVault(appId),
    updater: {
      kind: 'disabled',
      reason: 'Updates are handled by the installed desktop app. This browser session (for development and testing) does not update itself.',
    },
    ...(options.trainingProcessingDelayMs === undefined ? {} : { trainingProcessingDelayMs: options.trainingProcessingDelayMs }),
  });
  const server = await startWebServer({
    router: app.router,
    events: app.events,
    logger,
    staticDirectory: options.staticDirectory,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.token === undefined ? {} : { token: options.token }),
    serveSourceMaps: options.serveSourceMaps === true,
    ...(options.startCommand === undefined ? {} : { startCommand: options.startCommand }),
  });
  isTrustedSender = createSenderPolicy([server.origin, server.origin.replace('127.0.0.1', 'localhost')]);
  logger.info('Browser mode started', { origin: server.origin });
  return {
    server,
    app,
    logFile: logger.filePath,
    stop: async () => {
      try {
        await server.close();
        await app.dispose();
      } finally {
        lock.release();
      }
    },
  };
}
