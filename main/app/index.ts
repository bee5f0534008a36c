import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import ElectronStore from 'electron-store';
import { composeApp, type ComposedApp } from '../compose';
import { createSenderPolicy } from '../ipc/sender-policy';
import { createFileLogger } from '../logging/file-logger';
import { Redactor } from '../logging/redact';
import { settingsFileName } from '../store/conf-backend';
import { recoverSettingsFile, SettingsFileError } from '../store/settings-file';
import { settingsJsonSchema, settingsSchema } from '../store/settings-store';
import { KeytarVault } from '../vault/keytar-vault';
import { appId } from '../../shared/app-identity';
import { appOrigin, registerAppScheme, serveRenderer } from './app-protocol';
import { connectIpc } from './ipc-bridge';
import { menuTemplate } from './menu-template';
import { hardenSessionsAndContents } from './security';
import { mainWindowOptions } from './window-options';
import { rememberWindowState, restorableWindowState } from './window-state';
import { createUpdaterHost } from './updater/create-updater-host';
import { developmentSwitches } from './development-switches';
import { saveFileWithDialog } from './save-file-dialog';
import { updateJournalAtStart } from '../services/documents/journal-update-at-start';
import { windowJournalUpdate } from './journal-update-window';

// Tests give every run its own profile folder and turn the single-instance lock off; an
// installed app honours no development switch.
const switches = developmentSwitches(process.env, app.isPackaged);
if (switches.userDataDirectory !== undefined) app.setPath('userData', switches.userDataDirectory);
const isTestRun = switches.userDataDirectory !== undefined;
const devServerUrl = switches.rendererUrl;
const isDevelopment = !app.isPackaged;

app.enableSandbox();
registerAppScheme();

if (!isTestRun && !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const redactor = new Redactor();
  const logger = createFileLogger({ directory: app.getPath('logs'), redactor, consoleLevel: isDevelopment ? 'info' : false });
  const allowedOrigins = devServerUrl === undefined ? [appOrigin] : [appOrigin, new URL(devServerUrl).origin];
  hardenSessionsAndContents({ allowedOrigins, logger });
  serveRenderer(join(import.meta.dirname, '..', 'renderer'));

  // A settings file that cannot be used as it is gets repaired with its old copy kept beside it
  // (never cleared); one that cannot be read at all stops the start with a plain message.
  try {
    recoverSettingsFile(join(app.getPath('userData'), settingsFileName), { shape: settingsSchema.shape, logger });
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    logger.error('The settings file cannot be read', { error: error.message });
    dialog.showErrorBox('Fiscal Desk cannot start', error.message);
    app.exit(1);
    return;
  }
  // A journal written by an earlier version is updated before the app opens it, in view.
  const journalUpdate = windowJournalUpdate(app.getName());
  await updateJournalAtStart({ dataDirectory: app.getPath('userData'), logger, display: journalUpdate });
  const settingsBackend = new ElectronStore<Record<string, unknown>>({ name: 'settings', schema: settingsJsonSchema(), clearInvalidConfig: false });
  const composed: ComposedApp = await composeApp({
    info: { name: app.getName(), version: app.getVersion(), runtime: 'electron', platform: process.platform, dataDirectory: app.getPath('userData') },
    settingsBackend,
    openExternal: async (url) => {
      await shell.openExternal(url);
      return true;
    },
    logger,
    redactor,
    isTrustedSender: createSenderPolicy(allowedOrigins),
    validateOutput: isDevelopment,
    vault: new KeytarVault(appId),
    updater: createUpdaterHost({ logger, isTestRun }),
    saveFile: saveFileWithDialog,
  });

  const windows = () => BrowserWindow.getAllWindows();
  connectIpc(composed.router, composed.events, windows);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(process.platform, app.getName(), isDevelopment, {
        openHelp: () => void shell.openExternal('https://www.fiscalharmony.co.zw/'),
      }),
    ),
  );

  const createWindow = () => {
    const state = restorableWindowState(composed.settings);
    const window = new BrowserWindow(
      mainWindowOptions({ preloadPath: join(import.meta.dirname, '..', 'preload', 'index.cjs'), state, title: app.getName() }),
    );
    if (state.maximized) window.maximize();
    rememberWindowState(window, composed.settings);
    window.once('ready-to-show', () => window.show());
    // The first update check comes once the window is up (later windows change nothing).
    window.once('ready-to-show', () => composed.updates.start());
    void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`);
    return window;
  };

  // The update's window (if one was shown) goes once the app's own is on screen.
  createWindow().once('ready-to-show', () => journalUpdate.dispose());
  app.on('second-instance', () => {
    const [window] = windows();
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (windows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Let services finish (the training sandbox writes its state, the updater stops) before exit.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    disposed = true;
    event.preventDefault();
    composed
      .dispose()
      .catch((error: unknown) => logger.error('Shutting down failed', { error }))
      .finally(() => app.quit());
  });
  logger.info('Fiscal Desk started', { version: app.getVersion() });
  if (switches.ignored.length > 0) logger.warn('Development switches ignored', { switches: switches.ignored });
}
