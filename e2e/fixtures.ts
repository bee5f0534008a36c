import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, chromium, expect, test as base, type Browser, type ElectronApplication, type LaunchOptions, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from '../main/web/start-browser-mode';
import { findElectronBinary } from '../scripts/electron-binary';
import { freshDataDirectory, keepLogs, removeDataDirectory, shutDownWithin, testRunEnvironment, waitUntilAppLoaded } from './app-checks';

export type AppMode = 'browser' | 'electron';

const repoRoot = resolve(import.meta.dirname, '..');
const rendererDirectory = join(repoRoot, 'out', 'renderer');
/** How long quitting may take before the app is killed and the test fails (services stop on quit). */
const shutdownLimitMs = 15_000;

export interface RunningApp {
  mode: AppMode;
  page: Page;
  dataDirectory: string;
  /** The Electron application in Electron mode (for checks in the main process); undefined in browser mode. */
  electron: ElectronApplication | undefined;
  /** Quits and starts the app again on the same data folder, as a user restarting it would; `meanwhile` runs while it is stopped. */
  restart(meanwhile?: () => void): Promise<Page>;
}

interface Session {
  page: Page;
  electron: ElectronApplication | undefined;
  logsDirectory: string;
  stop(): Promise<void>;
}

async function startBrowserSession(dataDirectory: string, launchOptions: LaunchOptions): Promise<Session> {
  if (!existsSync(join(rendererDirectory, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` before the e2e tests');
  const mode: BrowserMode = await startBrowserMode({ dataDirectory, staticDirectory: rendererDirectory, startCommand: 'npm run web' });
  const browser: Browser = await chromium.launch(launchOptions);
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => console.error(`[renderer] ${error.message}`));
  await page.goto(mode.server.url);
  await waitUntilAppLoaded(page);
  return {
    page,
    electron: undefined,
    logsDirectory: join(dataDirectory, 'logs'),
    stop: () =>
      shutDownWithin(
        shutdownLimitMs,
        'Browser mode',
        async () => {
          await browser.close();
          await mode.stop();
        },
        // Both run in this process; there is nothing separate to kill.
        () => undefined,
      ),
  };
}

async function startElectronSession(dataDirectory: string, executablePath: string): Promise<Session> {
  const electronApp: ElectronApplication = await _electron.launch({
    executablePath,
    args: [repoRoot],
    env: testRunEnvironment(dataDirectory),
    timeout: 30_000,
  });
  const page = await electronApp.firstWindow();
  page.on('pageerror', (error) => console.error(`[renderer] ${error.message}`));
  await waitUntilAppLoaded(page);
  const logsDirectory = await electronApp.evaluate(({ app }) => app.getPath('logs'));
  return {
    page,
    electron: electronApp,
    logsDirectory,
    stop: () => shutDownWithin(shutdownLimitMs, 'The Electron app', () => electronApp.close(), () => electronApp.process().kill('SIGKILL')),
  };
}

/** Another app in browser mode with a data folder of its own (another till on this machine); `stop` removes its folder. */
export interface ExtraApp {
  page: Page;
  dataDirectory: string;
  stop(): Promise<void>;
}

export async function startExtraBrowserApp(launchOptions: LaunchOptions): Promise<ExtraApp> {
  const dataDirectory = freshDataDirectory();
  const session = await startBrowserSession(dataDirectory, launchOptions);
  return {
    page: session.page,
    dataDirectory,
    stop: async () => {
      try {
        await session.stop();
      } finally {
        removeDataDirectory(dataDirectory);
      }
    },
  };
}

export const test = base.extend<{ app: RunningApp }, { mode: AppMode }>({
  mode: ['browser', { option: true, scope: 'worker' }],
  app: async ({ mode, launchOptions }, use, testInfo) => {
    let executablePath = '';
    if (mode === 'electron') {
      const electron = findElectronBinary();
      // CI sets this where Electron can be downloaded, so a lost binary fails instead of skipping 20 tests.
      if (!electron.available && process.env.FISCAL_DESK_REQUIRE_ELECTRON === '1') {
        throw new Error(`Electron mode must run here (FISCAL_DESK_REQUIRE_ELECTRON=1), but ${electron.reason}`);
      }
      testInfo.skip(!electron.available, `Electron mode skipped: ${electron.available ? '' : electron.reason}`);
      if (electron.available) executablePath = electron.path;
    }
    const dataDirectory = freshDataDirectory();
    const start = () => (mode === 'electron' ? startElectronSession(dataDirectory, executablePath) : startBrowserSession(dataDirectory, launchOptions));
    let session = await start();
    const app: RunningApp = {
      mode,
      dataDirectory,
      get page() {
        return session.page;
      },
      get electron() {
        return session.electron;
      },
      restart: async (meanwhile) => {
        await session.stop();
        meanwhile?.();
        session = await start();
        return session.page;
      },
    };
    try {
      await use(app);
    } finally {
      try {
        await session.stop();
      } finally {
        if (testInfo.status !== testInfo.expectedStatus) keepLogs(session.logsDirectory, testInfo.outputDir);
        removeDataDirectory(dataDirectory);
      }
    }
  },
});

export { expect };
