import type { Locator, Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../main/sandbox/demo-accounts';
import { FhTestClient } from '../main/sandbox/test-support/fh-test-client';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { setFaults, trainingAddress } from './training-sandbox';

const NEW_DEVICE = 'Kopje (new device)';

/** Adds the demo "new device" account (a device with taxes, no mappings) on the training sandbox and uses it. */
async function useNewDeviceAccount(page: Page): Promise<string> {
  const address = await trainingAddress(page);
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('region', { name: 'Add a connection' });
  await form.getByLabel('Name', { exact: true }).fill(NEW_DEVICE);
  await form.getByRole('radio', { name: 'Custom address' }).check();
  await form.getByLabel('Service address').fill(address);
  await form.getByLabel('Application name').fill('FiscalDesk');
  await form.getByLabel('API key', { exact: true }).fill(DEMO_CREDENTIALS['new-device'].apiKey);
  await form.getByLabel('API secret', { exact: true }).fill(DEMO_CREDENTIALS['new-device'].apiSecret);
  await form.getByRole('button', { name: 'Save and test' }).click();
  await expect(page.getByRole('article', { name: NEW_DEVICE }).getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Connection' }).selectOption({ label: NEW_DEVICE });
  await open(page, 'Mappings');
  return address;
}

const rowOf = (table: Locator, code: string) => table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: code, exact: true }) });

