import type { Page } from '@playwright/test';
import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { forgetTrainingDocuments, setFaults, trainingAddress } from './training-sandbox';
import { rpc } from './rpc';

// A document whose answer was lost after the training sandbox received it needs attention (the
// retry is told "Already fiscalised"). The detail page gives the manager each way through.

async function sendInvoice(page: Page, buyer: string): Promise<string> {
  const draft = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice({ buyer: { ...typedInvoice().buyer, name: buyer } }) });
  await rpc(page, 'documents:queue', { id: draft.id });
  return draft.id;
}

const detailOf = (page: Page, id: string) => rpc<DocumentDetail>(page, 'documents:get', { id });

/** An invoice whose answer is lost after the sandbox received it; its retry is told "Already fiscalised". */
async function lostAnswer(page: Page, address: string, buyer: string): Promise<string> {
  await setFaults(address, { dropRate: 1, faultsAfterReceipt: true, paths: ['/invoice'] });
  const id = await sendInvoice(page, buyer);
  await expect.poll(async () => (await detailOf(page, id)).isRetry, { timeout: 30_000 }).toBe(true);
  await setFaults(address, null);
  await expect.poll(async () => (await settledState(page, id)), { timeout: 60_000, intervals: [500] }).toBe('needs-attention');
  return id;
}

/** The document's state after "Try now" (so the test waits for no back-off or poll schedule). */
async function settledState(page: Page, id: string): Promise<DocumentDetail['state']> {
  await rpc(page, 'outbox:retryNow');
  return (await detailOf(page, id)).state;
}

async function showDocument(page: Page, id: string): Promise<void> {
  await open(page, 'Documents');
  await page.evaluate(`location.hash = '#/documents/${id}'`);
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice / })).toBeVisible();
}

test('a document that needs attention after a lost answer: check with Fiscal Harmony, found in the portal, it never arrived', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  const address = await trainingAddress(page);
  // One at a time: documents leave in date order, so a later one would wait behind the first one's retries.
  const [checked, confirmed, lost] = [await lostAnswer(page, address, 'Checked Traders'), await lostAnswer(page, address, 'Portal Traders'), await lostAnswer(page, address, 'Lost Traders')];

  const state = page.getByRole('region', { name: /Needs your attention/ });
  const ways = page.getByRole('region', { name: 'Find out what happened to this invoice' });
  const timeline = page.getByRole('region', { name: 'What happened', exact: true });
  const news = ways.getByRole('status');

  // 1. Asked again: the service still says it had it; "It never arrived" is not offered.
  await showDocument(page, checked);
  await expect(state).toContainText('Training has no portal');
  await expect(ways.getByRole('button', { name: /It never arrived/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'A document that needs attention (light)');
  await ways.getByRole('button', { name: 'Check with Fiscal Harmony' }).click();
  await expect(news).toHaveText(/still says it had this invoice from an earlier attempt/);
  await expect(timeline).toContainText('Checked with Fiscal Harmony: it still says it had this document from an earlier attempt ("Already fiscalised")');
  await expect(ways.getByRole('button', { name: /It never arrived/ })).toHaveCount(0);
  expect((await detailOf(page, checked)).state).toBe('needs-attention');

  // 2. Found in the portal: a code that is not ZIMRA's is refused in place, then the right one completes it on the manager's word.
  await showDocument(page, confirmed);
  await ways.getByRole('button', { name: 'I found it in the portal' }).click();
  const found = ways.getByLabel('Verification code or QR address');
  await found.fill('1234-5678');
  await ways.getByRole('button', { name: 'Mark as fiscalised' }).click();
  await expect(found).toHaveAccessibleDescription(/This is not a verification code/);
  await expectNoAxeViolations(page, 'The portal code refused in place');
  expect((await detailOf(page, confirmed)).state).toBe('needs-attention');
  await found.fill('4c8f-2a1b-9d3e-7f60');
  await ways.getByRole('button', { name: 'Mark as fiscalised' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Fiscalised \(confirmed by the manager from the portal\)/ })).toBeVisible();
  await expect(page.getByText('Fiscal Harmony did not send this result to Fiscal Desk', { exact: false })).toBeVisible();
  await expect(timeline).toContainText('Fiscalised: confirmed by the manager from the Fiscal Harmony portal: verification code 4C8F-2A1B-9D3E-7F60');
  await expect(ways).toHaveCount(0);
  expect(await detailOf(page, confirmed)).toMatchObject({ state: 'fiscalised', verificationCode: '4C8F-2A1B-9D3E-7F60', confirmedFromPortal: true });

  // 3. The service forgot it (as after its 7-day window): a check finds nothing, and only then is "It never arrived" offered.
  await forgetTrainingDocuments(address);
  await showDocument(page, lost);
  await expect(ways.getByRole('button', { name: /It never arrived/ })).toHaveCount(0);
  await ways.getByRole('button', { name: 'Check with Fiscal Harmony' }).click();
  await expect(news).toHaveText(/knows none of the requests this invoice was sent with/);
  await expect(timeline).toContainText('Checked with Fiscal Harmony: it knows none of the requests this document was sent with');
  const number = (await detailOf(page, lost)).number;
  await ways.getByRole('button', { name: 'It never arrived: send it again' }).click();
  await expect.poll(async () => (await settledState(page, lost)), { timeout: 60_000, intervals: [500] }).toBe('fiscalised');
  const done = await detailOf(page, lost);
  expect(done).toMatchObject({ number, confirmedFromPortal: false });
  expect(done.qr?.verificationCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await expect(timeline).toContainText('The manager said it never arrived: it is sent again as a retry of the same document');
  await expect(timeline).toContainText('(sent as a retry)');

  await open(page, 'Settings');
  await page.getByRole('radio', { name: 'Dark' }).click();
  await showDocument(page, checked);
  await ways.getByRole('button', { name: 'I found it in the portal' }).click();
  await expectNoAxeViolations(page, 'A document that needs attention (dark)');
});
