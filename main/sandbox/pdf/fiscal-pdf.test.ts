import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditNote, demoInvoice } from '../test-support/demo-documents';
import type { FhTestClient, StatusJson } from '../test-support/fh-test-client';
import { startTestSandbox } from '../test-support/sandbox-fixture';
import type { TestSandbox } from '../test-support/sandbox-fixture';

const run = promisify(execFile);

let t: TestSandbox;
let dir: string;
beforeAll(async () => {
  t = await startTestSandbox();
  dir = await mkdtemp(join(tmpdir(), 'fh-sandbox-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

let pdfCount = 0;

/** Reads the PDF with poppler (a real, independent PDF parser): page count and text. */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const file = join(dir, `text-${(pdfCount += 1)}.pdf`);
  await writeFile(file, bytes);
  const info = await run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? NaN);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-']);
  return { pages, text: stdout.replace(/\s+/g, ' ') };
}

/** Renders page 1 with poppler and decodes the QR code in it. */
async function decodeQr(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, bytes);
  await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(dir, name)]);
  const png = PNG.sync.read(await readFile(join(dir, `${name}.png`)));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

async function download(c: FhTestClient, result: StatusJson): Promise<Uint8Array> {
  const token = result.FiscalInvoicePdf;
  if (!token) throw new Error('no PDF token');
  const r = await c.request('GET', `/download/${encodeURIComponent(token)}`);
  expect(r.status).toBe(200);
  expect(r.contentType).toBe('application/pdf');
  return r.bytes;
}

describe('fiscal PDF', () => {
  it('is a PDF with the heading, invoice number, verification code, parties, lines and totals', async () => {
    const c = t.client('shop');
    const invoice = demoInvoice({
      number: 'MSASA-INV-000417',
      lines: [
        { quantity: '2', unitAmount: '57.75', description: 'Cement 50kg', productCode: '25232900' },
        { quantity: '1.5', unitAmount: '3.333', description: 'Café tables', productCode: '94033000', taxCode: 'ZR' },
      ],
    });
    const result = await t.submitAndProcess(c, 'invoice', { ...invoice, BuyerContact: { Name: 'Acme Builders', Tin: '2000111222', VatNumber: '220011122' } });
    const bytes = await download(c, result);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(1);
    for (const expected of [
      'Fiscal Tax Invoice',
      'MSASA-INV-000417',
      result.QrData?.VerificationCode ?? 'missing',
      'Msasa Hardware (Private) Limited',
      '2000123456',
      'Acme Builders',
      '2000111222',
      '25232900',
      '94033000',
      'Cement 50kg',
      'Café tables',
      'Standard rated 15.5%',
      '115.50',
      `${result.QrData?.InvoiceNumber}/${result.QrData?.FiscalDay}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('shows a QR code that decodes to QrCodeUrl', async () => {
    const c = t.client('shop');
    const result = await t.submitAndProcess(c, 'invoice', demoInvoice());
    const decoded = await decodeQr(await download(c, result), 'invoice');
    expect(decoded).toBe(result.QrData?.QrCodeUrl);
  });

  it('makes a "Fiscal Credit Note" that names the credited invoice', async () => {
    const c = t.client('shop');
    const invoice = demoInvoice({ number: 'INV-CREDITED-1' });
    await t.submitAndProcess(c, 'invoice', invoice);
    const note = demoCreditNote(invoice.InvoiceId, { number: 'CN-0009', lines: [{ quantity: '1', unitAmount: '10' }] });
    const result = await t.submitAndProcess(c, 'creditnote', note);
    const bytes = await download(c, result);
    const { text } = await pdfText(bytes);
    expect(text).toContain('Fiscal Credit Note');
    expect(text).toContain('CN-0009');
    expect(text).toContain('INV-CREDITED-1');
    expect(text).toContain('Goods returned');
    expect(await decodeQr(bytes, 'credit-note')).toBe(result.QrData?.QrCodeUrl);
  });

  it('flows long documents over several pages', async () => {
    const c = t.client('shop');
    const lines = Array.from({ length: 80 }, (_, i) => ({ quantity: '1', unitAmount: `${i + 1}.25`, description: `Item number ${i + 1}` }));
    const result = await t.submitAndProcess(c, 'invoice', demoInvoice({ lines }));
    expect(result.Success).toBe(true);
    const { pages, text } = await pdfText(await download(c, result));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Item number 80');
  });

  it('answers 404 to an unknown file and to another account file', async () => {
    const c = t.client('shop');
    const result = await t.submitAndProcess(c, 'invoice', demoInvoice());
    expect((await c.request('GET', '/download/nothing.pdf')).status).toBe(404);
    expect((await c.request('GET', '/download/%E0%A4%A')).status).toBe(404);
    const other = t.client('overdue');
    expect((await other.request('GET', `/download/${encodeURIComponent(result.FiscalInvoicePdf ?? '')}`)).status).toBe(404);
  });
});
