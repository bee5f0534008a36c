import type { Page } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import type { DocumentPage } from '../shared/contract/documents';
import { asCsv, salesFile, type SalesFile } from '../main/services/import/test-support/sales-file';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { rpc } from './rpc';
import { open } from './screens';

// A till's export imported through the Import screen in browser mode: a 200-row CSV of 60
// documents with 5 problem rows, and an XLSX of the same. The preview shows the 5 problems on
// their rows, the other 55 are queued and fiscalised by the training sandbox, and importing the
// same file again adds nothing. Axe in both themes, at 900x600.

/** 20 documents of 4 lines and 40 of 3: 200 rows, with one problem in each of 5 documents. */
function tillExport(prefix: string): SalesFile {
  const problems = new Map([
    [3, 'hs-code' as const],
    [17, 'tax-unmapped' as const],
    [29, 'buyer-tin' as const],
    [41, 'number' as const],
    [55, 'currency-unmapped' as const],
  ]);
  const file = salesFile({ documents: 60, lines: (i) => (i < 20 ? 4 : 3), problems, prefix });
  expect(file.rows).toHaveLength(200);
  return file;
}

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await open(page, 'Settings');
  await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function choose(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel('Choose a sales file (.csv, .tsv or .xlsx), or drop it here').setInputFiles({ name, mimeType, buffer });
  await expect(page.getByRole('region', { name: 'Import these documents' })).toBeVisible({ timeout: 30_000 });
}

