import type { Locator, Page, TestInfo } from '@playwright/test';
import { DEMO_CREDENTIALS, type DemoTemplate } from '../main/sandbox/demo-accounts';
import { typedInvoice } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { expectButtonsLookLikeButtons, expectLinesFit, expectOneScrollArea, expectSidebarLabelsWhole, expectTotalsAboveSendBar } from './fit-checks';
import { rpc } from './rpc';
import { trainingAddress } from './training-sandbox';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Adds a demo account of the training sandbox as a connection and, if asked, uses it. */
async function addDemoAccount(page: Page, address: string, template: DemoTemplate, name: string): Promise<Locator> {
  await open(page, 'Connections');
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('region', { name: 'Add a connection' });
  // Focus moves to the opened form.
  await expect(form.getByRole('heading', { name: 'Add a connection' })).toBeFocused();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByRole('radio', { name: 'Custom address' }).check();
  await form.getByLabel('Service address').fill(address);
  await form.getByLabel('Application name').fill('FiscalDesk');
  await form.getByLabel('API key', { exact: true }).fill(DEMO_CREDENTIALS[template].apiKey);
  await form.getByLabel('API secret', { exact: true }).fill(DEMO_CREDENTIALS[template].apiSecret);
  await form.getByRole('button', { name: 'Save and test' }).click();
  const card = page.getByRole('article', { name });
  await expect(card.getByRole('status').filter({ hasText: /^Connect/ })).toBeVisible();
  return card;
}

async function use(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Connection' }).selectOption({ label: name });
}

const indicator = (page: Page) => nav(page).getByRole('link', { name: /Open Home for details/ });

test('the readiness verdict of the demo accounts: ready, warning, blocked with the fix', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  // The training shop: ready, said once in the sidebar and on Home.
  await expect(indicator(page)).toContainText('Ready to fiscalise');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ready to fiscalise' })).toContainText('will be fiscalised');

  const address = await trainingAddress(page);

  // Overdue: a warning, not a block; documents are still fiscalised.
  const overdue = await addDemoAccount(page, address, 'overdue', 'Mapfumo (overdue)');
  await overdue.getByRole('button', { name: 'Use this connection now' }).click();
  await expect(indicator(page)).toContainText('Ready, with warnings');
  await expect(page.getByRole('region', { name: 'Fiscalisation blocked' })).toHaveCount(0);
  await indicator(page).click();
  const warning = page.getByRole('region', { name: 'Ready, with warnings' });
  await expect(warning).toContainText('Fiscal Harmony may interrupt fiscalisation');
  await expect(warning).toContainText('Pay the open invoice in the Fiscal Harmony portal now');
  await expect(warning.getByRole('link', { name: 'Open Account' })).toBeVisible();

  // No device: blocked, with the banner on every screen and the way to the fix.
  const noDevice = await addDemoAccount(page, address, 'no-device', 'Chikomo (no device)');
  // "Connected", but not called working: it cannot fiscalise.
  await expect(noDevice.getByRole('status').filter({ hasText: 'Connected, but not ready to fiscalise' })).toBeVisible();
  await expect(noDevice.getByText('Connection works')).toHaveCount(0);
  await use(page, 'Chikomo (no device)');
  await expect(indicator(page)).toContainText('Fiscalisation blocked');
  const banner = page.getByRole('region', { name: 'Fiscalisation blocked' });
  await expect(banner).toContainText('has no fiscal device');
  await banner.getByRole('link', { name: 'Open Fiscal device' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fiscal device' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No fiscal device on this account' })).toBeVisible();
  await expectNoAxeViolations(page, 'Fiscal device, blocked');

  // A cancelled subscription: blocked; the billing status is flagged, not plain text.
  await addDemoAccount(page, address, 'cancelled', 'Banda (cancelled)');
  await use(page, 'Banda (cancelled)');
  await expect(indicator(page)).toContainText('Fiscalisation blocked');
  await expect(banner).toContainText('subscription is cancelled');
  await expect(banner.getByRole('link', { name: 'Open Account' })).toBeVisible();
  await open(page, 'Account');
  await expect(page.getByRole('alert').filter({ hasText: 'Billing: Cancelled' })).toContainText('fiscalisation is stopped');
  await expect(page.getByRole('region', { name: 'Subscription' }).locator('.badge--bad')).toHaveText('Cancelled');
  // No green "Ready" on Mappings while the subscription blocks.
  await open(page, 'Mappings');
  const taxTable = page.getByRole('table', { name: 'Your tax codes and the device taxes they are mapped to' });
  await expect(taxTable.getByRole('row').filter({ hasText: 'VAT15' })).toContainText('Mapped');
  await expect(page.getByText('Ready', { exact: true })).toHaveCount(0);

  // A blocked device: blocked, said in plain words.
  await addDemoAccount(page, address, 'blocked-device', 'Dube (blocked device)');
  await use(page, 'Dube (blocked device)');
  await expect(indicator(page)).toContainText('Fiscalisation blocked');
  await expect(banner).toContainText('The fiscal device is Blocked, not Active');
  await open(page, 'Fiscal device');
  await expect(page.getByRole('region', { name: 'Device', exact: true }).locator('.badge--bad')).toHaveText('Blocked');
  await expectNoAxeViolations(page, 'Fiscal device, device blocked');
});

