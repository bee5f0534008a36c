import type { Page } from '@playwright/test';

/** Goes to a screen the way a manager does: its link in the sidebar's main navigation. */
export async function open(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
}
