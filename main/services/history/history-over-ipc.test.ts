import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentPage } from '../../../shared/contract/documents';
import type { Dashboard, ExportResult, PdfFile, Receipt } from '../../../shared/contract/history';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';
import { exportHeadings, TOTALS_HEADING } from './history-export';

// The history channels through the IPC router, in training mode against the built-in sandbox:
// real documents sent and fiscalised, then their PDF, receipt data, export and dashboard.

let app: ComposedApp;
const { call, value } = ipcOf(() => app);
let dataDirectory: string;
const fiscalised: DocumentDetail[] = [];

beforeAll(async () => {
  app = await composeTestApp(fastTraining);
  dataDirectory = (await value<{ dataDirectory: string }>('app:info')).dataDirectory;
  if (!app.documents.ok) throw app.documents.error;
  for (const currency of ['ZWG', 'ZWG', 'USD']) {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice({ currency }) });
    await value('documents:queue', { id: draft.id });
  }
  await app.documents.module.outbox.settled();
  const page = await value<DocumentPage>('documents:list', { states: ['fiscalised'] });
  for (const item of page.items) fiscalised.push(await value<DocumentDetail>('documents:get', { id: item.id }));
}, 60_000);
afterAll(async () => {
  await app?.dispose();
});

describe('history over IPC in training mode', () => {
  it('downloads a fiscalised document\'s PDF once and keeps it in the data folder', async () => {
    const document = fiscalised[0]!;
    const pdf = await value<PdfFile>('history:pdf', { id: document.id });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.training).toBe(true);
    expect(pdf.fileName).toBe(`${document.number}.pdf`);
    const kept = join(dataDirectory, 'pdfs', `${document.id}.pdf`);
    expect(existsSync(kept)).toBe(true);
    expect(readFileSync(kept).equals(bytes)).toBe(true);
    // Browser mode has no save dialog: the bytes come back for the page to download.
    const saved = await value<{ kind: string; base64?: string }>('history:savePdf', { id: document.id });
    expect(saved.kind).toBe('download');
    expect(saved.base64).toBe(pdf.base64);
  });

  it('refuses the PDF of a document that is not in the active connection\'s journal', async () => {
    const result = await call('history:pdf', { id: '00000000-0000-4000-8000-000000000000' });
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });

  it('gives the print layouts seller, buyer, HS codes, tax per rate and the QR data', async () => {
    const document = fiscalised[0]!;
    const receipt = await value<Receipt>('history:receipt', { id: document.id });
    expect(receipt.fiscal?.qrCodeUrl).toBe(document.qr?.qrCodeUrl);
    expect(receipt.fiscal?.verificationCode).toBe(document.qr?.verificationCode);
    expect(receipt.seller.legalName).not.toBeNull();
    expect(receipt.seller.tin).toMatch(/^\d{10}$/);
    expect(receipt.lines.map((line) => line.hsCode)).toEqual(document.lines.map((line) => line.hsCode));
    expect(receipt.taxTable.length).toBeGreaterThan(0);
    expect(receipt.totals).toEqual(document.totals);
    expect(receipt.training).toBe(true);
  });

  it('exports exactly the filtered rows as CSV with totals per currency', async () => {
    const result = await value<ExportResult>('history:export', { states: ['fiscalised'], format: 'csv' });
    expect(result.rows).toBe(fiscalised.length);
    if (result.file.kind !== 'download') throw new Error('expected a download');
    const text = Buffer.from(result.file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(exportHeadings(['15.5%', '0%']).join(','));
    const rows = lines.slice(1, 1 + fiscalised.length);
    expect(rows.map((row) => row.split(',')[0]).sort()).toEqual(fiscalised.map((document) => document.number).sort());
    expect(lines[1 + fiscalised.length]).toBe('');
    expect(lines[2 + fiscalised.length]).toBe(TOTALS_HEADING);
    const usd = fiscalised.filter((document) => document.currency === 'USD');
    expect(result.totals.find((total) => total.currency === 'USD')).toEqual({ currency: 'USD', documents: usd.length, total: usd[0]!.total });
    const xlsx = await value<ExportResult>('history:export', { states: ['fiscalised'], format: 'xlsx' });
    if (xlsx.file.kind !== 'download') throw new Error('expected a download');
    expect(Buffer.from(xlsx.file.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('shows today\'s totals per currency and the counts by state on the dashboard', async () => {
    const dashboard = await value<Dashboard>('history:dashboard');
    expect(dashboard.countsByState.fiscalised).toBe(fiscalised.length);
    const zwg = fiscalised.filter((document) => document.currency === 'ZWG');
    expect(dashboard.todayTotals.find((total) => total.currency === 'ZWG')?.documents).toBe(zwg.length);
    expect(dashboard.alerts.some((alert) => alert.code === 'needs-attention')).toBe(false);
  });

  // Last: it adds a fiscalised document the tests above do not count.
  it('gives a credit note\'s print layouts the invoice it credits (number, date, device serial, global number) and the reason', async () => {
    const invoice = fiscalised.find((document) => document.currency === 'USD')!;
    const draft = await value<DocumentDetail>('documents:saveDraft', {
      draft: typedInvoice({ kind: 'credit-note', currency: 'USD', originalInvoiceId: invoice.id, reference: 'Returned: damaged bottle', lines: [typedLine({ quantity: '1' })] }),
    });
    await value('documents:queue', { id: draft.id });
    if (!app.documents.ok) throw app.documents.error;
    await app.documents.module.outbox.settled();
    const credit = await value<DocumentDetail>('documents:get', { id: draft.id });
    expect(credit.state).toBe('fiscalised');
    const receipt = await value<Receipt>('history:receipt', { id: credit.id });
    expect(receipt.kind).toBe('credit-note');
    const invoiceReceipt = await value<Receipt>('history:receipt', { id: invoice.id });
    expect(receipt.creditedInvoice).toEqual({ number: invoice.number, date: invoice.date, deviceSerial: invoiceReceipt.device.serial, receiptGlobalNo: invoiceReceipt.fiscal?.receiptGlobalNo });
    expect(receipt.creditedInvoice?.receiptGlobalNo).toEqual(expect.any(Number));
    expect(receipt.heading).toBe('FISCAL CREDIT NOTE');
    expect(receipt.reference).toBe('Returned: damaged bottle');
    expect(receipt.fiscal?.verificationCode).toBe(credit.qr?.verificationCode);
    // The invoice's own layout credits nothing.
    expect((await value<Receipt>('history:receipt', { id: invoice.id })).creditedInvoice).toBeNull();
  });
});