const step = (page: Page, title: string) => page.getByRole('region', { name: 'Getting started' }).getByRole('listitem').filter({ hasText: title });

test('the first-run checklist ticks each step from real state, and each step is a button', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const checklist = page.getByRole('region', { name: 'Getting started' });
  await expect(step(page, 'You are in training')).toContainText('(done)');
  await expect(step(page, 'Connect your Fiscal Harmony account')).toContainText('(to do)');
  // Training's demo shop has its device and mappings.
  await expect(step(page, 'Check the fiscal device')).toContainText('(done)');
  await expect(step(page, 'Map taxes and currencies')).toContainText('(done)');
  await expect(step(page, 'Send a first training invoice')).toContainText('(to do)');
  await expect(checklist).toContainText('3 of 5 steps done');
  await expectNoAxeViolations(page, 'Home with the checklist');

  // Each step leads to the screen that does it.
  await step(page, 'Check the fiscal device').getByRole('link', { name: 'Open Fiscal device' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fiscal device' })).toBeVisible();
  await open(page, 'Home');

  // Connecting a real account (a new device without mappings) ticks "connect"; using it un-ticks mappings.
  const address = await trainingAddress(page);
  await addDemoAccount(page, address, 'new-device', 'Kopje (new device)');
  await use(page, 'Kopje (new device)');
  await open(page, 'Home');
  await expect(step(page, 'Connect your Fiscal Harmony account')).toContainText('(done)');
  await expect(step(page, 'Check the fiscal device')).toContainText('(done)');
  await expect(step(page, 'Map taxes and currencies')).toContainText('(to do)');
  await expect(step(page, 'Map taxes and currencies')).toContainText('No tax code is mapped');

  // Mapping taxes and a currency ticks it.
  await step(page, 'Map taxes and currencies').getByRole('link', { name: 'Open Mappings' }).click();
  const setup = page.getByRole('region', { name: 'Set up from the device' });
  await setup.getByRole('button', { name: 'Create 4 mappings' }).click();
  await expect(setup.getByRole('status').filter({ hasText: '4 mappings created' })).toBeVisible();
  const currencies = page.getByRole('region', { name: 'Currency mappings' });
  await currencies.getByRole('button', { name: 'Add a currency mapping' }).click();
  const currencyForm = currencies.getByRole('region', { name: 'Add a currency mapping' });
  await currencyForm.getByLabel('Your currency code').fill('USD');
  await currencyForm.getByLabel('Fiscal Harmony currency').selectOption('USD');
  await currencyForm.getByRole('button', { name: 'Add mapping' }).click();
  await expect(currencies.getByRole('table').getByRole('row').filter({ hasText: 'USD' })).toContainText('Ready');
  await open(page, 'Home');
  await expect(step(page, 'Map taxes and currencies')).toContainText('(done)');
  await expect(indicator(page)).toContainText('Ready to fiscalise');
});

test('the checklist ticks "Send a first training invoice" once an invoice is fiscalised', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await expect(step(page, 'Send a first training invoice')).toContainText('(to do)');
  await step(page, 'Send a first training invoice').getByRole('link', { name: 'New invoice' }).click();
  await expect(page.getByRole('form', { name: 'Invoice' })).toBeVisible();
  await page.getByRole('button', { name: 'Walk-in cash sale' }).click();
  await page.getByRole('combobox', { name: 'Line 1 description', exact: true }).fill('Bread');
  await page.getByRole('textbox', { name: 'Line 1 quantity', exact: true }).fill('2');
  await page.getByRole('textbox', { name: 'Line 1 unit price', exact: true }).fill('1.15');
  await page.getByRole('combobox', { name: 'Line 1 tax code', exact: true }).fill('VAT15');
  await page.getByRole('textbox', { name: 'Line 1 hs code', exact: true }).fill('19059000');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('document-state')).toHaveText('Fiscalised', { timeout: 30_000 });
  await open(page, 'Home');
  await expect(step(page, 'Send a first training invoice')).toContainText('(done)');
  await expect(page.getByRole('region', { name: 'Getting started' })).toContainText('4 of 5 steps done');
});

test('removing a key asks first; without it the connection is blocked, with the fix', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const address = await trainingAddress(page);
  const card = await addDemoAccount(page, address, 'shop', 'Msasa (real keys)');
  await card.getByRole('button', { name: 'Use this connection now' }).click();
  await expect(indicator(page)).toContainText('Ready to fiscalise');

  const secretRow = card.locator('.secret-row').filter({ hasText: 'API secret:' });
  await card.getByRole('button', { name: 'Remove API secret of Msasa (real keys)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the API secret of "Msasa (real keys)"?' });
  await expect(dialog).toContainText('nothing can be fiscalised on it');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, 'Remove secret dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(secretRow).toContainText('Set');

  await card.getByRole('button', { name: 'Remove API secret of Msasa (real keys)' }).click();
  await dialog.getByRole('button', { name: 'Remove API secret' }).click();
  await expect(secretRow).toContainText('Not set');
  await expect(indicator(page)).toContainText('Fiscalisation blocked');
  const banner = page.getByRole('region', { name: 'Fiscalisation blocked' });
  await expect(banner).toContainText('API secret of "Msasa (real keys)" is not set');
});

