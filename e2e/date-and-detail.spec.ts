import type { Page } from '@playwright/test';
import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { moreAction, showPdfTab } from './detail-actions';
import { rpc } from './rpc';
import { open } from './screens';
import { openNewInvoice, tabTo } from './type-invoice';

// Issue 24, items 6 and 10: the date is "now" unless the manager backdates it in one day-first,
// 24-hour CAT field, and every time shown says CAT; a document's page has one primary action and
// the rest under "More", its facts (payment, reference, time), and the PDF in a tab.

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await open(page, 'Settings');
  await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

const idInAddress = (page: Page) => /#\/new-document\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? null;

test('the date is "Now (CAT)" in one Tab stop; Backdate… takes dd/mm/yyyy hh:mm (24-hour, CAT), refuses what is not a date, and every time shown says CAT', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openNewInvoice(page);
  const form = page.getByRole('form', { name: 'Invoice' });
  await expect(form.getByTestId('date-now')).toHaveText('Now (CAT)');
  // One Tab stop for the date: from Backdate… the next Tab is the currency.
  const backdate = form.getByRole('button', { name: 'Backdate…' });
  await tabTo(page, backdate, 40);
  await page.keyboard.press('Tab');
  await expect(form.getByRole('combobox', { name: 'Currency' })).toBeFocused();
  await expectNoAxeViolations(page, 'New invoice, date now (light)');

  // Backdating: one text field, day first and 24-hour, filled with the time now in CAT.
  await backdate.press('Enter');
  const field = form.getByRole('textbox', { name: 'Date and time (CAT)' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(field).toHaveAccessibleDescription(/dd\/mm\/yyyy hh:mm, 24-hour Zimbabwe time/);
  // No such day: refused in place, in words that say how to type it.
  await field.fill('31/02/2026 10:00');
  await field.press('Tab');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('This is not a date and time. Type it as dd/mm/yyyy hh:mm, 24-hour, e.g. 03/12/2026 14:30.')).toBeVisible();
  await field.fill('01/12/2026 09:15');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('combobox', { name: 'Name' }).fill('Rudo Mapfumo');
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toContainText(/Draft saved \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CAT/, { timeout: 5_000 });
  await expect.poll(() => idInAddress(page)).not.toBeNull();
  const id = idInAddress(page)!;
  // Saved as the CAT wall clock typed, whatever this computer's time zone.
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id })).draft.date).toBe('2026-12-01T09:15:00+02:00');
  await useTheme(page, 'dark');
  await page.evaluate(`location.hash = '#/new-document/${id}'`);
  // Reopened, the backdated field shows the date as typed.
  await expect(page.getByRole('textbox', { name: 'Date and time (CAT)' })).toHaveValue('01/12/2026 09:15');
  await expectNoAxeViolations(page, 'New invoice, backdated (dark)');

  // Shown with its time in CAT on the list, the document's page and its timeline.
  await open(page, 'Documents');
  const row = page.locator(`[data-document-id="${id}"]`);
  // (A draft is listed by when it was saved; its time says CAT.)
  await expect(row).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}\s*\d{2}:\d{2} CAT/);
  await row.getByRole('link', { name: 'Draft' }).click();
  const facts = page.getByRole('region', { name: 'Invoice', exact: true });
  await expect(facts.getByRole('definition').first()).toHaveText('1 Dec 2026, 09:15 CAT');
  for (const time of await page.getByRole('region', { name: 'What happened' }).locator('time').allInnerTexts()) expect(time).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CAT$/);

  // "Use now" goes back to now: the draft's date is empty again (the moment it is queued).
  await page.evaluate(`location.hash = '#/new-document/${id}'`);
  await page.getByRole('button', { name: 'Use now' }).click();
  await expect(page.getByTestId('date-now')).toHaveText('Now (CAT)');
  await expect(page.getByRole('button', { name: 'Backdate…' })).toBeFocused();
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id })).draft.date, { timeout: 5_000 }).toBe('');
});

test('a fiscalised invoice\'s page: the state said once, one primary action and the rest under a keyboard menu, payment, reference and time, the PDF in a tab; a credit note is titled so', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const saved = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice({ reference: 'PO-7731', paymentMethod: 'MobileWallet' }) });
  await rpc(page, 'documents:queue', { id: saved.id });
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id: saved.id })).state, { timeout: 30_000 }).toBe('fiscalised');
  const invoice = await rpc<DocumentDetail>(page, 'documents:get', { id: saved.id });
  await open(page, 'Documents');
  await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: invoice.number! }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();

  // The state in words once, not "Fiscalised Fiscalised".
  await expect(page.getByTestId('detail-state')).toHaveText('Fiscalised');
  await expect(page.getByRole('main')).not.toContainText('Fiscalised Fiscalised');

  // Payment, reference and time; nothing about crediting on an invoice.
  const facts = page.getByRole('region', { name: 'Invoice', exact: true });
  await expect(facts).toContainText('Mobile wallet');
  await expect(facts).toContainText('PO-7731');
  await expect(facts.getByRole('definition').first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CAT$/);
  await expect(page.getByRole('main')).not.toContainText('Credits invoice');

  // One primary action; the others under "More", a menu worked from the keyboard.
  const actions = page.locator('.detail-actions');
  await expect(actions.locator('.button--primary')).toHaveCount(1);
  await expect(actions.locator('.button--primary')).toHaveText('Print A4 invoice');
  const more = page.getByRole('button', { name: 'More' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem')).toHaveText(['Print 80 mm receipt', 'Create a credit note', 'Verify at ZIMRA']);
  await expect(menu.getByRole('menuitem', { name: 'Print 80 mm receipt' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Create a credit note' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Verify at ZIMRA' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Print 80 mm receipt' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Verify at ZIMRA' })).toBeFocused();
  await expectNoAxeViolations(page, 'Document page with its menu open (light)');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  // Details and PDF are tabs: the arrow keys move between them, the PDF is drawn in its panel.
  const tabs = page.getByRole('tablist', { name: 'Document' });
  const details = tabs.getByRole('tab', { name: 'Details' });
  await expect(details).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Fiscal data' })).toBeVisible();
  await details.focus();
  await page.keyboard.press('ArrowRight');
  const pdfTab = tabs.getByRole('tab', { name: 'PDF' });
  await expect(pdfTab).toBeFocused();
  await expect(pdfTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'PDF' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Fiscal data' })).toBeHidden();
  await expect(page.getByRole('img', { name: /^PDF of .*, page 1 of \d+$/ })).toHaveAttribute('data-rendered-page', '1', { timeout: 20_000 });
  await expect(page.locator('.loading')).toHaveCount(0);
  await useTheme(page, 'dark');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await showPdfTab(page);
  await expect(page.getByRole('img', { name: /^PDF of .*, page 1 of \d+$/ })).toHaveAttribute('data-rendered-page', '1', { timeout: 20_000 });
  await expect(page.locator('.loading')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Document page, PDF tab (dark)');

  // A credit note from the menu: its screen says so, also when its draft is opened again later.
  await (await moreAction(page, 'Create a credit note')).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New credit note' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Reason' }).fill('Goods returned');
  await expect.poll(() => idInAddress(page), { timeout: 5_000 }).not.toBeNull();
  const creditId = idInAddress(page)!;
  await open(page, 'Home');
  await page.evaluate(`location.hash = '#/new-document/${creditId}'`);
  await expect(page.getByRole('heading', { level: 1, name: 'New credit note' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Credit note' })).toBeVisible();
});
