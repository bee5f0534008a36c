import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { DocumentDetail, DocumentPage } from '../shared/contract/documents';
import type { PdfFile } from '../shared/contract/history';
import type { OutboxState } from '../shared/contract/outbox';
import { Dec, formatMoney } from '../shared/domain/money';
import { typedInvoice } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { open } from './screens';
import { setFaults, trainingAddress } from './training-sandbox';
import { replacePrintDialog } from './print-dialog';
import { rpc } from './rpc';
import { moreAction, showPdfTab } from './detail-actions';
import { decodeQr } from './decode-qr';
import { openNewInvoice, pasteLines, type TypedLine } from './type-invoice';

// After sending: find a document, see its QR and PDF, print it (the app's receipt and the
// service's own PDF), export the list, and the dashboard's alerts. Documents are sent for real to
// the training sandbox, typed in the New invoice form or through the app's own API (the page's
// loopback bridge); everything checked is done through the screens.

async function sendInvoice(page: Page, currency: string, buyer: string): Promise<string> {
  const draft = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice({ currency, buyer: { ...typedInvoice().buyer, name: buyer } }) });
  await rpc(page, 'documents:queue', { id: draft.id });
  return draft.id;
}

async function fiscalised(page: Page, ids: string[]): Promise<DocumentDetail[]> {
  await expect
    .poll(async () => (await Promise.all(ids.map((id) => rpc<DocumentDetail>(page, 'documents:get', { id })))).map((document) => document.state), { timeout: 30_000 })
    .toEqual(ids.map(() => 'fiscalised'));
  return Promise.all(ids.map((id) => rpc<DocumentDetail>(page, 'documents:get', { id })));
}

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await open(page, 'Settings');
  await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('find a document by its verification code, see its QR and PDF, print the receipt, export the filtered list', async ({ app }) => {
  test.setTimeout(360_000); // two themes, axe on five screens, on a shared machine
  const { page } = app;
  const ids = [await sendInvoice(page, 'ZWG', 'Tendai Moyo Stores'), await sendInvoice(page, 'USD', 'Rudo Ncube'), await sendInvoice(page, 'ZWG', 'Farai Dube')];
  const documents = await fiscalised(page, ids);
  const target = documents[1]!;
  const qr = target.qr!;

  const theme = 'light';
  await useTheme(page, theme);
  // Find it by its verification code, typed as a manager would.
  await open(page, 'Documents');
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expect(page.getByTestId('documents-count')).toHaveText('3 documents');
  await expectNoAxeViolations(page, 'Documents list (light)');
  await page.getByRole('searchbox', { name: 'Search' }).pressSequentially(qr.verificationCode);
  await expect(page.getByTestId('documents-count')).toHaveText('1 document matches');
  const table = page.getByRole('table', { name: 'Documents' });
  await expect(table.locator('[data-document-id]')).toHaveCount(1);
  // Its result is final: checking its status has nothing to ask, and says so.
  await table.getByRole('checkbox', { name: `Select ${target.number}` }).check();
  await page.getByRole('button', { name: 'Check status of 1 selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nothing to check' })).toHaveText(
    'The selected document is not waiting for a result from Fiscal Harmony: nothing to check.',
  );
  await table.getByRole('link', { name: target.number! }).click();

  // The detail: fiscal data and a QR code that decodes to ZIMRA's address.
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${target.number}` })).toBeVisible();
  await expect(page.getByTestId('verification-code')).toHaveText(qr.verificationCode);
  const facts = page.getByRole('region', { name: 'Fiscal data' });
  await expect(facts).toContainText(`${qr.zimraInvoiceNumber}/${Number(qr.qrCodeUrl.slice(-26, -16))}`);
  const image = facts.getByRole('img', { name: /QR code to verify this document/ });
  await expect(image).toBeVisible();
  expect(decodeQr((await image.getAttribute('src')) ?? '')).toBe(qr.qrCodeUrl);
  await expect(page.getByRole('region', { name: 'Totals per tax rate' }).getByRole('row')).toHaveCount(3);
  await expect(page.locator('.loading')).toHaveCount(0);
  await expectNoAxeViolations(page, `Document detail (light)`);

  // The service's PDF inside the app: page 1 drawn by pdf.js.
  await showPdfTab(page);
  await expect(page.getByTestId('pdf-page-status')).toHaveText(/^Page 1 of \d+$/);
  const canvas = page.getByRole('img', { name: /^PDF of .*, page 1 of \d+$/ });
  await expect(canvas).toHaveAttribute('data-rendered-page', '1', { timeout: 20_000 });
  const inked = await canvas.evaluate((element: { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }) => {
    const { data } = element.getContext('2d').getImageData(0, 0, element.width, element.height);
    let dark = 0;
    for (let index = 0; index < data.length; index += 4) if (data[index]! < 128 && data[index + 3]! > 0) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(500);
  await expect(page.getByText('Training: this PDF comes from the training simulator')).toBeVisible();
  await expectNoAxeViolations(page, `Document detail with its PDF (light)`);

  // The app's own 80 mm receipt: the preview and the printout show the verification code.
  await (await moreAction(page, 'Print 80 mm receipt')).click();
  const receipt = page.getByRole('article', { name: '80 mm receipt' });
  await expect(receipt.getByTestId('print-verification-code')).toHaveText(qr.verificationCode);
  await expect(receipt).toContainText('FISCAL TAX INVOICE');
  await expect(receipt).toContainText('TRAINING');
  await expect(receipt).toContainText('15079000');
  await expect(receipt.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  await expectNoAxeViolations(page, `Receipt print preview (light)`);
  await page.emulateMedia({ media: 'print' });
  await expect(receipt.getByTestId('print-verification-code')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Switch to A4 invoice' }).click();
  await expect(page.getByRole('article', { name: 'A4 invoice' }).getByTestId('print-verification-code')).toHaveText(qr.verificationCode);
  await expectNoAxeViolations(page, `A4 print preview (light)`);

  // The same screens in the dark theme.
  await useTheme(page, 'dark');
  await open(page, 'Documents');
  await expect(page.getByTestId('documents-count')).toHaveText('3 documents');
  await expectNoAxeViolations(page, 'Documents list (dark)');
  await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: target.number! }).click();
  await expect(page.getByTestId('verification-code')).toHaveText(qr.verificationCode);
  await showPdfTab(page);
  await expect(page.getByRole('img', { name: /^PDF of .*, page 1 of \d+$/ })).toHaveAttribute('data-rendered-page', '1', { timeout: 20_000 });
  await expect(page.locator('.loading')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Document detail with its PDF (dark)');
  await (await moreAction(page, 'Print 80 mm receipt')).click();
  await expect(page.getByRole('article', { name: '80 mm receipt' }).getByTestId('print-verification-code')).toHaveText(qr.verificationCode);
  await expectNoAxeViolations(page, 'Receipt print preview (dark)');

  // Export the filtered list: exactly the ZWG documents, with their total.
  await open(page, 'Documents');
  await page.getByRole('textbox', { name: 'Currency' }).fill('ZWG');
  await expect(page.getByTestId('documents-count')).toHaveText('2 documents match');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^fiscal-desk-documents-.*\.csv$/);
  const lines = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const zwg = documents.filter((document) => document.currency === 'ZWG');
  const rows = lines.slice(1, lines.indexOf(''));
  expect(rows.map((row) => row.split(',')[0]).sort()).toEqual(zwg.map((document) => document.number).sort());
  const expectedTotal = formatMoney(zwg.reduce((sum, document) => sum.plus(document.total!), new Dec(0)));
  const [totalsTitle, totalsHeadings, zwgTotals, ...more] = lines.slice(lines.indexOf('') + 1);
  expect(totalsTitle).toBe('Totals per currency (credit notes subtracted)');
  // Net and VAT per rate sit between the count and the total (history-export.test.ts checks them).
  expect(totalsHeadings).toMatch(/^Currency,Documents,(Net [^,]+,(VAT [^,]+,)?)+Total$/);
  expect([zwgTotals!.split(',').slice(0, 2), zwgTotals!.split(',').at(-1)]).toEqual([['ZWG', '2'], expectedTotal]);
  expect(more).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 documents as CSV.' })).toBeVisible();
});

/** Pages in a PDF file, counted from its page objects (the sandbox writes them uncompressed). */
function pdfPageCount(base64: string): number {
  return Buffer.from(base64, 'base64').toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** Pixels of the sandbox's red training line ("TRAINING SANDBOX - NOT A VALID TAX DOCUMENT") in the top 5% of a page image. */
function redPixelsAtTop(dataUrl: string): number {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  let red = 0;
  for (let y = 0; y < Math.round(png.height * 0.05); y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const at = (y * png.width + x) * 4;
      if (png.data[at]! - png.data[at + 1]! > 60 && png.data[at]! - png.data[at + 2]! > 60) red += 1;
    }
  }
  return red;
}

/** The print root as window.print() finds it (this file is typed without the DOM, so the page's code is text). */
interface HeldForPrinting {
  roots: number;
  rootInBody: boolean;
  bodyPrintsPdf: boolean;
  images: { alt: string; src: string; loaded: boolean; width: number; height: number }[];
}

/** The page laid out for paper: what shows outside the print root, and how many of its images show. */
interface OnPaper {
  elsewhere: string[];
  imagesOnPaper: number;
}

/** Lines long enough that the service's PDF runs to a second page. */
const roofingLines: TypedLine[] = Array.from({ length: 14 }, (_, i) => [
  `Roofing sheet ${i + 1}: galvanised corrugated iron, 0.4 mm, 3.6 m long, cut to size, drilled for hook bolts, with ridge capping, washers and sealant`,
  '4',
  '18.75',
  '',
  'VAT15',
  '72104900',
]);

test("the service's PDF prints page by page: on paper only its pages, page 1 with the document's QR and the training mark", async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const printDialog = await replacePrintDialog(page);

  // Copied from a spreadsheet into the form (typing 14 long lines key by key takes minutes), fiscalised by the training sandbox.
  await openNewInvoice(page);
  await page.getByRole('button', { name: 'Walk-in cash sale' }).click();
  await pasteLines(page, roofingLines);
  await expect(page.getByTestId('total')).toHaveText('USD 1,050.00'); // 14 lines of 4 x 18.75: every row arrived
  await expect(page.getByRole('status').filter({ hasText: 'Ready to send' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('document-state')).toHaveText('Fiscalised', { timeout: 30_000 });
  const [sent] = (await rpc<DocumentPage>(page, 'documents:list', {})).items;
  const invoice = await rpc<DocumentDetail>(page, 'documents:get', { id: sent!.id });
  expect(invoice.training).toBe(true);
  const pdf = await rpc<PdfFile>(page, 'history:pdf', { id: invoice.id });
  const pages = pdfPageCount(pdf.base64);
  expect(pages, 'the PDF has more than one page, so one image per page means something').toBeGreaterThan(1);

  // Opened from the list, its PDF shown, then printed from the keyboard.
  await open(page, 'Documents');
  await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: invoice.number! }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await showPdfTab(page);
  await expect(page.getByTestId('pdf-page-status')).toHaveText(`Page 1 of ${pages}`);
  await page.getByRole('button', { name: 'Print PDF' }).press('Enter');

  // What the print dialog gets: the page as it is while window.print() runs, then laid out for paper.
  const printout = await printDialog.whenOpened(async (dialog) => {
    const held = await dialog.evaluate<HeldForPrinting>(`(() => {
      const roots = [...document.querySelectorAll('.pdf-print-root')];
      return {
        roots: roots.length,
        rootInBody: roots[0]?.parentElement === document.body,
        bodyPrintsPdf: document.body.classList.contains('printing-pdf'),
        images: [...(roots[0]?.querySelectorAll('img') ?? [])].map((image) => ({ alt: image.alt, src: image.src, loaded: image.complete && image.naturalWidth > 0, width: image.naturalWidth, height: image.naturalHeight })),
      };
    })()`);
    await page.emulateMedia({ media: 'print' });
    const paper = await dialog.evaluate<OnPaper>(`(() => {
      const root = document.querySelector('.pdf-print-root');
      const shown = (element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      return {
        elsewhere: [...document.body.querySelectorAll('*')]
          .filter((element) => !root.contains(element) && shown(element))
          .map((element) => '<' + element.tagName.toLowerCase() + '> ' + element.textContent.trim().slice(0, 40)),
        // Shown, and whole on one sheet (print media sizes the page as the viewport).
        imagesOnPaper: [...root.querySelectorAll('img')].filter((image) => {
          const box = image.getBoundingClientRect();
          return shown(image) && box.width > 0 && box.height <= window.innerHeight + 1;
        }).length,
      };
    })()`);
    await page.emulateMedia({ media: 'screen' });
    return { ...held, ...paper };
  });

  expect(printout.roots).toBe(1);
  expect(printout.rootInBody).toBe(true);
  expect(printout.bodyPrintsPdf).toBe(true);
  expect(printout.images.map((image) => image.alt)).toEqual(Array.from({ length: pages }, (_, i) => `PDF of ${invoice.number}, page ${i + 1}`));
  for (const image of printout.images) {
    expect(image.loaded, `${image.alt} is decoded when the dialog opens`).toBe(true);
    expect(image.width / image.height).toBeCloseTo(595.28 / 841.89, 2); // A4, as the sandbox draws it
  }
  expect(new Set(printout.images.map((image) => image.src)).size, 'every page is its own image').toBe(pages);
  // Page 1 really is the service's PDF: its QR code is the document's, and it carries the training line.
  expect(decodeQr(printout.images[0]!.src)).toBe(invoice.qr!.qrCodeUrl);
  expect(redPixelsAtTop(printout.images[0]!.src)).toBeGreaterThan(100);
  expect(redPixelsAtTop(printout.images[1]!.src), 'the sandbox draws its training line on page 1 only').toBe(0);
  // On paper, nothing of the app: only the PDF's pages.
  expect(printout.elsewhere).toEqual([]);
  expect(printout.imagesOnPaper).toBe(pages);

  // Once the dialog is closed the print root is gone and the screen is the app again, with no error.
  await expect(page.locator('.pdf-print-root')).toHaveCount(0);
  await expect(page.locator('body')).not.toHaveClass(/printing-pdf/);
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await expect(page.getByText('The PDF could not be printed')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Document detail after printing its PDF');
});

test('the dashboard shows the day\'s totals and a needs-attention alert once a document needs attention', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const [first] = await fiscalised(page, [await sendInvoice(page, 'USD', 'Chipo Mlambo')]);
  await open(page, 'Home');
  const dashboard = page.getByRole('region', { name: 'Documents at a glance' });
  await expect(dashboard).toContainText(`USD ${first!.total}`);
  await expect(dashboard.getByRole('link', { name: 'Fiscalised' })).toBeVisible();
  await expect(dashboard.locator('[data-alert="needs-attention"]')).toHaveCount(0);

  // An answer lost after the sandbox received the document: the retry is told "Already
  // fiscalised", so the document needs the manager instead of being fiscalised twice.
  const address = await trainingAddress(page);
  await setFaults(address, { dropRate: 1, faultsAfterReceipt: true, paths: ['/invoice'] });
  const id = await sendInvoice(page, 'USD', 'Lost Answer Traders');
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id })).attempts, { timeout: 30_000 }).toBeGreaterThan(0);
  await setFaults(address, null);
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id })).state, { timeout: 90_000 }).toBe('needs-attention');

  await open(page, 'Home');
  const alert = dashboard.locator('[data-alert="needs-attention"]');
  await expect(alert).toContainText('1 document needs your attention');
  await expect(page.locator('.loading')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Home with an alert (light)');
  await alert.getByRole('link', { name: 'Show them' }).click();
  await expect(page.getByTestId('documents-count')).toHaveText('1 document matches');
  await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('needs-attention');
  const list = await rpc<DocumentPage>(page, 'documents:list', { states: ['needs-attention'] });
  expect(list.items.map((item) => item.id)).toEqual([id]);

  await useTheme(page, 'dark');
  await open(page, 'Home');
  await expect(alert).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Home with an alert (dark)');
});

test('sending paused from the outbox panel waits; the dashboard alert resumes it, and what waited is sent', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await open(page, 'Home');
  const outbox = page.getByRole('region', { name: 'Outbox' });
  await outbox.getByRole('button', { name: 'Pause sending' }).click();
  await expect(outbox).toContainText('Paused: Sending is paused.');
  await expect(outbox.getByRole('button', { name: 'Resume sending' })).toBeVisible();
  expect((await rpc<OutboxState>(page, 'outbox:state')).paused).toBe('manual');
  const id = await sendInvoice(page, 'USD', 'Paused Outbox Stores');
  await open(page, 'Home');
  const alert = page.getByRole('region', { name: 'Documents at a glance' }).locator('[data-alert="outbox-paused"]');
  await expect(alert).toContainText('Sending is paused.');
  await expect(page.locator('.loading')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Home with the outbox paused (light)');
  expect((await rpc<DocumentDetail>(page, 'documents:get', { id })).state).toBe('queued');

  await alert.getByRole('button', { name: 'Resume sending' }).click();
  await expect(alert).toHaveCount(0);
  await expect(outbox.getByRole('button', { name: 'Pause sending' })).toBeVisible();
  expect((await rpc<OutboxState>(page, 'outbox:state')).paused).toBeNull();
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id })).state, { timeout: 30_000 }).toBe('fiscalised');
});

