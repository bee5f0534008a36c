import { expect, type Locator, type Page } from '@playwright/test';

/** A document page's action under its "More" menu: the menu is opened, the choice returned (not chosen). */
export async function moreAction(page: Page, name: string): Promise<Locator> {
  const more = page.getByRole('button', { name: 'More' });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu).toBeVisible();
  return menu.getByRole('menuitem', { name, exact: true });
}

/** The service's PDF of a document page, in its tab. */
export async function showPdfTab(page: Page): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Document' }).getByRole('tab', { name: 'PDF' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}
