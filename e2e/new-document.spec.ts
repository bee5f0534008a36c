import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../main/sandbox/demo-accounts';
import { FhTestClient } from '../main/sandbox/test-support/fh-test-client';
import { draftFigures } from '../shared/domain/fiscal-harmony/draft-figures';
import { formatMoney } from '../shared/domain/money';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { setFaults, trainingAddress } from './training-sandbox';
import { line, openNewInvoice, pasteLines, tabTo, typeLine, typeLines, type TypedLine } from './type-invoice';

// Invoice and credit-note entry on the training sandbox, in real Chromium: typed with the
// keyboard, checked before sending, fiscalised by the sandbox, credited, fixed and re-sent.

const VERIFICATION_CODE = /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/;

const state = (page: Page) => page.getByTestId('document-state');

test('a 3-line invoice typed with the keyboard alone is fiscalised; a credit note from it too; one above what remains is stopped in place', async ({ app }, testInfo) => {
  test.setTimeout(150_000);
  const { page } = app;
  await openNewInvoice(page);
  await expectNoAxeViolations(page, 'the empty invoice form (light)');

  // Keyboard only from here: the buyer, then the document, then the lines.
  await page.getByRole('combobox', { name: 'Name' }).focus();
  await page.keyboard.type('Tendai');
  await expect(page.getByText('Sent as "Cash Tendai"')).toBeVisible();
  await tabTo(page, line(page, 1, 'description'));
  const lines: TypedLine[] = [
    ['Cement 50 kg', '2', '12.50', '', 'VAT15', '25232900'],
    ['Nails 3 inch', '1.5', '4.20', '', 'VAT15', '73170000'],
    ['Delivery', '1', '10', '', 'ZR', '99999999'],
  ];
  await typeLines(page, lines);

  // The screen's totals are the shared arithmetic's, to the cent.
  const expected = draftFigures(
    { taxInclusive: true, lines: lines.map(([description, quantity, unitAmount, discountAmount, taxCode, hsCode]) => ({ description, quantity, unitAmount, discountAmount, taxCode, hsCode })) },
    (code) => ({ VAT15: '15.5', ZR: '0' })[code],
  ).totals;
  expect(expected).not.toBeNull();
  await expect(page.getByTestId('total')).toHaveText(`USD ${formatMoney(expected!.total)}`);
  await expect(page.getByTestId('total-tax')).toHaveText(`USD ${formatMoney(expected!.totalTax)}`);
  await expect(page.getByRole('status').filter({ hasText: 'Ready to send' })).toBeVisible();
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole('region', { name: 'Lines' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`invoice-${width}x${height}.png`) });
    await testInfo.attach(`invoice at ${width}x${height}`, { path: testInfo.outputPath(`invoice-${width}x${height}.png`), contentType: 'image/png' });
  }

  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(state(page)).toHaveText(/Waiting|Sending|Fiscalised/);
  await expect(state(page)).toHaveText('Fiscalised', { timeout: 30_000 });
  await expect(page.getByTestId('verification-code')).toHaveText(VERIFICATION_CODE);
  const invoiceNumber = ((await page.getByRole('heading', { level: 2, name: /^Invoice / }).textContent()) ?? '').match(/INV-[0-9A-Z]{4}-\d+/)?.[0];
  expect(invoiceNumber).toBeDefined();

  // A credit note from it: lines prefilled, one bag of cement back.
  await page.getByRole('link', { name: 'Make a credit note' }).click();
  const creditForm = page.getByRole('form', { name: 'Credit note' });
  await expect(creditForm).toBeVisible();
  await expect(page.getByTestId('credit-remaining')).toHaveText(`remaining USD ${formatMoney(expected!.total)}`);
  await expectNoAxeViolations(page, 'the credit note form');
  // The buyer is the invoice's: shown, not editable.
  await expect(creditForm.getByRole('combobox', { name: 'Name' })).toHaveValue('Tendai');
  await expect(creditForm.getByRole('combobox', { name: 'Name' })).toBeDisabled();
  await expect(creditForm.getByRole('group', { name: 'Buyer' })).toContainText("The invoice's buyer");
  await page.getByLabel('Reason').fill('One bag returned');
  await line(page, 1, 'quantity').fill('1');
  await page.getByRole('button', { name: 'Remove line 3' }).click();
  await page.getByRole('button', { name: 'Remove line 2' }).click();
  await expect(page.getByTestId('total')).toHaveText('USD 12.50');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(state(page)).toHaveText('Fiscalised', { timeout: 30_000 });
  await expect(page.getByTestId('verification-code')).toHaveText(VERIFICATION_CODE);
  // Its receipt, printed from here, names the invoice it credits and why.
  await page.getByRole('link', { name: 'Print 80 mm receipt' }).click();
  const receipt = page.getByRole('article', { name: '80 mm receipt' });
  await expect(receipt).toContainText(`Credited invoice No: ${invoiceNumber}`);
  await expect(receipt).toContainText('Reason: One bag returned');
  await expect(receipt).toContainText('FISCAL CREDIT NOTE');
  await page.goBack();

  // A second credit note for the whole invoice is more than what remains: stopped in place.
  await page.getByRole('link', { name: 'New credit note', exact: true }).click();
  await page.getByLabel('Invoice number or buyer').fill('Tendai');
  await page.getByRole('link', { name: /^Credit invoice/ }).first().click();
  await expect(creditForm).toBeVisible();
  await page.getByLabel('Reason').fill('Everything returned');
  await page.keyboard.press('ControlOrMeta+Enter');
  const problems = page.getByRole('region', { name: /to fix before sending/ });
  await expect(problems).toContainText('more than what remains creditable');
  await expect(page.locator('[data-field-error="lines"]')).toContainText(/This credit note \(\d+\.\d\d\) is more than what remains creditable on the invoice \(\d+\.\d\d\)/);
  await expect(state(page)).toHaveCount(0);
});

