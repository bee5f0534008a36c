import type { Page } from '@playwright/test';
import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice, typedLine } from '../main/test-support/sample-drafts';
import { expectNoAxeViolations } from './a11y';
import { decodeQr } from './decode-qr';
import { expect, test } from './fixtures';
import { replacePrintDialog } from './print-dialog';
import { rpc } from './rpc';
import { moreAction } from './detail-actions';
import { open } from './screens';

// Golden tests of the printed documents against ZIMRA's print views (ZS §10.1–10.3; the list and
// where each field comes from: docs/zimra-print.md). Documents are fiscalised by the training
// sandbox; each layout's print root is read as the printer gets it (innerText) and must hold
// every mandatory field, in ZIMRA's order, with the sandbox's values; its QR code must decode
// to the address the service gave. The seller's values are the sandbox's demo shop.

const SELLER = ['Msasa Hardware (Private) Limited', 'Msasa Main Branch', 'TIN: 2000123456', 'VAT No: 220012345', '112 Mutare Road, Harare, Harare'];
const DEVICE = ['Device Serial No: SBX-023401', 'Device ID: 23401'];
const SITE = 'https://fdmstest.zimra.co.zw/';

/** "03/12/2026 15:53" from the document's own date ("2026-12-03T15:53:49+02:00"), read here independently of the app. */
const printedAt = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} ${date.slice(11, 16)}`;
/** The receipt's global number: the 10 digits before the last 16 characters of ZIMRA's QR address. */
const globalNo = (qrCodeUrl: string) => Number(qrCodeUrl.slice(-26, -16));

/** Fails unless every text appears in `printed`, each after the one before it. */
function expectInOrder(printed: string, texts: readonly string[]): void {
  let from = 0;
  for (const text of texts) {
    const at = printed.indexOf(text, from);
    expect(at, `"${text}" after position ${from} in:\n${printed}`).toBeGreaterThanOrEqual(0);
    from = at + text.length;
  }
}

async function fiscalise(page: Page, draft = typedInvoice()): Promise<DocumentDetail> {
  const saved = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft });
  await rpc(page, 'documents:queue', { id: saved.id });
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id: saved.id })).state, { timeout: 30_000 }).toBe('fiscalised');
  return rpc<DocumentDetail>(page, 'documents:get', { id: saved.id });
}

async function openDocument(page: Page, document: DocumentDetail): Promise<void> {
  await open(page, 'Documents');
  await page.getByRole('searchbox', { name: 'Search' }).fill(document.number ?? '');
  await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: document.number ?? '' }).click();
  const kind = document.kind === 'invoice' ? 'Invoice' : 'Credit note';
  await expect(page.getByRole('heading', { level: 1, name: `${kind} ${document.number}` })).toBeVisible();
}

const printRoot = (page: Page) => page.locator('[data-print-root]');

/** The printed text and the QR code's content, once the preview is drawn. */
async function printed(page: Page, withQr: boolean): Promise<{ text: string; qr: string | null }> {
  const root = printRoot(page);
  await expect(root).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  const image = root.getByRole('img', { name: /QR code/ });
  if (!withQr) {
    await expect(image).toHaveCount(0);
    return { text: await root.innerText(), qr: null };
  }
  await expect(image).toBeVisible();
  return { text: await root.innerText(), qr: decodeQr((await image.getAttribute('src')) ?? '') };
}

const buyer = { ...typedInvoice().buyer, name: 'Tendai Moyo Stores', tin: '2000987654', vatNumber: '220076543' };

test('A4 invoice, 80 mm receipt and A4 credit note hold ZIMRA\'s fields in order with the sandbox\'s values, and their QR codes decode to the stored address', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const invoice = await fiscalise(page, typedInvoice({ buyer }));
  const qr = invoice.qr!;
  const receiptBlock = [`Receipt No: ${qr.zimraInvoiceNumber}/${globalNo(qr.qrCodeUrl)}`, `Fiscal day No: ${qr.fiscalDay}`, `Invoice No: ${invoice.number}`, ...DEVICE, `Date: ${printedAt(invoice.date!)}`];
  const verification = [`Verification code: ${qr.verificationCode}`, `You can verify this receipt manually at ${SITE}`];

  // A4 invoice.
  await openDocument(page, invoice);
  await page.getByRole('link', { name: 'Print A4 invoice' }).click();
  const a4 = await printed(page, true);
  expect(a4.qr).toBe(qr.qrCodeUrl);
  expectInOrder(a4.text, [
    'TRAINING — NOT A VALID TAX DOCUMENT',
    ...SELLER,
    'FISCAL TAX INVOICE',
    'BUYER', 'Tendai Moyo Stores', 'TIN: 2000987654', 'VAT No: 220076543',
    ...receiptBlock,
    'Description\tHS code\tQuantity\tUnit price\tDiscount\tTax\tAmount incl. tax',
    'Cooking oil 2 l\t15079000\t2\t4.60\t—\tVAT15 · 15.5%\t9.20',
    'Bread\t19059000\t3\t1.15\t—\tZR · 0%\t3.45',
    'Currency: USD',
    'Total USD', invoice.total!,
    'Paid by Cash', invoice.total!,
    'Number of Items: 5',
    'Tax\tVAT %\tNet amount\tVAT\tAmount incl. VAT',
    'VAT15 · Standard rated 15.5%\t15.5%\t7.97\t1.23\t9.20',
    'ZR · Zero rated 0%\t0%\t3.45\t0.00\t3.45',
    ...verification,
  ]);
  expect(a4.text).not.toContain('COPY');
  await expectNoAxeViolations(page, 'A4 invoice print preview');

  // 80 mm receipt: the same blocks in one column.
  await page.getByRole('link', { name: 'Switch to 80 mm receipt' }).click();
  await expect(page.getByRole('article', { name: '80 mm receipt' })).toBeVisible();
  const thermal = await printed(page, true);
  expect(thermal.qr).toBe(qr.qrCodeUrl);
  expectInOrder(thermal.text, [
    'TRAINING — NOT A VALID TAX DOCUMENT',
    ...SELLER,
    'FISCAL TAX INVOICE',
    'Buyer: Tendai Moyo Stores', 'TIN: 2000987654', 'VAT No: 220076543',
    ...receiptBlock,
    '15079000 Cooking oil 2 l', '2 x 4.60 · VAT15 · 15.5%', '9.20',
    '19059000 Bread', '3 x 1.15 · ZR · 0%', '3.45',
    'TOTAL USD', invoice.total!,
    'Paid by Cash', invoice.total!,
    'Number of Items: 5',
    'Standard rated 15.5%', 'Net 7.97', 'VAT 1.23', 'Incl. 9.20',
    'Zero rated 0%', 'Net 3.45', 'VAT 0.00', 'Incl. 3.45',
    ...verification,
  ]);
  await expectNoAxeViolations(page, '80 mm receipt print preview');

  // A4 credit note: ZIMRA's credit note block names the credited invoice.
  const credit = await fiscalise(page, typedInvoice({ kind: 'credit-note', buyer, originalInvoiceId: invoice.id, reference: 'Returned: damaged bottle', lines: [typedLine({ quantity: '1' })] }));
  const creditQr = credit.qr!;
  await openDocument(page, credit);
  await page.getByRole('link', { name: 'Print A4 credit note' }).click();
  const note = await printed(page, true);
  expect(note.qr).toBe(creditQr.qrCodeUrl);
  expectInOrder(note.text, [
    'TRAINING — NOT A VALID TAX DOCUMENT',
    ...SELLER,
    'FISCAL CREDIT NOTE',
    'BUYER', 'Tendai Moyo Stores',
    `Receipt No: ${creditQr.zimraInvoiceNumber}/${globalNo(creditQr.qrCodeUrl)}`, `Fiscal day No: ${creditQr.fiscalDay}`, `Invoice No: ${credit.number}`, ...DEVICE, `Date: ${printedAt(credit.date!)}`,
    'CREDIT NOTE',
    `Credited invoice No: ${invoice.number}`, 'Device Serial No: SBX-023401', `Receipt global No: ${globalNo(qr.qrCodeUrl)}`, `Invoice date: ${printedAt(invoice.date!).slice(0, 10)}`, 'Reason: Returned: damaged bottle',
    'Cooking oil 2 l\t15079000\t1\t4.60\t—\tVAT15 · 15.5%\t4.60',
    'Currency: USD',
    'Number of Items: 1',
    'VAT15 · Standard rated 15.5%\t15.5%',
    `Verification code: ${creditQr.verificationCode}`, `You can verify this receipt manually at ${SITE}`,
  ]);

  // "Verify at ZIMRA" opens the QR address (browser mode: in a new tab; ZIMRA's site is stood in for).
  await page.context().route(`${SITE}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>ZIMRA</title>' }));
  await openDocument(page, invoice);
  const popup = page.waitForEvent('popup');
  await (await moreAction(page, 'Verify at ZIMRA')).click();
  const zimra = await popup;
  await zimra.waitForLoadState();
  expect(zimra.url()).toBe(qr.qrCodeUrl);
  await zimra.close();
});

