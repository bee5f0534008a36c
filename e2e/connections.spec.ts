import { DEMO_CREDENTIALS } from '../main/sandbox/demo-accounts';
import { addFiscalHarmonyConnection } from './add-connection';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { trainingAddress } from './training-sandbox';

test('a fresh start lands in training mode and shows the account and the device', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('note', { name: 'Training mode' })).toContainText('nothing here is fiscal');
  await expect(page.getByRole('combobox', { name: 'Connection' })).toHaveValue('training');
  await open(page, 'Account');
  await expect(page.getByRole('heading', { name: 'Billing: Active' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Business', exact: true })).toContainText('Msasa Hardware');
  await open(page, 'Fiscal device');
  const taxes = page.getByRole('table');
  await expect(taxes).toContainText('Standard');
  await expect(taxes).toContainText('15.5%');
  await expect(taxes).toContainText('Exempt');
  await expect(page.getByRole('region', { name: 'Device', exact: true })).toContainText('Certificate valid until');
  await expectNoAxeViolations(page, 'Fiscal device with data');
});

test('adding a connection with a wrong secret says the credentials are wrong, and replacing the secret fixes it', async ({ app }) => {
  const { page } = app;
  const address = await trainingAddress(page);
  const card = await addFiscalHarmonyConnection(page, {
    name: 'Wrong secret shop',
    address,
    apiKey: DEMO_CREDENTIALS.shop.apiKey,
    apiSecret: 'definitely-not-the-secret',
  });
  // The test fails, so saving is asked first.
  const ask = page.getByRole('dialog', { name: 'The test failed. Save this connection anyway?' });
  await expect(ask).toContainText('did not accept the API key or secret of "Wrong secret shop"');
  await ask.getByRole('button', { name: 'Save anyway' }).click();
  const failure = card.getByRole('alert');
  await expect(failure).toContainText('Connection failed');
  await expect(failure).toContainText('did not accept the API key or secret of "Wrong secret shop"');
  await expect(card.getByText('API secret:')).toBeVisible();
  await expectNoAxeViolations(page, 'Connections with a failed test');

  await card.getByRole('button', { name: 'Replace API secret of Wrong secret shop' }).click();
  await card.getByLabel('New API secret').fill(DEMO_CREDENTIALS.shop.apiSecret);
  await card.getByRole('button', { name: 'Save API secret' }).click();
  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible();
});

test('a form with missing fields says which, in place, and sends nothing', async ({ app }) => {
  const { page } = app;
  await open(page, 'Connections');
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('region', { name: 'Add a connection' });
  await form.getByRole('radio', { name: 'Custom address' }).check();
  await form.getByLabel('Service address').fill('http://example.com/api');
  await form.getByRole('button', { name: 'Save and test' }).click();
  await expect(form.getByText('Give the connection a name')).toBeVisible();
  await expect(form.getByText('plain http is allowed only for this computer')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('combobox', { name: 'Connection' }).locator('option')).toHaveCount(1);
});

test('switching connections switches the data on every screen', async ({ app }) => {
  const { page } = app;
  const address = await trainingAddress(page);
  const card = await addFiscalHarmonyConnection(page, { name: 'Overdue shop', address, ...DEMO_CREDENTIALS.overdue });
  await expect(card.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible();

  const switcher = page.getByRole('combobox', { name: 'Connection' });
  await switcher.selectOption({ label: 'Overdue shop' });
  await expect(page.getByRole('note', { name: 'Training mode' })).toHaveCount(0);
  await open(page, 'Account');
  await expect(page.getByRole('status').filter({ hasText: 'Billing: Overdue — pay now' })).toContainText('may interrupt fiscalisation');

  await switcher.selectOption({ label: 'Training (not fiscal)' });
  await expect(page.getByRole('heading', { name: 'Billing: Active' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Training mode' })).toBeVisible();
});

test('an account without a fiscal device explains what to do next', async ({ app }) => {
  const { page } = app;
  const address = await trainingAddress(page);
  const card = await addFiscalHarmonyConnection(page, { name: 'No device yet', address, ...DEMO_CREDENTIALS['no-device'] });
  await expect(card.getByRole('status').filter({ hasText: 'no fiscal device' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Connection' }).selectOption({ label: 'No device yet' });
  await open(page, 'Fiscal device');
  await expect(page.getByRole('heading', { name: 'No fiscal device on this account' })).toBeVisible();
  await expect(page.getByText('Attach or register a device in the Fiscal Harmony portal')).toBeVisible();
  await open(page, 'Account');
  await expect(page.getByText('no subscription to show because this account has no fiscal device yet')).toBeVisible();
});

test('deleting a connection asks first, then removes it', async ({ app }) => {
  const { page } = app;
  const address = await trainingAddress(page);
  const card = await addFiscalHarmonyConnection(page, { name: 'Short-lived', address, ...DEMO_CREDENTIALS.shop });
  await card.getByRole('button', { name: 'Delete connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete "Short-lived"?' });
  await expect(dialog).toContainText("removed from this computer's keychain");
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Delete connection' }).click();
  await dialog.getByRole('button', { name: 'Delete connection' }).click();
  await expect(page.getByRole('article', { name: 'Short-lived' })).toHaveCount(0);
});