test('an invoice with an unmapped tax code is stopped before sending, with the problem on the line', async ({ app }) => {
  const { page } = app;
  await openNewInvoice(page);
  await page.getByRole('button', { name: 'Walk-in cash sale' }).click();
  await line(page, 1, 'description').focus();
  await typeLine(page, ['Bread', '3', '1.15', '', 'XX', '19059000'], true);
  await page.keyboard.press('ControlOrMeta+Enter');
  const row = page.getByRole('row').filter({ has: line(page, 1, 'tax code') });
  await expect(row.getByText('Tax code "XX" on line 1 has no tax mapping')).toBeVisible();
  await expect(line(page, 1, 'tax code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('region', { name: /One thing to fix before sending/ })).toBeVisible();
  await expect(state(page)).toHaveCount(0);
  await expect(page.getByTestId('outbox-queued')).toHaveText('0');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('html').evaluate((html) => html.setAttribute('data-theme', 'dark'));
  await expectNoAxeViolations(page, 'the invoice form with a problem (dark)');
  await page.setViewportSize({ width: 900, height: 600 });
  const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(overflow, 'the form fits a 900x600 window without sideways scrolling').toBeLessThanOrEqual(0);
});

test('a half-typed draft survives a restart of the app', async ({ app }) => {
  let page = app.page;
  await openNewInvoice(page);
  await page.getByRole('combobox', { name: 'Name' }).fill('Rudo Mapfumo');
  await line(page, 1, 'description').fill('Paint 5 l');
  await line(page, 1, 'quantity').fill('2.');
  // Saved within a second of the last keystroke (the status says so only when nothing is left unsaved).
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible({ timeout: 1_500 });

  page = await app.restart();
  await openNewInvoice(page);
  const drafts = page.getByRole('region', { name: 'Unfinished documents' });
  await drafts.getByRole('link', { name: /Continue Invoice for Rudo Mapfumo/ }).click();
  await expect(page.getByRole('combobox', { name: 'Name' })).toHaveValue('Rudo Mapfumo');
  await expect(line(page, 1, 'description')).toHaveValue('Paint 5 l');
  await expect(line(page, 1, 'quantity')).toHaveValue('2.');
});

test('an actionable refusal is fixed and sent again, and becomes fiscalised', async ({ app }) => {
  const { page } = app;
  const address = await trainingAddress(page);
  const sandbox = new FhTestClient(address, DEMO_CREDENTIALS.shop);
  // A tax code the app knows as mapped, whose mapping is removed while the invoice is on its way.
  const created = await sandbox.json<{ Id: number }>('POST', '/taxmapping', { TaxCode: 'TMP', TaxName: 'Temporary', DestinationTaxId: 517 });
  expect(created.status).toBe(200);
  await open(page, 'Mappings');
  await expect(page.getByRole('rowheader', { name: 'TMP', exact: true })).toBeVisible();
  await setFaults(address, { slowProcessingRate: 1, slowProcessingDelayMs: 3000, paths: ['/invoice'] });

  await openNewInvoice(page);
  await page.getByRole('button', { name: 'Walk-in cash sale' }).click();
  await line(page, 1, 'description').focus();
  await typeLine(page, ['Cooking oil 2 l', '2', '4.60', '', 'TMP', '15079000'], true);
  await expect(page.getByRole('status').filter({ hasText: 'Ready to send' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(state(page)).toHaveText(/Waiting|Sending/, { timeout: 15_000 });
  expect((await sandbox.request('DELETE', `/taxmapping/${created.body.Id}`)).status).toBe(200);
  await setFaults(address, null);

  // Refused as actionable: the document opens in the form, the service's reason on top, its field marked.
  await expect(page.getByRole('alert').filter({ hasText: 'Fiscal Harmony refused this invoice' })).toContainText('Tax code "TMP" on line 1 has no tax mapping', { timeout: 30_000 });
  await expect(line(page, 1, 'tax code')).toHaveAttribute('aria-invalid', 'true');
  await line(page, 1, 'tax code').fill('VAT15');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(state(page)).toHaveText('Fiscalised', { timeout: 30_000 });
  await expect(page.getByTestId('verification-code')).toHaveText(VERIFICATION_CODE);
});

test('rows copied from a spreadsheet fill the lines, and Ctrl+D, Ctrl+Shift+K copy and remove a line', async ({ app }) => {
  const { page } = app;
  await openNewInvoice(page);
  await pasteLines(page, [
    ['Cement 50 kg', '2', '12.50', '', 'VAT15', '25232900'],
    ['Nails 3 inch', '1.5', '4.20', '', 'VAT15', '73170000'],
    ['Delivery', '1', '10', '', 'ZR', '99999999'],
  ]);
  await expect(line(page, 3, 'hs code')).toHaveValue('99999999');
  await expect(line(page, 2, 'quantity')).toHaveValue('1.5');
  await expect(page.getByTestId('total')).toHaveText('USD 41.30');

  await line(page, 2, 'description').focus();
  await page.keyboard.press('ControlOrMeta+D');
  await expect(line(page, 3, 'description')).toHaveValue('Nails 3 inch');
  await expect(line(page, 3, 'description')).toBeFocused();
  await expect(page.getByTestId('total')).toHaveText('USD 47.60');
  await page.keyboard.press('ControlOrMeta+Shift+K');
  await expect(line(page, 4, 'description')).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText('USD 41.30');
});
