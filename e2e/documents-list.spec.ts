import type { Page } from '@playwright/test';
import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice, typedLine } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { rpc } from './rpc';

// Issue 24, items 4 and 12 on the Documents list: a credit note shows negative (as the totals
// count it), one match reads "1 document matches", and a From after To is refused in place.
// Issue 21: the address follows the search without a navigation per keystroke, and Back finds it.

async function fiscalise(page: Page, draft: ReturnType<typeof typedInvoice>): Promise<DocumentDetail> {
  const saved = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft });
  await rpc(page, 'documents:queue', { id: saved.id });
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id: saved.id })).state, { timeout: 60_000 }).toBe('fiscalised');
  return rpc<DocumentDetail>(page, 'documents:get', { id: saved.id });
}

/** A CAT calendar day, `YYYY-MM-DD`, `days` from today. */
const catDay = (days: number) => new Date(Date.now() + 2 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

test('credit notes negative, "1 document matches", and From after To refused in place', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const buyer = { ...typedInvoice().buyer, name: 'Nyasha Returns' };
  const invoice = await fiscalise(page, typedInvoice({ buyer }));
  const credit = await fiscalise(page, typedInvoice({ kind: 'credit-note', buyer, originalInvoiceId: invoice.id, reference: 'Returned: one bottle', lines: [typedLine({ quantity: '1' })] }));

  await open(page, 'Documents');
  const table = page.getByRole('table', { name: 'Documents' });
  const amountOf = (id: string) => table.locator(`[data-document-id="${id}"] [role="cell"].num`);
  await expect(amountOf(credit.id)).toHaveText(`USD -${credit.total}`);
  await expect(amountOf(invoice.id)).toHaveText(`USD ${invoice.total}`);
  await expect(page.getByTestId('documents-count')).toHaveText('2 documents');

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.pressSequentially(credit.number!);
  // Opened straight after typing (before the address follows by itself), Back still returns to the search.
  await table.getByRole('link', { name: credit.number! }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(credit.number!) })).toBeVisible();
  await page.goBack();
  await expect(search).toHaveValue(credit.number!);
  await expect(page.getByTestId('documents-count')).toHaveText('1 document matches');
  await search.fill('');

  // The filters may start folded in a small window.
  const toggle = page.getByRole('button', { name: /^Filters/ });
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  await to.fill(catDay(0));
  await expect(page.getByTestId('documents-count')).toHaveText('2 documents match');
  await from.fill(catDay(1));
  const refusal = page.getByRole('alert').filter({ hasText: '"From" must be on or before "To"' });
  await expect(refusal).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toHaveValue(catDay(1));
  // The list keeps the last range that made sense.
  await expect(page.getByTestId('documents-count')).toHaveText('2 documents match');
  expect(new URL(page.url().replace('#/', '')).searchParams.get('from')).toBeNull();
  await expectNoAxeViolations(page, 'Documents with From after To refused');

  await from.fill(catDay(-1));
  await expect(refusal).toHaveCount(0);
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('documents-count')).toHaveText('2 documents match');
});
