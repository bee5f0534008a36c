import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, chromium, expect, test as base, type Browser, type ElectronApplication, type LaunchOptions, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from '../main/web/start-browser-mode';
import { findElectronBinary } from '../scripts/electron-binary';

export type AppMode = 'browser' | 'electron';

const repoRoot = resolve(import.meta.dirname, '..');
const rendererDirectory = join(repoRoot, 'out', 'renderer');

export interface RunningApp {
  mode: AppMode;
  page: Page;
  dataDirectory: string;
  /** Quits and starts the app again on the same data folder, as a user restarting it would. */
  restart(): Promise<Page>;
}

interface Session {
  page: Page;
  stop(): Promise<void>;
}

async function waitUntilReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-app-ready="true"]')).toBeAttached({ timeout: 20_000 });
}

async function startBrowserSession(dataDirectory: string, launchOptions: LaunchOptions): Promise<Session> {
  if (!existsSync(join(rendererDirectory, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` before the e2e tests');
  const mode: BrowserMode = await startBrowserMode({ dataDirectory, staticDirectory: rendererDirectory });
  const browser: Browser = await chromium.launch(launchOptions);
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => console.error(`[renderer] ${error.message}`));
  await page.goto(mode.server.url);
  await waitUntilReady(page);
  return {
    page,
    stop: async () => {
      await browser.close();
      await mode.stop();
    },
  };
}

async function startElectronSession(dataDirectory: string, executablePath: string): Promise<Session> {
  const electronApp: ElectronApplication = await _electron.launch({
    executablePath,
    args: [repoRoot],
    env: { ...process.env, FISCAL_DESK_USER_DATA: dataDirectory } as Record<string, string>,
    timeout: 30_000,
  });
  const page = await electronApp.firstWindow();
  await waitUntilReady(page);
  return {
    page,
    stop: async () => {
      await Promise.race([electronApp.close(), new Promise((done) => setTimeout(done, 10_000))]);
    },
  };
}

export const test = base.extend<{ app: RunningApp }, { mode: AppMode }>({
  mode: ['browser', { option: true, scope: 'worker' }],
  app: async ({ mode, launchOptions }, use, testInfo) => {
    let executablePath = '';
    if (mode === 'electron') {
      const electron = findElectronBinary();
      testInfo.skip(!electron.available, `Electron mode skipped: ${electron.available ? '' : electron.reason}`);
      if (electron.available) executablePath = electron.path;
    }
    const dataDirectory = mkdtempSync(join(tmpdir(), 'fiscal-desk-e2e-'));
    const start = () => (mode === 'electron' ? startElectronSession(dataDirectory, executablePath) : startBrowserSession(dataDirectory, launchOptions));
    let session = await start();
    const app: RunningApp = {
      mode,
      dataDirectory,
      get page() {
        return session.page;
      },
      restart: async () => {
        await session.stop();
        session = await start();
        return session.page;
      },
    };
    await use(app);
    await session.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  },
});

export { expect };