test('a document with prices excluding tax prints on A4 only, its amounts marked as excluding tax', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const invoice = await fiscalise(page, typedInvoice({ taxInclusive: false, lines: [typedLine({ quantity: '1', unitAmount: '100.00' })] }));
  await openDocument(page, invoice);
  // Nowhere on its page, "More" included.
  await expect(await moreAction(page, 'Create a credit note')).toBeVisible();
  await expect(page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: 'Print 80 mm receipt' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Print 80 mm receipt' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Print A4 invoice' }).click();
  const a4 = await printed(page, true);
  expectInOrder(a4.text, [
    'FISCAL TAX INVOICE',
    'Description\tHS code\tQuantity\tUnit price\tDiscount\tTax\tAmount excl. tax',
    'Cooking oil 2 l\t15079000\t1\t100.00\t—\tVAT15 · 15.5%\t100.00',
    'Total USD', '115.50',
    'Paid by Cash', '115.50',
    'Number of Items: 1',
    'VAT15 · Standard rated 15.5%\t15.5%\t100.00\t15.50\t115.50',
  ]);
  await expect(page.getByRole('link', { name: 'Switch to 80 mm receipt' })).toHaveCount(0);
  // Asked for the 80 mm receipt anyway (an old link): the A4 invoice, and why.
  await page.evaluate("location.hash = location.hash.replace('/print/a4', '/print/receipt')");
  await expect(page.getByText("This document's prices exclude tax, so it prints on A4.")).toBeVisible();
  await expect(page.getByRole('article', { name: 'A4 invoice' })).toBeVisible();
  await expect(page.getByRole('article', { name: '80 mm receipt' })).toHaveCount(0);
});

