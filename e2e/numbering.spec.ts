import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';

test('after a damaged journal and no numbering record, nothing is sent until the manager confirms the next numbers in Settings', async ({ app }) => {
  test.slow(); // a restart
  const journal = join(app.dataDirectory, 'journal.sqlite');
  const page = await app.restart(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(journal + suffix, { force: true });
    writeFileSync(journal, 'this is not a database '.repeat(400));
    rmSync(join(app.dataDirectory, 'numbering-watermark.json'), { force: true });
  });
  const notice = page.getByRole('alert').filter({ hasText: 'The documents journal could not be read' });
  await expect(notice).toContainText('nothing can be queued until you confirm the next numbers');

  await open(page, 'Settings');
  const numbering = page.getByRole('region', { name: 'Numbering' });
  await expect(numbering.getByRole('alert')).toContainText('Nothing can be sent until the next numbers are confirmed');
  await expectNoAxeViolations(page, 'Settings with the numbering to confirm (light)');
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoAxeViolations(page, 'Settings with the numbering to confirm (dark)');

  // Left empty, or not a number: said on the field, nothing saved.
  await numbering.getByRole('button', { name: 'Confirm the next numbers' }).click();
  await expect(numbering.getByLabel('Next invoice number')).toHaveAccessibleDescription(/Enter the next invoice number/);
  await numbering.getByLabel('Next invoice number').fill('forty');
  await numbering.getByLabel('Next credit note number').fill('3');
  await numbering.getByRole('button', { name: 'Confirm the next numbers' }).click();
  await expect(numbering.getByLabel('Next invoice number')).toHaveAccessibleDescription(/Type a whole number/);

  // The portal says INV...41 was the last one.
  await numbering.getByLabel('Next invoice number').fill('42');
  await numbering.getByLabel('Next invoice number').press('Enter');
  await expect(numbering.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(numbering.getByRole('alert')).toHaveCount(0);
  await expect(numbering.getByLabel('Invoice prefix')).toHaveAccessibleDescription(/^Next invoice: INV-[0-9A-Z]{4}-000042/);
  await expect(numbering.getByLabel('Credit note prefix')).toHaveAccessibleDescription(/^Next credit note: CN-[0-9A-Z]{4}-000003/);
  await expect(page.getByRole('alert').filter({ hasText: 'nothing can be queued until you confirm' })).toHaveCount(0);
});
