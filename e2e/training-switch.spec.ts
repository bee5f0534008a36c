import type { Page } from '@playwright/test';
import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { rpc } from './rpc';

// Issue 24, item 12: "Practise a failure" on the training banner. A manager makes the practice
// service lose the next invoice's answer, or stop answering, and brings it back to normal, with
// no admin route and no terminal. Documents go through the app's own API (the page's bridge).

async function send(page: Page, buyer: string): Promise<string> {
  const draft = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice({ buyer: { ...typedInvoice().buyer, name: buyer } }) });
  await rpc(page, 'documents:queue', { id: draft.id });
  return draft.id;
}

const stateOf = async (page: Page, id: string) => (await rpc<DocumentDetail>(page, 'documents:get', { id })).state;

test('Practise a failure: the next invoice fails and needs attention, the service stops answering, then back to normal', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await open(page, 'Home');
  const banner = page.getByRole('note', { name: 'Training mode' });
  await banner.getByText('Practise a failure', { exact: true }).click();
  const practice = banner.getByRole('group', { name: 'Practise a failure' });
  const now = practice.getByRole('status');
  await expect(now).toHaveText('Now: the practice service works normally.');
  await expect(practice.getByRole('button', { name: 'Back to normal' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'Home with Practise a failure open (light)');

  // The next invoice arrives but its answer is lost: the retry finds it already fiscalised.
  await practice.getByRole('button', { name: 'Make the next invoice fail' }).click();
  await expect(practice.getByRole('button', { name: 'Make the next invoice fail' })).toHaveAttribute('aria-pressed', 'true');
  await expect(now).toContainText('the next invoice you send arrives, but its answer is lost');
  const lost = await send(page, 'Practice Lost Answer');
  await expect.poll(() => stateOf(page, lost), { timeout: 90_000 }).toBe('needs-attention');
  // One invoice only: the next one is fiscalised.
  const after = await send(page, 'Practice After');
  await expect.poll(() => stateOf(page, after), { timeout: 60_000 }).toBe('fiscalised');

  // The service stops answering: what is sent waits.
  await practice.getByRole('button', { name: 'Make Fiscal Harmony stop answering' }).click();
  await expect(now).toContainText('does not answer at all');
  const waiting = await send(page, 'Practice Outage');
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id: waiting })).attempts, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await stateOf(page, waiting)).not.toBe('fiscalised');

  // Back to normal: the waiting invoice goes through.
  await practice.getByRole('button', { name: 'Back to normal' }).click();
  await expect(now).toHaveText('Now: the practice service works normally.');
  await rpc(page, 'outbox:retryNow');
  await expect.poll(() => stateOf(page, waiting), { timeout: 90_000 }).toBe('fiscalised');

  await open(page, 'Settings');
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(practice).toBeVisible();
  await expectNoAxeViolations(page, 'Practise a failure open (dark)');
});