test('a document not fiscalised yet prints only as NOT A FISCAL DOCUMENT; a second printout of a fiscalised one says COPY and is in its history', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const dialog = await replacePrintDialog(page);

  // Not fiscal yet: sending is paused, so it waits in the outbox.
  await rpc(page, 'outbox:pause');
  const waiting = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice() });
  await rpc(page, 'documents:queue', { id: waiting.id });
  const queued = await rpc<DocumentDetail>(page, 'documents:get', { id: waiting.id });
  await openDocument(page, queued);
  await expect(page.getByRole('link', { name: 'Print A4 invoice' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Print 80 mm receipt' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Print a not-fiscal copy' }).click();
  const notFiscal = await printed(page, false);
  expectInOrder(notFiscal.text, [
    'TRAINING — NOT A VALID TAX DOCUMENT',
    'NOT A FISCAL DOCUMENT',
    ...SELLER,
    'NOT A FISCAL DOCUMENT — awaiting ZIMRA verification',
    `Invoice No: ${queued.number}`, ...DEVICE, `Date: ${printedAt(queued.date!)}`,
    'Number of Items: 5',
    'Not fiscalised yet: ZIMRA has not verified this document',
  ]);
  for (const fiscalOnly of ['FISCAL TAX INVOICE', 'FISCAL INVOICE', 'Receipt No:', 'Fiscal day No:', 'Verification code:']) expect(notFiscal.text).not.toContain(fiscalOnly);
  await expectNoAxeViolations(page, 'Not-fiscal copy print preview');
  await rpc(page, 'outbox:resume');

  // The first printout of a fiscalised invoice is the original; the next one is a COPY.
  const invoice = await fiscalise(page);
  await openDocument(page, invoice);
  await page.getByRole('link', { name: 'Print A4 invoice' }).click();
  await expect(printRoot(page)).toBeVisible();
  await expect(printRoot(page)).not.toContainText('COPY');
  // The print dialog holds the page (and so the key press) until the test has looked at it.
  const printing = page.getByRole('button', { name: 'Print', exact: true }).press('Enter');
  const original = await dialog.whenOpened((open) => open.evaluate<string>("document.querySelector('[data-print-root]').innerText"));
  await printing;
  expect(original).toContain('FISCAL TAX INVOICE');
  expect(original).not.toContain('COPY');

  await expect(printRoot(page)).toContainText('COPY');
  const reprinting = page.getByRole('button', { name: 'Print a copy' }).press('Enter');
  const copy = await dialog.whenOpened((open) => open.evaluate<{ text: string; qr: string }>(
    "({ text: document.querySelector('[data-print-root]').innerText, qr: document.querySelector('[data-print-root] img').src })",
  ));
  await reprinting;
  expectInOrder(copy.text, ['TRAINING — NOT A VALID TAX DOCUMENT', 'COPY', ...SELLER, 'FISCAL TAX INVOICE', `Invoice No: ${invoice.number}`, `Verification code: ${invoice.qr!.verificationCode}`]);
  expect(decodeQr(copy.qr)).toBe(invoice.qr!.qrCodeUrl);
  await expectNoAxeViolations(page, 'COPY print preview');

  // Both printouts are in the document's history; it stays fiscalised.
  await page.getByRole('link', { name: 'Back to the document' }).click();
  const timeline = page.getByRole('region', { name: 'What happened' });
  await expect(timeline).toContainText('Printed (A4)');
  await expect(timeline).toContainText('Reprinted as COPY (A4)');
  expect((await rpc<DocumentDetail>(page, 'documents:get', { id: invoice.id })).state).toBe('fiscalised');
});
