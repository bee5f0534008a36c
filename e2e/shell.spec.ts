import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';

const screens = [
  { link: 'Home', heading: 'Home', path: '#/home' },
  { link: 'Account', heading: 'Account', path: '#/account' },
  { link: 'Fiscal device', heading: 'Fiscal device', path: '#/device' },
  { link: 'New invoice', heading: 'New invoice', path: '#/new-document' },
  { link: 'Documents', heading: 'Documents', path: '#/documents' },
  { link: 'Mappings', heading: 'Mappings', path: '#/mappings' },
  { link: 'Connections', heading: 'Connections', path: '#/connections' },
  { link: 'Settings', heading: 'Settings', path: '#/settings' },
];

test('every screen is reachable from the sidebar', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const screen of screens) {
    await nav.getByRole('link', { name: screen.link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
    expect(new URL(page.url()).hash).toBe(screen.path);
    await expect(nav.getByRole('link', { name: screen.link, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('the sidebar works from the keyboard alone', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Tab from the top of the page: the skip link, the connection switcher, the readiness line, then the first screen.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('combobox', { name: 'Connection' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: /^Ready to fiscalise/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Home', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('link', { name: 'Account' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('link', { name: 'Home', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('the skip link moves focus to the screen content', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes axe in the ${theme} theme`, async ({ app }) => {
    test.setTimeout(180_000); // axe on every screen, on a shared CI machine
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const screen of screens) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      // Screens fed by the service are checked with their data, not their spinner.
      await expect(page.locator('.loading')).toHaveCount(0);
      await expectNoAxeViolations(page, `${screen.link} (${theme})`);
    }
  });
}

test('the chosen theme is kept across a restart', async ({ app }) => {
  let page = app.page;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  page = await app.restart();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('screens that have not shipped say so instead of showing invented data, and only they are marked "soon" in the sidebar', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const screen of screens) {
    const link = nav.getByRole('link', { name: screen.link, exact: true });
    const soon = ((await link.textContent()) ?? '').includes('soon');
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
    if (soon) {
      await expect(link).toHaveAccessibleDescription('Coming in a later version');
      await expect(page.getByRole('heading', { name: 'Not available yet' })).toBeVisible();
    } else {
      await expect(page.getByRole('heading', { name: 'Not available yet' })).toHaveCount(0);
    }
  }
});

test('a browser tab without the access token is told how to connect, and reaches nothing', async ({ app }, testInfo) => {
  testInfo.skip(app.mode !== 'browser', 'Only browser mode has an access token; the Electron app has no bridge to reach.');
  const origin = new URL(app.page.url()).origin;
  // A context of its own (axe needs one), without the token this run gave the app's tab.
  const context = await app.page.context().browser()!.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/#/account`);
    await expect(page.getByRole('alert')).toContainText('This browser tab is not connected to Fiscal Desk');
    // One full page, naming the command that started the app, and no navigation that leads nowhere.
    await expect(page.getByRole('heading', { level: 1, name: 'Not connected to Fiscal Desk' })).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('in the terminal where you ran npm run web');
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'Not connected');
    await expect(page.locator('html[data-app-ready="true"]')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
