import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { line, openNewInvoice, typeLine, typeLines, type TypedLine } from './type-invoice';

// Invoice entry without traps, in real Chromium on the training sandbox: no silent Exempt on new
// lines (the standard rate from Settings, or an explicit choice), an unfinished draft offered after
// a restart, a known product's HS code filled in, prices suggested only in the invoice's currency.

const state = (page: Page) => page.getByTestId('document-state');

async function darkTheme(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('html').evaluate((html) => html.setAttribute('data-theme', 'dark'));
}

async function lightTheme(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator('html').evaluate((html) => html.setAttribute('data-theme', 'light'));
}

/** An invoice typed on the New invoice screen and sent, until the sandbox has fiscalised it. */
async function fiscaliseInvoice(page: Page, buyer: string, lines: readonly TypedLine[]): Promise<void> {
  await openNewInvoice(page);
  await page.getByRole('combobox', { name: 'Name' }).fill(buyer);
  await line(page, 1, 'description').focus();
  await typeLines(page, lines);
  await expect(page.getByRole('status').filter({ hasText: 'Ready to send' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(state(page)).toHaveText('Fiscalised', { timeout: 30_000 });
}

test('a new line has no tax code until one is chosen, the check asks for it on the line, and the standard rate chosen in Settings starts every new line', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await openNewInvoice(page);
  // Not Exempt by default: nothing is chosen for the manager.
  await expect(line(page, 1, 'tax code')).toHaveValue('');
  await expect(page.getByTestId('no-standard-rate')).toContainText('choose it on every line');
  await page.getByRole('button', { name: 'Walk-in cash sale' }).click();
  await line(page, 1, 'description').focus();
  await typeLine(page, ['Bread', '3', '1.15', '', '', '19059000'], true);
  await page.keyboard.press('ControlOrMeta+Enter');
  const row = page.getByRole('row').filter({ has: line(page, 1, 'tax code') });
  await expect(row.getByText('Line 1 needs a tax code.')).toBeVisible();
  await expect(line(page, 1, 'tax code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('region', { name: 'One thing to fix before sending' })).toBeVisible();
  await expect(state(page)).toHaveCount(0);
  await expect(page.getByTestId('outbox-queued')).toHaveText('0');
  await expectNoAxeViolations(page, 'a line without a tax code, stopped (light)');

  // Settings: no standard rate yet, the device's 15.5% VAT code suggested; saved by the manager.
  await open(page, 'Settings');
  const section = page.getByRole('region', { name: 'Standard rate' });
  await expect(section).toContainText('No standard rate is set yet');
  await expect(section).toContainText('Your fiscal device suggests VAT15');
  const choice = section.getByLabel('Tax code of new lines');
  await expect(choice).toHaveValue('VAT15');
  await darkTheme(page);
  await expectNoAxeViolations(page, 'Settings with the standard rate (dark)');
  await lightTheme(page);
  await section.getByRole('button', { name: 'Save standard rate' }).click();
  // The form's own status (the notice above is a status too, until the rate is saved); a busy machine saves slowly.
  await expect(section.getByRole('form', { name: 'Standard rate' }).getByRole('status')).toHaveText('Saved', { timeout: 20_000 });
  await expect(section).not.toContainText('No standard rate is set yet');

  // A new invoice now starts with it, and each line added below too.
  await openNewInvoice(page);
  await expect(line(page, 1, 'tax code')).toHaveValue('VAT15');
  await expect(page.getByTestId('no-standard-rate')).toHaveCount(0);
  await page.getByRole('button', { name: 'Walk-in cash sale' }).click();
  await line(page, 1, 'description').focus();
  await page.keyboard.type('Cooking oil 2 l');
  await page.keyboard.press('Enter');
  await expect(line(page, 2, 'tax code')).toHaveValue('VAT15');
});

test('unfinished invoices and credit notes are offered on Home and New invoice after a restart, and Continue opens the newest', async ({ app }) => {
  test.setTimeout(120_000);
  let page = app.page;
  await fiscaliseInvoice(page, 'Tendai', [['Cement 50 kg', '2', '12.50', '', 'VAT15', '25232900']]);

  // A credit note started and left...
  await page.getByRole('link', { name: 'New credit note', exact: true }).click();
  await page.getByLabel('Invoice number or buyer').fill('Tendai');
  await page.getByRole('link', { name: /^Credit invoice/ }).first().click();
  await expect(page.getByRole('form', { name: 'Credit note' })).toBeVisible();
  await page.getByLabel('Reason').fill('One bag returned');
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible({ timeout: 5_000 });
  // ...then an invoice, the newest.
  await openNewInvoice(page);
  await page.getByRole('combobox', { name: 'Name' }).fill('Rudo Mapfumo');
  await line(page, 1, 'description').fill('Paint 5 l');
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible({ timeout: 5_000 });

  page = await app.restart();
  await open(page, 'Home');
  const banner = page.getByRole('region', { name: /^1 unfinished invoice and 1 credit note/ });
  await expect(banner).toBeVisible();
  await expectNoAxeViolations(page, 'Home with unfinished documents (light)');
  await darkTheme(page);
  await expectNoAxeViolations(page, 'Home with unfinished documents (dark)');
  await lightTheme(page);
  await banner.getByRole('link', { name: /^Continue/ }).click();
  await expect(page.getByRole('form', { name: 'Invoice' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Name' })).toHaveValue('Rudo Mapfumo');
  await expect(line(page, 1, 'description')).toHaveValue('Paint 5 l');

  // On a fresh New invoice the banner is there too; "See them all" goes to the list.
  await openNewInvoice(page);
  const again = page.getByRole('region', { name: /^1 unfinished invoice and 1 credit note/ });
  await expect(again).toBeVisible();
  await again.getByRole('button', { name: 'See them all' }).click();
  await expect(page.getByRole('heading', { name: 'Unfinished documents' })).toBeFocused();
  await expectNoAxeViolations(page, 'New invoice with unfinished documents (light)');

  // One left: the words follow.
  const drafts = page.getByRole('region', { name: 'Unfinished documents' });
  await drafts.getByRole('button', { name: /^Discard Invoice for Rudo Mapfumo/ }).click();
  await expect(page.getByRole('region', { name: /^1 unfinished credit note$/ })).toBeVisible();
});

test('a product sold before fills in its HS code, its USD price is not offered on a ZWG invoice, required columns are marked and "N to fix" goes to the first problem', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  await fiscaliseInvoice(page, 'Tendai', [['Cement 50 kg', '2', '12.50', '', 'VAT15', '25232900']]);

  await openNewInvoice(page);
  await expect(page.getByRole('columnheader', { name: 'HS code (required)' })).toBeAttached();
  await expect(page.getByRole('columnheader', { name: 'Tax code (required)' })).toBeAttached();
  await expect(page.getByRole('columnheader', { name: 'Discount', exact: true })).toBeAttached();
  await expect(line(page, 1, 'hs code')).toHaveAttribute('aria-required', 'true');
  await expect(line(page, 1, 'tax code')).toHaveAttribute('aria-required', 'true');

  await page.getByRole('button', { name: 'Walk-in cash sale' }).click();
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('ZWG');
  await line(page, 1, 'description').focus();
  await page.keyboard.type('Ceme');
  const option = page.getByRole('listbox', { name: 'Earlier lines' }).getByRole('option', { name: /Cement 50 kg/ });
  await expect(option).toContainText('HS 25232900 · VAT15');
  await expect(option).not.toContainText('12.50');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(line(page, 1, 'description')).toHaveValue('Cement 50 kg');
  await expect(line(page, 1, 'hs code')).toHaveValue('25232900');
  // No USD price carried into a ZWG invoice: the price is left to type.
  await expect(line(page, 1, 'unit price')).toHaveValue('');

  // Typed in full (not picked): the HS code it was sold with comes back.
  await page.keyboard.press('Enter');
  await expect(line(page, 2, 'description')).toBeFocused();
  await page.keyboard.type('cement 50 kg');
  await page.keyboard.press('Tab');
  await expect(line(page, 2, 'hs code')).toHaveValue('25232900');

  // "N to fix" is a button: the problems show, each said once, and the keyboard lands on the first.
  const toFix = page.getByRole('button', { name: /^\d+ to fix$/ });
  await expect(toFix).toBeVisible();
  await toFix.click();
  await expect(line(page, 1, 'unit price')).toBeFocused();
  const problems = page.getByRole('region', { name: /to fix before sending/ });
  await expect(problems).toContainText('Line 1 needs a unit price.');
  await expect(problems).not.toContainText('Line 1: Line 1');
  await expect(problems.getByRole('button', { name: 'Line 2 needs a quantity.' })).toBeVisible();
  await expectNoAxeViolations(page, 'the invoice form with its problems shown (light)');
  await darkTheme(page);
  await expectNoAxeViolations(page, 'the invoice form with its problems shown (dark)');
});
