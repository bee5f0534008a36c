import { expect, type Locator, type Page } from '@playwright/test';

// Entering an invoice in the New invoice form the way a manager does: typed with the keyboard, one
// line after another, or rows copied from a spreadsheet and pasted. Shared by the specs that
// enter documents through the screen.

/** One line as typed: description, quantity, unit price, discount, tax code, HS code. */
export type TypedLine = [description: string, quantity: string, unitPrice: string, discount: string, taxCode: string, hsCode: string];

export async function openNewInvoice(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New invoice', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New invoice' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Invoice' })).toBeVisible();
}

/** A line's field; the description and the tax code offer choices as you type (comboboxes). */
export const line = (page: Page, n: number, column: string): Locator =>
  page.getByRole(column === 'description' || column === 'tax code' ? 'combobox' : 'textbox', { name: `Line ${n} ${column}`, exact: true });

/** Presses Tab until the keyboard is on `target` (the form is walked the way a manager walks it). */
export async function tabTo(page: Page, target: Locator, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the field');
}

/** Types one line from its description field on; Enter opens the next line unless it is the last. */
export async function typeLine(page: Page, cells: TypedLine, last: boolean): Promise<void> {
  const [description, quantity, unit, discount, tax, hs] = cells;
  await page.keyboard.type(description);
  await page.keyboard.press('Tab');
  await page.keyboard.type(quantity);
  await page.keyboard.press('Tab');
  await page.keyboard.type(unit);
  await page.keyboard.press('Tab');
  if (discount !== '') await page.keyboard.type(discount);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(tax);
  await page.keyboard.press('Tab');
  await page.keyboard.type(hs);
  if (!last) await page.keyboard.press('Enter');
}

/** Types every line, starting with the keyboard on line 1's description. */
export async function typeLines(page: Page, lines: readonly TypedLine[]): Promise<void> {
  for (const [i, cells] of lines.entries()) await typeLine(page, cells, i === lines.length - 1);
}

/** Pastes the lines into line 1's description through the real clipboard, as rows copied from a spreadsheet (tab-separated). */
export async function pasteLines(page: Page, lines: readonly TypedLine[]): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const rows = lines.map((cells) => cells.join('\t')).join('\n');
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(rows)})`);
  await line(page, 1, 'description').focus();
  await page.keyboard.press('ControlOrMeta+V');
}
