import type { Locator, Page } from '@playwright/test';
import { open } from './screens';

/** Adds a Fiscal Harmony connection at a custom address the way a manager does (Connections, Add a connection); answers its card. */
export async function addFiscalHarmonyConnection(page: Page, input: { name: string; address: string; apiKey: string; apiSecret: string }): Promise<Locator> {
  await open(page, 'Connections');
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('region', { name: 'Add a connection' });
  await form.getByLabel('Name', { exact: true }).fill(input.name);
  await form.getByRole('radio', { name: 'Custom address' }).check();
  await form.getByLabel('Service address').fill(input.address);
  await form.getByLabel('Application name').fill('FiscalDesk');
  await form.getByLabel('API key', { exact: true }).fill(input.apiKey);
  await form.getByLabel('API secret', { exact: true }).fill(input.apiSecret);
  await form.getByRole('button', { name: 'Save and test' }).click();
  return page.getByRole('article', { name: input.name });
}
