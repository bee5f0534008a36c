import type { Page } from '@playwright/test';
import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { setFaults, trainingAddress } from './training-sandbox';
import { rpc } from './rpc';

// Every request to the training service fails: one banner says so, with when it is tried next and
// Try now, in training's words; nothing says documents are fiscalised, and Getting started keeps its ticks.

async function sendInvoice(page: Page, buyer: string): Promise<string> {
  const draft = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice({ buyer: { ...typedInvoice().buyer, name: buyer } }) });
  await rpc(page, 'documents:queue', { id: draft.id });
  return draft.id;
}

const stateOf = async (page: Page, id: string) => (await rpc<DocumentDetail>(page, 'documents:get', { id })).state;

test('with every request failing: one banner "isn\'t answering — retrying in N s" with Try now, training words, the checklist unchanged', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const first = await sendInvoice(page, 'Before The Outage');
  await expect.poll(() => stateOf(page, first), { timeout: 30_000 }).toBe('fiscalised');
  await open(page, 'Home');
  const checklist = page.getByRole('region', { name: 'Getting started' });
  await expect(checklist).toContainText('4 of 5 steps done');
  const ticked = await checklist.getByRole('heading', { level: 3, name: /\(done\)$/ }).allTextContents();

  const address = await trainingAddress(page);
  await setFaults(address, { dropRate: 1 });
  const waiting = await sendInvoice(page, 'During The Outage');
  await open(page, 'Home');
  await page.getByRole('button', { name: 'Check again' }).click();

  const banner = page.getByRole('region', { name: /^Fiscal Harmony isn.t answering/ });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner.getByRole('heading')).toHaveText(/^Fiscal Harmony isn.t answering — retrying in \d+ s$/, { timeout: 30_000 });
  await expect(banner).toContainText('The training service on this computer isn\u2019t answering');
  await expect(banner.getByRole('button', { name: 'Try now' })).toBeVisible();
  // Said once: no second Try now, no internet advice in training, nothing claims documents are fiscalised.
  await expect(page.getByRole('button', { name: 'Try now' })).toHaveCount(1);
  await expect(page.getByText(/internet/i)).toHaveCount(0);
  await expect(page.getByText(/Ready, with warnings|Documents sent.* are fiscalised/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'No answer from Fiscal Harmony' })).toContainText('cannot tell whether documents sent on "Training (not fiscal)" will be fiscalised');
  // A passing failure un-ticks nothing.
  await expect(checklist).toContainText('4 of 5 steps done');
  expect(await checklist.getByRole('heading', { level: 3, name: /\(done\)$/ }).allTextContents()).toEqual(ticked);
  await expectNoAxeViolations(page, 'Home while the training service is not answering (light)');

  // The countdown counts down to the outbox's next try.
  const seconds = async () => Number(/retrying in (\d+) s/.exec((await banner.getByRole('heading').textContent()) ?? '')?.[1] ?? 'NaN');
  const before = await seconds();
  await expect.poll(seconds, { timeout: 10_000 }).not.toBe(before);

  // Every screen says it the same way (here in dark).
  await open(page, 'Settings');
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(banner.getByRole('button', { name: 'Try now' })).toBeVisible();
  await expectNoAxeViolations(page, 'Settings while the training service is not answering (dark)');

  // Back: Try now sends what waited at once, and the banner goes.
  await setFaults(address, null);
  await banner.getByRole('button', { name: 'Try now' }).click();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => stateOf(page, waiting), { timeout: 30_000 }).toBe('fiscalised');
  await open(page, 'Home');
  await expect(checklist).toContainText('4 of 5 steps done');
});
