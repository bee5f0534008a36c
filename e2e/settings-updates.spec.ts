import { appVersion } from '../main/version';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';

const disabledReason = {
  // Browser mode has no updater at all; the Electron test run turns it off.
  browser: 'Updates are handled by the installed desktop app.',
  electron: 'Updates are turned off in test runs.',
};

test('Settings shows the installed version and why this run does not update itself', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const updates = page.getByRole('region', { name: 'Updates' });
  await expect(updates).toBeVisible();
  await expect(updates.getByRole('definition').filter({ hasText: appVersion })).toHaveText(appVersion);
  await expect(updates.getByRole('status')).toContainText(disabledReason[app.mode]);
  // No button that cannot work.
  await expect(updates.getByRole('button', { name: 'Check for updates' })).toHaveCount(0);
  await expect(updates.getByRole('button', { name: /Restart/ })).toHaveCount(0);
  await expect(updates.getByLabel('Update channel')).toHaveValue('latest');
  await expectNoAxeViolations(page, 'Settings with updates disabled');
});

test('the update channel chosen in Settings is kept across a restart', async ({ app }) => {
  let page = app.page;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Update channel').selectOption('beta');
  await expect(page.getByLabel('Update channel')).toHaveValue('beta');
  page = await app.restart();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Update channel')).toHaveValue('beta');
  await expect(page.getByRole('region', { name: 'Updates' }).getByRole('status')).toContainText(disabledReason[app.mode]);
});
