import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';

test('a documents journal that cannot be read is kept aside, and the manager is told where', async ({ app }) => {
  test.slow(); // a restart
  const journal = join(app.dataDirectory, 'journal.sqlite');
  // A damaged file (a disk fault, a copy taken mid-write) in place of the journal.
  const page = await app.restart(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(journal + suffix, { force: true });
    writeFileSync(journal, 'this is not a database '.repeat(400));
  });
  const notice = page.getByRole('alert').filter({ hasText: 'The documents journal could not be read' });
  await expect(notice).toContainText(`${journal}.unreadable-`);
  await expect(notice).toContainText('a new, empty journal was started');
  await expectNoAxeViolations(page, 'the journal notice');
  // The new journal works: a draft can be saved.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
});
