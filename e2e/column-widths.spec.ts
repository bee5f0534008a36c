import type { Page } from '@playwright/test';
import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice, typedLine } from '../main/test-support/sample-drafts';
import { expect, test } from './fixtures';
import { open } from './screens';
import { rpc } from './rpc';
import { openNewInvoice } from './type-invoice';

// Issue 24, item 12: at 1366x768 every column of the lines table and of the documents list is
// wide enough for its heading and its content ("Quantity"/"Unit price" ran together, "VAT15"
// was cut). Measured in real Chromium: a cut text is wider (scrollWidth) than its box.

/** The texts under `selector` that do not fit their box, with how much they need. */
async function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((element) => element.scrollWidth > element.clientWidth + 1)
    .map((element) => (element.value || element.textContent).trim() + ': needs ' + element.scrollWidth + ' px, has ' + element.clientWidth)`);
}

test('the lines table and the documents list fit their headings and content at 1366x768', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });

  await openNewInvoice(page);
  const row = page.locator('.lines__table tbody tr').first();
  for (const [column, text] of [['description', 'Cooking oil 2 l'], ['quantity', '1250.5'], ['unitAmount', '12345.67'], ['discountAmount', '100.00'], ['taxCode', 'VAT15'], ['hsCode', '15079000']] as const) {
    await row.locator(`.lines__${column} input`).first().fill(text);
  }
  await page.keyboard.press('Escape');
  await expect(row.locator('.lines__amount-value')).toHaveText('15,438,160.34');
  expect(await cutTexts(page, '.lines__table th')).toEqual([]);
  expect(await cutTexts(page, '.lines__table tbody tr:first-child input, .lines__amount-value')).toEqual([]);

  // A credit note of a large invoice: its negative total, its number and kind in the list.
  const buyer = { ...typedInvoice().buyer, name: 'Large Order Wholesalers' };
  const draft = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice({ buyer, currency: 'ZWG', lines: [typedLine({ quantity: '1000', unitAmount: '12345.67' })] }) });
  await rpc(page, 'documents:queue', { id: draft.id });
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id: draft.id })).state, { timeout: 60_000 }).toBe('fiscalised');
  const credit = await rpc<DocumentDetail>(page, 'documents:saveDraft', {
    draft: typedInvoice({ kind: 'credit-note', buyer, currency: 'ZWG', originalInvoiceId: draft.id, reference: 'Returned', lines: [typedLine({ quantity: '1000', unitAmount: '12345.67' })] }),
  });
  await rpc(page, 'documents:queue', { id: credit.id });
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id: credit.id })).state, { timeout: 60_000 }).toBe('fiscalised');
  await open(page, 'Documents');
  await expect(page.locator(`[data-document-id="${credit.id}"] .num`)).toHaveText('ZWG -12,345,670.00');
  expect(await cutTexts(page, '.doc-list [role="columnheader"], .doc-list [role="cell"], .doc-list [role="cell"] > *')).toEqual([]);
});