test('Add a connection: empty key asked for by name, duplicate names refused, Test by default', async ({ app }) => {
  const { page } = app;
  await open(page, 'Connections');
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('region', { name: 'Add a connection' });
  await expect(form.getByRole('radio', { name: /^Test/ })).toBeChecked();
  await form.getByLabel('Name', { exact: true }).fill('training (NOT fiscal)');
  await form.getByLabel('Application name').fill('FiscalDesk');
  await form.getByLabel('API secret', { exact: true }).fill('some-secret-value');
  await form.getByRole('button', { name: 'Save and test' }).click();
  await expect(form.getByText('Enter the API key', { exact: true })).toBeVisible();
  await expect(form.getByText('too short')).toHaveCount(0);
  await form.getByLabel('API key', { exact: true }).fill('some-key-value');
  await form.getByRole('button', { name: 'Save and test' }).click();
  await expect(form.getByText('"Training (not fiscal)" is taken: choose another name')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Connection' }).locator('option')).toHaveCount(1);
});

// ---- Fit: every screen at Electron's minimum window, and screenshots of each ----------------

/** The sidebar's screens, in its order. */
const screens = ['Home', 'Account', 'Fiscal device', 'New invoice', 'Documents', 'Import', 'Mappings', 'Connections', 'Settings'];
const sizes = [
  { width: 900, height: 600 },
  { width: 1366, height: 768 },
];

/** Nothing sideways: the page and every scroll box fit, and every button in a table is inside the window. */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const width = page.viewportSize()?.width ?? 0;
  type Box = { scrollWidth: number; clientWidth: number; className: string; tagName: string };
  const overflow = await page
    .locator('html, .content, .table-scroll, .card, .page')
    .evaluateAll((elements: Box[]) =>
      elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className || e.tagName} ${e.scrollWidth}>${e.clientWidth}`),
    );
  // Soft: every screen is checked (and photographed) even when one of them does not fit.
  expect.soft(overflow, `${label}: boxes scrolling sideways`).toEqual([]);
  for (const button of await page.locator('main table button, main .row-actions button').all()) {
    const box = await button.boundingBox();
    expect.soft(box, `${label}: a row action has no box`).not.toBeNull();
    if (box !== null) expect.soft(box.x + box.width, `${label}: "${await button.innerText()}" ends past the window`).toBeLessThanOrEqual(width);
  }
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen fits 900x600 and 1366x768 in the ${theme} theme: whole sidebar labels, one scroll area, lines and totals in view, row actions in view, axe clean`, async ({ app }, testInfo) => {
    test.setTimeout(300_000);
    const { page } = app;
    // More documents than a screen shows: the list must scroll with the screen, not in a box of its own.
    for (let i = 0; i < 14; i += 1) await rpc(page, 'documents:saveDraft', { draft: typedInvoice({ buyer: { ...typedInvoice().buyer, name: `Buyer ${i + 1}` } }) });
    await open(page, 'Settings');
    await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const screen of screens) {
        await open(page, screen);
        // Focus moves to the new screen's heading.
        await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
        await expect(page.locator('.loading')).toHaveCount(0);
        const label = `${screen} ${size.width}x${size.height} ${theme}`;
        if (screen === 'Documents') {
          await expect(page.getByTestId('documents-count')).toHaveText('14 documents');
          // A small window: search and a "Filters (n)" toggle, and the list starts on the first screen.
          const toggle = page.getByRole('search', { name: 'Find documents' }).getByRole('button', { name: /^Filters/ });
          await expect(toggle).toHaveAttribute('aria-expanded', size.width === 900 ? 'false' : 'true');
          const firstRow = await page.locator('[data-document-id]').first().boundingBox();
          expect.soft((firstRow?.y ?? size.height) + (firstRow?.height ?? 0), `${label}: the first document is below the first screen`).toBeLessThanOrEqual(size.height);
        }
        await expectNoSidewaysScroll(page, label);
        await expectSidebarLabelsWhole(page, label, screens);
        await expectOneScrollArea(page, label);
        await expectButtonsLookLikeButtons(page, label);
        if (screen === 'New invoice') {
          await expectLinesFit(page, label);
          await expectTotalsAboveSendBar(page, label);
          await screenshot(page, testInfo, `${theme}-${size.width}x${size.height}-new-invoice-totals`);
          await page.evaluate(`document.getElementById('main-content').scrollTop = 0`);
        }
        if (size.width === 900) await expectNoAxeViolations(page, label);
        await screenshot(page, testInfo, `${theme}-${size.width}x${size.height}-${screen.toLowerCase().replaceAll(' ', '-')}`);
      }
    }
  });
}
