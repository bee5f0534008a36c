import type { DocumentDetail } from '../shared/contract/documents';
import { typedInvoice } from '../main/test-support/sample-drafts';
import { expect, test } from './fixtures';
import { rpc } from './rpc';

// Issue 24, item 12: the print dialog is given each layout's paper: A4 for the A4 invoice, an
// 80 mm wide roll for the receipt. Chromium's own PDF printer takes the page size from CSS
// (preferCSSPageSize), so the printed PDF's page box shows what @page said.

/** The first page's size in points, from the PDF's MediaBox. */
function pageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (box === null) throw new Error('the PDF has no MediaBox');
  return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) };
}

const MM = 72 / 25.4;

test('the A4 invoice prints on A4 and the receipt on 80 mm paper', async ({ app, mode }) => {
  test.skip(mode !== 'browser', 'page.pdf() is Chromium\'s headless printer (browser mode).');
  test.setTimeout(90_000);
  const { page } = app;
  const draft = await rpc<DocumentDetail>(page, 'documents:saveDraft', { draft: typedInvoice() });
  await rpc(page, 'documents:queue', { id: draft.id });
  await expect.poll(async () => (await rpc<DocumentDetail>(page, 'documents:get', { id: draft.id })).state, { timeout: 60_000 }).toBe('fiscalised');

  for (const [layout, name, width, height] of [
    ['a4', 'A4 invoice', 210, 297],
    ['receipt', '80 mm receipt', 80, null],
  ] as const) {
    // The e2e specs are typed without the DOM: the route changes as page text.
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/documents/${draft.id}/print/${layout}`)}`);
    await expect(page.getByRole('article', { name })).toBeVisible();
    const size = pageSize(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(Math.abs(size.width - width * MM), `${layout} width ${size.width} pt`).toBeLessThan(2);
    if (height !== null) expect(Math.abs(size.height - height * MM), `${layout} height ${size.height} pt`).toBeLessThan(2);
  }
});
