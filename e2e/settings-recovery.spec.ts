import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';

async function stationId(page: Page): Promise<string> {
  await open(page, 'Connections');
  const id = page.getByRole('region', { name: 'This till' }).locator('dt:text-is("Station id") + dd');
  await expect(id).toHaveText(/\S+/);
  return (await id.textContent()) ?? '';
}

test('a settings file with bad values keeps the good ones, says what was lost and where the old file is', async ({ app }) => {
  test.slow(); // two restarts
  let page = app.page;
  const station = await stationId(page);

  // One bad value and a profile this version cannot read, as a newer version or a bad edit might leave.
  const settingsPath = join(app.dataDirectory, 'settings.json');
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as { connections: { profiles: unknown[] } } & Record<string, unknown>;
  const bad = { id: 'from-the-future', name: 'Shop from a newer version', kind: 'fiscal-harmony', environment: 'moon-base', customBaseUrl: null, applicationName: 'X' };
  writeFileSync(settingsPath, JSON.stringify({ ...settings, theme: 5, connections: { ...settings.connections, profiles: [...settings.connections.profiles, bad] } }));

  page = await app.restart();
  const notice = page.getByRole('region', { name: 'Your settings file could not be read as it was' });
  await expect(notice).toContainText('The connection "Shop from a newer version" was left out');
  await expect(notice).toContainText('The colour theme could not be read');
  await expect(notice.locator('code')).toContainText(`${settingsPath}.unreadable-`);
  await expectNoAxeViolations(page, 'the settings recovery notice');

  expect(await stationId(page)).toBe(station);
  await expect(page.getByRole('article', { name: 'Training (not fiscal)' })).toBeVisible();

  await notice.getByRole('button', { name: 'I have read this' }).click();
  await expect(notice).toHaveCount(0);
  page = await app.restart();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your settings file could not be read as it was' })).toHaveCount(0);
});