test('an account without mappings: set up from the device, add a currency, edit, delete, and refusals roll back', async ({ app }) => {
  const { page } = app;
  const address = await useNewDeviceAccount(page);

  // Nothing mapped yet: one proposal per device tax, with the usual codes.
  const taxes = page.getByRole('region', { name: 'Tax mappings' });
  await expect(taxes.getByText('No tax mappings yet.', { exact: true })).toBeVisible();
  const setup = taxes.getByRole('region', { name: 'Set up from the device' });
  const proposals: [string, string, string, string][] = [
    ['Exempt', 'EX', 'Exempt', '512'],
    ['Zero rated 0%', 'ZR', '0%', '513'],
    ['Standard rated 15.5%', 'VAT15', '15.5%', '515'],
    ['Non-VAT Withholding Tax 5%', 'WHT5', '5%', '514'],
  ];
  for (const [name, code] of proposals) await expect(setup.getByLabel(`Your tax code for ${name}`)).toHaveValue(code);
  await expectNoAxeViolations(page, 'Mappings with nothing mapped');

  await setup.getByRole('button', { name: 'Create 4 mappings' }).click();
  await expect(setup.getByRole('status').filter({ hasText: '4 mappings created' })).toBeVisible();
  const taxTable = taxes.getByRole('table', { name: 'Your tax codes and the device taxes they are mapped to' });
  for (const [name, code, percent, id] of proposals) {
    const row = rowOf(taxTable, code);
    await expect(row).toContainText(name);
    await expect(row.getByRole('cell').nth(2)).toHaveText(percent);
    await expect(row.getByRole('cell').nth(3)).toHaveText(id);
    // Mapped, but not "Ready": no currency is mapped yet, so nothing can be fiscalised.
    await expect(row).toContainText('Mapped');
  }
  await expect(setup.getByRole('table')).toHaveCount(0);

  // A currency mapping from the supported list.
  const currencies = page.getByRole('region', { name: 'Currency mappings' });
  await expect(currencies.getByText('No currency mappings yet')).toBeVisible();
  await currencies.getByRole('button', { name: 'Add a currency mapping' }).click();
  const currencyForm = currencies.getByRole('region', { name: 'Add a currency mapping' });
  await expect(currencyForm.getByLabel('Fiscal Harmony currency').locator('option')).toHaveText(['Choose a currency…', 'USD', 'ZWG']);
  await currencyForm.getByLabel('Your currency code').fill('US $');
  await currencyForm.getByRole('button', { name: 'Add mapping' }).click();
  await expect(currencyForm.getByText('without spaces')).toBeVisible();
  await currencyForm.getByLabel('Your currency code').fill('US$');
  await currencyForm.getByLabel('Fiscal Harmony currency').selectOption('USD');
  await currencyForm.getByRole('button', { name: 'Add mapping' }).click();
  const currencyTable = currencies.getByRole('table');
  await expect(rowOf(currencyTable, 'US$')).toContainText('USD');
  await expect(rowOf(currencyTable, 'US$')).toContainText('Ready');
  await expect(currencyForm).toHaveCount(0);
  await expectNoAxeViolations(page, 'Mappings with data (light)');

  // Editing a tax mapping.
  await rowOf(taxTable, 'VAT15').getByRole('button', { name: 'Edit VAT15' }).click();
  const editForm = taxes.getByRole('region', { name: 'Edit tax mapping "VAT15"' });
  await expect(editForm.getByLabel('Your tax code')).toBeFocused();
  await editForm.getByLabel('Your tax code').fill('ZR');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(editForm.getByText('"ZR" is already mapped')).toBeVisible();
  await editForm.getByLabel('Your tax code').fill('VAT');
  await editForm.getByLabel('Your name for it (optional)').fill('Standard VAT');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(rowOf(taxTable, 'VAT')).toContainText('Standard VAT');
  await expect(rowOf(taxTable, 'VAT')).toContainText('Standard rated 15.5%');
  await expect(rowOf(taxTable, 'VAT15')).toHaveCount(0);

  // Deleting asks first and says what stops working.
  await rowOf(taxTable, 'WHT5').getByRole('button', { name: 'Delete WHT5' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the tax mapping "WHT5"?' });
  await expect(dialog).toContainText('documents with tax code WHT5 on any line cannot be fiscalised');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rowOf(taxTable, 'WHT5')).toHaveCount(1);
  await rowOf(taxTable, 'WHT5').getByRole('button', { name: 'Delete WHT5' }).click();
  await dialog.getByRole('button', { name: 'Delete mapping' }).click();
  await expect(rowOf(taxTable, 'WHT5')).toHaveCount(0);
  await expect(taxes.getByRole('status').filter({ hasText: 'The tax mapping "WHT5" was deleted.' })).toBeVisible();
  // The withholding tax is proposed again.
  await expect(setup.getByLabel('Your tax code for Non-VAT Withholding Tax 5%')).toHaveValue('WHT5');

  // The service refuses an edit: the table shows it at once, then goes back, with the reason.
  await setFaults(address, { serverErrorRate: 1, latencyMs: 1500, paths: ['/taxmapping/'] });
  try {
    await rowOf(taxTable, 'ZR').getByRole('button', { name: 'Edit ZR' }).click();
    const zrForm = taxes.getByRole('region', { name: 'Edit tax mapping "ZR"' });
    await zrForm.getByLabel('Your tax code').fill('ZERO');
    await zrForm.getByRole('button', { name: 'Save changes' }).click();
    await expect(rowOf(taxTable, 'ZERO')).toContainText('Saving…');
    await expect(rowOf(taxTable, 'ZR')).toHaveCount(0);
    const refusal = zrForm.getByRole('alert');
    await expect(refusal).toContainText('Your change was not saved and has been undone');
    await expect(refusal).toContainText('Fiscal Harmony is not available right now');
    await expect(rowOf(taxTable, 'ZR')).toContainText('Ready');
    await expect(rowOf(taxTable, 'ZERO')).toHaveCount(0);
    await zrForm.getByRole('button', { name: 'Cancel' }).click();

    // And a delete: the row comes back with the reason.
    await setFaults(address, { paths: ['/currencymapping/'] });
    await rowOf(currencyTable, 'US$').getByRole('button', { name: 'Delete US$' }).click();
    const currencyDialog = page.getByRole('dialog', { name: 'Delete the currency mapping "US$"?' });
    await expect(currencyDialog).toContainText('documents in US$ cannot be fiscalised');
    await currencyDialog.getByRole('button', { name: 'Delete mapping' }).click();
    await expect(rowOf(currencyTable, 'US$')).toHaveCount(0);
    const back = currencies.getByRole('alert');
    await expect(back).toContainText('The currency mapping "US$" was not deleted, and is back in the list');
    await expect(back).toContainText('Fiscal Harmony is not available right now');
    await expect(rowOf(currencyTable, 'US$')).toContainText('Ready');
  } finally {
    await setFaults(address, null);
  }
});

test('a mapping deleted elsewhere is explained and the list refreshed, and the screen passes axe in the dark theme', async ({ app }) => {
  const { page } = app;
  const address = await useNewDeviceAccount(page);
  const taxes = page.getByRole('region', { name: 'Tax mappings' });
  const setup = taxes.getByRole('region', { name: 'Set up from the device' });
  await setup.getByRole('checkbox', { name: 'Create a mapping for Non-VAT Withholding Tax 5%' }).uncheck();
  await setup.getByLabel('Your tax code for Zero rated 0%').fill('EX');
  await setup.getByRole('button', { name: 'Create 3 mappings' }).click();
  await expect(setup.getByText('"EX" is already used above')).toBeVisible();
  await setup.getByLabel('Your tax code for Zero rated 0%').fill('Z');
  await setup.getByRole('button', { name: 'Create 3 mappings' }).click();
  await expect(setup.getByRole('status').filter({ hasText: '3 mappings created' })).toBeVisible();
  const taxTable = taxes.getByRole('table', { name: 'Your tax codes and the device taxes they are mapped to' });
  await expect(rowOf(taxTable, 'Z')).toContainText('Zero rated 0%');

  // Another till deletes "EX" behind this screen's back.
  const other = new FhTestClient(address, DEMO_CREDENTIALS['new-device']);
  const listed = await other.json<{ Id: number; TaxCode: string }[]>('GET', '/taxmapping');
  const ex = listed.body.find((m) => m.TaxCode === 'EX');
  expect(ex).toBeDefined();
  expect((await other.request('DELETE', `/taxmapping/${ex?.Id}`)).status).toBe(200);

  await rowOf(taxTable, 'EX').getByRole('button', { name: 'Edit EX' }).click();
  const form = taxes.getByRole('region', { name: 'Edit tax mapping "EX"' });
  await form.getByLabel('Your name for it (optional)').fill('Exempt goods');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const gone = taxes.getByRole('alert').filter({ hasText: 'The tax mapping "EX" was deleted elsewhere' });
  await expect(gone).toContainText('The list has been refreshed');
  await expect(rowOf(taxTable, 'EX')).toHaveCount(0);
  await expect(setup.getByLabel('Your tax code for Exempt')).toHaveValue('EX');

  await open(page, 'Settings');
  // The radio is controlled by the saved setting: click, then wait for the theme to apply.
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await open(page, 'Mappings');
  await expect(rowOf(taxTable, 'Z')).toBeVisible();
  await expectNoAxeViolations(page, 'Mappings with data (dark)');
  await taxes.getByRole('button', { name: 'Add a tax mapping' }).click();
  await expectNoAxeViolations(page, 'Mappings with a form open (dark)');
});
