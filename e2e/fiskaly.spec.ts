import type { Page } from '@playwright/test';
import { startFiskalySimulator } from '../main/sandbox/fiskaly/fiskaly-simulator';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';

const apiKey = 'e2e_fiskaly_key_1';
const apiSecret = 'e2e_fiskaly_secret_1';

async function addFiskaly(page: Page, input: { name: string; product: string; address: string; secret: string; unit?: string }) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('region', { name: 'Add a connection' });
  await form.getByRole('radio', { name: /fiskaly/ }).check();
  await form.getByLabel('Name', { exact: true }).fill(input.name);
  await form.getByLabel('Product').selectOption({ label: input.product });
  await form.getByRole('radio', { name: 'Test', exact: true }).check();
  await form.getByLabel('Service address (optional)').fill(input.address);
  if (input.unit !== undefined) await form.getByLabel('Organisation unit id (optional)').fill(input.unit);
  await form.getByLabel('API key', { exact: true }).fill(apiKey);
  await form.getByLabel('API secret', { exact: true }).fill(input.secret);
  await form.getByRole('button', { name: 'Save and test' }).click();
  return page.getByRole('article', { name: input.name });
}

test('a fiskaly connection signs in against the simulator and shows its token state', async ({ app }) => {
  const simulator = await startFiskalySimulator({ credentials: [{ apiKey, apiSecret }] });
  try {
    const { page } = app;
    const card = await addFiskaly(page, { name: 'Berlin store', product: 'SIGN DE (Germany)', address: simulator.baseUrl, secret: apiSecret });
    await expect(card.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible();
    await expect(card.getByText('Signed in', { exact: true })).toBeVisible();
    await expect(card.locator('dt:text-is("Access expires") + dd')).not.toHaveText('—');
    await expect(card.locator('dt:text-is("Refresh expires") + dd')).not.toHaveText('—');
    expect(simulator.counters.auth).toBe(1);
    await expectNoAxeViolations(page, 'Connections with a fiskaly profile');

    const italy = await addFiskaly(page, { name: 'Milano store', product: 'SIGN IT (Italy)', address: simulator.baseUrl, secret: apiSecret, unit: 'unit-42' });
    await expect(italy.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible();
    await expect(italy.locator('dt:text-is("Refresh expires") + dd')).toContainText('No refresh token');
  } finally {
    await simulator.close();
  }
});

test('a fiskaly connection with a wrong secret says what to check and stops trying', async ({ app }) => {
  const simulator = await startFiskalySimulator({ credentials: [{ apiKey, apiSecret }] });
  try {
    const { page } = app;
    const card = await addFiskaly(page, { name: 'Wien store', product: 'SIGN DE (Germany)', address: simulator.baseUrl, secret: 'wrong-secret-1' });
    await page.getByRole('dialog', { name: 'The test failed. Save this connection anyway?' }).getByRole('button', { name: 'Save anyway' }).click();
    await expect(card.getByRole('alert').filter({ hasText: 'Connection failed' })).toContainText('Wien store');
    await expect(card.getByText('Sign-in failed', { exact: true })).toBeVisible();
    await expect(card.getByRole('alert').filter({ hasText: 'fiskaly refused the sign-in' })).toContainText(/secret/i);
  } finally {
    await simulator.close();
  }
});

test('while a fiskaly connection is in use, the Fiscal Harmony screens explain it calmly and offer the switch back', async ({ app }) => {
  const simulator = await startFiskalySimulator({ credentials: [{ apiKey, apiSecret }] });
  try {
    const { page } = app;
    const card = await addFiskaly(page, { name: 'Berlin store', product: 'SIGN DE (Germany)', address: simulator.baseUrl, secret: apiSecret });
    await card.getByRole('button', { name: 'Use this connection now' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: /^fiskaly connection/ })).toBeVisible();
    for (const screen of ['Account', 'Fiscal device', 'Mappings']) {
      await nav.getByRole('link', { name: screen, exact: true }).click();
      const notice = page.getByRole('status').filter({ hasText: '"Berlin store" is a fiskaly connection' });
      await expect(notice).toContainText('it is signed in');
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Check again' })).toHaveCount(0);
    }
    await expectNoAxeViolations(page, 'Mappings with a fiskaly connection in use');
    await page.getByRole('button', { name: 'Switch to "Training (not fiscal)"' }).click();
    await expect(page.getByRole('region', { name: 'Tax mappings' })).toBeVisible();
  } finally {
    await simulator.close();
  }
});
