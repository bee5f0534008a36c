import { chromium } from '@playwright/test';
import { journalUpdatePage } from '../main/app/journal-update-page';
import { journalUpdateWindowOptions } from '../main/app/window-options';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';

// The page the desktop app's journal-update window shows while a journal of an earlier version
// is updated at start (main/app/journal-update-window.ts), in real Chromium at the window's size
// and with JavaScript off, as the window has it.

test('the journal-update window says how far the update is, readable in light and dark', async ({ mode, launchOptions }) => {
  test.skip(mode !== 'browser', 'The page alone, in Chromium: the same in both modes.');
  const options = journalUpdateWindowOptions('Fiscal Desk');
  expect(options.webPreferences?.javascript).toBe(false);
  const browser = await chromium.launch(launchOptions);
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: options.width!, height: options.height! }, colorScheme, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(journalUpdatePage({ percent: 40, step: 1, steps: 2 }));
      await expect(page.getByRole('heading', { name: 'Updating your documents (step 1 of 2)' })).toBeVisible();
      const bar = page.getByRole('progressbar', { name: 'Updating your documents' });
      await expect(bar).toHaveAttribute('value', '40');
      await expect(page.getByText('40% done')).toBeVisible();
      await expect(page.getByText('please keep the app open')).toBeVisible();
      // Fits the window: nothing to scroll to sideways or down.
      const overflow = await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.scrollHeight]');
      expect(overflow).toEqual([options.width, options.height]);
      await context.close();
      // axe runs as script: a context with JavaScript on, on the same page.
      const checked = await browser.newContext({ viewport: { width: options.width!, height: options.height! }, colorScheme });
      const axePage = await checked.newPage();
      await axePage.goto(journalUpdatePage({ percent: 40, step: 1, steps: 2 }));
      await expectNoAxeViolations(axePage, `the journal-update window (${colorScheme})`);
      await checked.close();
    }
  } finally {
    await browser.close();
  }
});