/** Nothing scrolls sideways at 900x600: the page, its cards and its table boxes. */
async function expectFits(page: Page, label: string) {
  const overflow = await page
    .locator('html, .content, .card, .page, .table-scroll')
    .evaluateAll((elements) => elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className || e.tagName} ${e.scrollWidth}>${e.clientWidth}`));
  expect(overflow, `${label}: boxes scrolling sideways`).toEqual([]);
}

async function previewShowsTheProblems(page: Page, file: SalesFile) {
  const run = page.getByRole('region', { name: 'Import these documents' });
  await expect(run).toContainText('60 documents in this file: 55 ready, 5 with problems');
  const problems = page.getByRole('table', { name: /^Problems/ });
  await expect(problems.getByRole('row')).toHaveCount(1 + 5);
  for (const planted of file.planted) {
    const row = problems.getByRole('row').filter({ has: page.getByRole('cell', { name: String(planted.row), exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(planted.document);
    await expect(row).toContainText(`(${planted.column})`);
  }
  await expect(problems).toContainText('HS code "1234"');
  await expect(problems).toContainText('Tax code "XX"');
  await expect(problems).toContainText('TIN "12345" is not 10 digits');
  await expect(problems).toContainText('("two") is not a number');
  await expect(problems).toContainText('Currency "EUR" is not mapped');
  await expect(page.getByRole('table', { name: /^Documents/ }).getByRole('row')).toHaveCount(1 + 60);
}

async function importAndFiscalise(page: Page) {
  const before = await rpc<DocumentPage>(page, 'documents:list', { states: ['fiscalised'] });
  await expect(page.getByRole('radio', { name: 'Queue them for sending now' })).toBeChecked();
  await page.getByRole('button', { name: 'Import 55 documents' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('55 documents imported and queued for sending. 5 documents with problems were left out', { timeout: 60_000 });
  await expect
    .poll(async () => (await rpc<DocumentPage>(page, 'documents:list', { states: ['fiscalised'], search: '', limit: 200 })).total - before.total, { timeout: 90_000 })
    .toBe(55);
}

async function importingAgainAddsNothing(page: Page, name: string, mimeType: string, buffer: Buffer) {
  const total = (await rpc<DocumentPage>(page, 'documents:list', {})).total;
  await choose(page, name, mimeType, buffer);
  const run = page.getByRole('region', { name: 'Import these documents' });
  await expect(run).toContainText('0 ready, 5 with problems (17 rows), 55 imported before');
  await expect(run.getByRole('status')).toHaveText('Everything in this file without problems was imported before: importing it again adds nothing.');
  await expect(run.getByRole('button', { name: 'Import 0 documents' })).toBeDisabled();
  expect((await rpc<DocumentPage>(page, 'documents:list', {})).total).toBe(total);
}

test('a 200-row CSV: 5 problems on their rows, 55 queued and fiscalised, the same file again adds nothing; light theme, 900x600', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await page.setViewportSize({ width: 900, height: 600 });
  await useTheme(page, 'light');
  await open(page, 'Import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeFocused();
  await expectNoAxeViolations(page, 'Import, nothing chosen (light)');

  const file = tillExport('T');
  const csv = Buffer.from(asCsv(file), 'utf8');
  await choose(page, 'till-export.csv', 'text/csv', csv);
  await expect(page.getByRole('definition').filter({ hasText: 'CSV, UTF-8, columns separated by comma, decimals with a point' })).toBeVisible();
  await expect(page.getByLabel('HS code (needed)')).toHaveValue('8');
  await previewShowsTheProblems(page, file);
  // A column taken away and given back: the preview waits for it, then checks again.
  await page.getByLabel('HS code (needed)').selectOption({ label: 'Not in the file' });
  await expect(page.getByRole('status').filter({ hasText: 'Choose the missing columns' })).toBeVisible();
  await expect(page.getByText('Choose the column for HS code.')).toBeVisible();
  await page.getByLabel('HS code (needed)').selectOption({ label: 'I: HS Code' });
  await previewShowsTheProblems(page, file);
  await expectFits(page, 'Import preview 900x600 light');
  await expectNoAxeViolations(page, 'Import preview (light)');

  // The rejected rows, with the reason in a column.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the rejected rows' }).click();
  const rejected = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of rejected) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Row,Reason,Invoice,Customer,TIN,Currency,Description,Qty,Price,Tax,HS Code');
  expect(lines).toHaveLength(1 + 4 + 4 + 3 + 3 + 3);

  await importAndFiscalise(page);
  await importingAgainAddsNothing(page, 'till-export.csv', 'text/csv', csv);
});

test('an XLSX of the same: 5 problems on their rows, 55 queued and fiscalised, the same file again adds nothing; dark theme, 900x600', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await page.setViewportSize({ width: 900, height: 600 });
  await useTheme(page, 'dark');
  await open(page, 'Import');
  await expectNoAxeViolations(page, 'Import, nothing chosen (dark)');

  const file = tillExport('X');
  // Quantities and prices as number cells, the rest as text, as a spreadsheet keeps them.
  const numeric = new Set([5, 6]);
  const sheet = [file.headings.map((value) => ({ value })), ...file.rows.map((row) => row.map((value, i) => (numeric.has(i) && /^\d+(\.\d+)?$/.test(value) ? { value: Number(value), type: Number } : { value })))];
  const xlsx = Buffer.from(await writeXlsxFile(sheet as never).toBuffer());
  await choose(page, 'till-export.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);
  await expect(page.getByRole('definition').filter({ hasText: 'XLSX, decimals with a point' })).toBeVisible();
  await previewShowsTheProblems(page, file);
  await expectFits(page, 'Import preview 900x600 dark');
  await expectNoAxeViolations(page, 'Import preview (dark)');

  await importAndFiscalise(page);
  await importingAgainAddsNothing(page, 'till-export.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);
});

test('a large file: the import shows its progress and stops on Cancel, and importing again saves only the rest', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await page.setViewportSize({ width: 900, height: 600 });
  await open(page, 'Import');
  const file = salesFile({ documents: 3000, lines: () => 1, prefix: 'L' });
  const csv = Buffer.from(asCsv(file), 'utf8');
  await choose(page, 'big-export.csv', 'text/csv', csv);
  const run = page.getByRole('region', { name: 'Import these documents' });
  await run.getByRole('radio', { name: 'Keep them as drafts to check first (in Documents)' }).check();
  await run.getByRole('button', { name: 'Import 3000 documents' }).click();
  const progress = run.getByRole('progressbar', { name: /^Saved \d+ of 3000 documents$/ });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
  await run.getByRole('button', { name: 'Cancel' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Import cancelled' });
  await expect(notice).toContainText('imported as drafts. The import was cancelled: the rest of the file was not imported.', { timeout: 30_000 });
  const saved = Number(/(\d+) documents? imported as drafts/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(saved).toBeGreaterThan(0);
  expect(saved).toBeLessThan(3000);
  // Every saved document is whole, and the next run saves only the rest.
  await expect(run).toContainText(`${3000 - saved} ready, 0 with problems (0 rows), ${saved} imported before`);
  expect((await rpc<DocumentPage>(page, 'documents:list', { states: ['draft'] })).total).toBe(saved);
  await run.getByRole('button', { name: `Import ${3000 - saved} documents` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText(`${3000 - saved} documents imported as drafts. ${saved === 1 ? '1 document had been imported before and was' : `${saved} documents had been imported before and were`} left out.`, { timeout: 120_000 });
  expect((await rpc<DocumentPage>(page, 'documents:list', { states: ['draft'] })).total).toBe(3000);
});
