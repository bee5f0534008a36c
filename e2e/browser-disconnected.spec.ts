import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from '../main/web/start-browser-mode';
import { expectNoAxeViolations } from './a11y';
import { freshDataDirectory, removeDataDirectory, waitUntilAppLoaded } from './app-checks';
import { expect, test } from './fixtures';
import { open } from './screens';

// Issue 24, item 12: a tab left open while `npm start` is restarted. The old server goes, a new
// one comes up on the same address with a new access token, and the tab says so on one page
// with a Reload button, instead of every screen failing on its own.

const rendererDirectory = join(resolve(import.meta.dirname, '..'), 'out', 'renderer');

test('an open tab says "Disconnected — reload" when the browser-mode server restarts', async ({ mode, launchOptions }) => {
  test.skip(mode !== 'browser', 'Browser mode only: the desktop app has no server to restart.');
  const dataDirectory = freshDataDirectory();
  const start = (port?: number) => startBrowserMode({ dataDirectory, staticDirectory: rendererDirectory, startCommand: 'npm start', ...(port === undefined ? {} : { port }) });
  let server: BrowserMode | undefined = await start();
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.server.url);
    await waitUntilAppLoaded(page);
    await open(page, 'Documents');
    await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();

    const port = Number(new URL(server.server.url).port);
    await server.stop();
    server = undefined;
    server = await start(port);

    // The tab notices by itself (its event stream reconnects and is refused), without a click.
    const heading = page.getByRole('heading', { name: 'Disconnected — reload' });
    await expect(heading).toBeVisible({ timeout: 15_000 });
    await expect(heading).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('Fiscal Desk was restarted');
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'the disconnected page');

    // Reload keeps the old token: the page says to open the new address, which works.
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { name: 'Not connected to Fiscal Desk' })).toBeVisible();
    await page.goto(server.server.url);
    await waitUntilAppLoaded(page);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  } finally {
    await browser.close();
    await server?.stop();
    removeDataDirectory(dataDirectory);
  }
});

/**
 * Opens the app in a tab of a fresh browser-mode server, lets `beforeStop` prepare the tab, stops
 * the server for good and hands the tab to `afterStop`; everything is cleaned up afterwards.
 */
async function withServerGone(
  launchOptions: Parameters<typeof chromium.launch>[0],
  beforeStop: (page: Page) => Promise<void>,
  afterStop: (page: Page) => Promise<void>,
): Promise<void> {
  const dataDirectory = freshDataDirectory();
  let server: BrowserMode | undefined = await startBrowserMode({ dataDirectory, staticDirectory: rendererDirectory });
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.server.url);
    await waitUntilAppLoaded(page);
    await beforeStop(page);
    await server.stop();
    server = undefined;
    await afterStop(page);
  } finally {
    await browser.close();
    await server?.stop();
    removeDataDirectory(dataDirectory);
  }
}

test('an open tab says "Disconnected — reload" on its next call when the server is gone', async ({ mode, launchOptions }) => {
  test.skip(mode !== 'browser', 'Browser mode only: the desktop app has no server to stop.');
  await withServerGone(
    launchOptions,
    // The event stream would find out by itself two seconds after it drops (the test below): held
    // pending here, the manager's click is the tab's only way to learn, so the test cannot race it.
    async (page) => {
      await page.route('**/events', () => undefined);
    },
    async (page) => {
      // The manager's click is the next call, unless a call of the screen's own came first (the
      // tab then already says so and has no sidebar to click): either way a call, not the stream.
      const documents = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents', exact: true });
      await documents.click({ timeout: 5_000 }).catch(() => undefined);
      await expect(page.getByRole('heading', { name: 'Disconnected — reload' })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('alert')).toContainText('Fiscal Desk stopped answering this tab');
      await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
    },
  );
});

test('an open tab says "Disconnected — reload" by itself when the server is gone', async ({ mode, launchOptions }) => {
  test.skip(mode !== 'browser', 'Browser mode only: the desktop app has no server to stop.');
  await withServerGone(
    launchOptions,
    async () => undefined,
    // No click: the event stream drops, tries again and is refused.
    async (page) => {
      const heading = page.getByRole('heading', { name: 'Disconnected — reload' });
      await expect(heading).toBeVisible({ timeout: 15_000 });
      await expect(heading).toBeFocused();
      await expect(page.getByRole('alert')).toContainText('Fiscal Desk stopped answering this tab');
    },
  );
});
