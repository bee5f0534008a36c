import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { Receipt } from '../../../shared/contract/history';
import type { MappingsOverview } from '../../../shared/contract/mappings';
import type { ComposedApp } from '../../compose';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';
import { useSandboxAccount } from '../../test-support/sandbox-connection';

// A fiscal document prints from the copy saved when it was sent (ZS §9 req. 3): a later change
// of the tax rate (15% -> 15.5%) or of the seller's details at the service leaves its reprint
// exactly as fiscalised. Real app over IPC against a real sandbox over HTTP.

let app: ComposedApp;
let sandbox: RunningSandbox;
const { value } = ipcOf(() => app);

// The shop's device lists the old standard rate (15%, id 519) beside the new one (15.5%, id 517).
const OLD_RATE = { taxID: 519, taxName: 'Standard rated 15%', taxPercent: 15, validFrom: '2025-01-01T00:00:00' };

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
  app = await composeTestApp(fastTraining);
  await useSandboxAccount(app, sandbox, 'shop', {
    seed: (seed) => ({
      ...seed,
      device: seed.device ? { ...seed.device, config: { ...seed.device.config, applicableTaxes: [...seed.device.config.applicableTaxes, OLD_RATE] } } : seed.device,
      taxMappings: (seed.taxMappings ?? []).map((mapping) => (mapping.TaxCode === 'VAT15' ? { ...mapping, DestinationTaxId: 519 } : mapping)),
    }),
  });
}, 60_000);
afterAll(async () => {
  await app?.dispose();
  await sandbox?.close();
});

async function fiscalise(draft = typedInvoice()): Promise<DocumentDetail> {
  const saved = await value<DocumentDetail>('documents:saveDraft', { draft });
  await value('documents:queue', { id: saved.id });
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
  const document = await value<DocumentDetail>('documents:get', { id: saved.id });
  expect(document.state).toBe('fiscalised');
  return document;
}

describe('printing from the saved copy', () => {
  it('reprints an invoice with the tax table it was fiscalised with after the rate changes from 15% to 15.5%', async () => {
    const invoice = await fiscalise(typedInvoice({ lines: [typedLine({ quantity: '1', unitAmount: '115.00' })] }));
    const before = await value<Receipt>('history:receipt', { id: invoice.id });
    expect(before.taxTable).toEqual([{ taxCode: 'VAT15', taxName: 'Standard rated 15%', percent: '15', net: '100.00', tax: '15.00', gross: '115.00' }]);
    expect(before.lines[0]?.taxPercent).toBe('15');

    // The rate changes: the shop maps VAT15 to the new 15.5% tax.
    const overview = await value<MappingsOverview>('mappings:overview');
    const vat15 = overview.taxMappings.find((mapping) => mapping.taxCode === 'VAT15')!;
    await value('mappings:updateTax', { id: vat15.id, taxCode: 'VAT15', taxName: '', destinationTaxId: 517 });
    const today = await fiscalise(typedInvoice({ lines: [typedLine({ quantity: '1', unitAmount: '115.50' })] }));
    expect((await value<Receipt>('history:receipt', { id: today.id })).taxTable[0]).toMatchObject({ percent: '15.5', tax: '15.50' });

    const reprint = await value<Receipt>('history:receipt', { id: invoice.id });
    expect(reprint.taxTable).toEqual(before.taxTable);
    expect(reprint.lines[0]?.taxPercent).toBe('15');
    expect(reprint.taxesNote).toBeNull();
  });

  it('keeps the seller block, the device and the ZIMRA numbers of the fiscalised document, and says COPY from the second printout', async () => {
    const invoice = await fiscalise();
    const receipt = await value<Receipt>('history:receipt', { id: invoice.id });
    expect(receipt.seller).toEqual({
      legalName: 'Msasa Hardware (Private) Limited',
      branchName: 'Msasa Main Branch',
      tin: '2000123456',
      vatNumber: '220012345',
      address: '112 Mutare Road, Harare, Harare',
      phone: '+263 242 487 100',
      email: 'accounts@msasa-hardware.example',
    });
    expect(receipt.sellerNote).toBeNull();
    expect(receipt.device).toEqual({ serial: 'SBX-023401', id: 23401 });
    expect(receipt.heading).toBe('FISCAL TAX INVOICE');
    expect(receipt.fiscal).toMatchObject({ receiptCounter: invoice.qr?.zimraInvoiceNumber, fiscalDay: invoice.qr?.fiscalDay, verifySite: 'https://fdmstest.zimra.co.zw/', qrProblem: null });
    expect(receipt.fiscal?.qrCodeUrl.slice(-16)).toBe(invoice.qr?.verificationCode.replace(/-/g, ''));
    expect(receipt.fiscal?.receiptGlobalNo).toBe(Number(receipt.fiscal?.qrCodeUrl.slice(-26, -16)));
    expect(receipt.itemCount).toBe('5');
    expect(receipt.payments).toEqual([{ method: 'Cash', amount: invoice.total }]);

    expect(receipt.printAs).toBe('fiscal');
    expect(await value('history:recordPrint', { id: invoice.id, layout: 'a4' })).toEqual({ printAs: 'fiscal' });
    expect((await value<Receipt>('history:receipt', { id: invoice.id })).printAs).toBe('copy');
    expect(await value('history:recordPrint', { id: invoice.id, layout: 'receipt' })).toEqual({ printAs: 'copy' });
    const events = (await value<DocumentDetail>('documents:get', { id: invoice.id })).events;
    expect(events.slice(-2).map((event) => [event.to, event.note])).toEqual([
      ['fiscalised', 'Printed (A4)'],
      ['fiscalised', 'Reprinted as COPY (80 mm)'],
    ]);
    expect((await value<DocumentDetail>('documents:get', { id: invoice.id })).state).toBe('fiscalised');
  });

  it('prints a document that is not fiscalised yet only as not fiscal, without a fiscal heading', async () => {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    await value('outbox:pause');
    try {
      await value('documents:queue', { id: draft.id });
      const receipt = await value<Receipt>('history:receipt', { id: draft.id });
      expect(receipt.state).toBe('queued');
      expect(receipt.printAs).toBe('not-fiscal');
      expect(receipt.heading).toBeNull();
      expect(receipt.fiscal).toBeNull();
      expect(await value('history:recordPrint', { id: draft.id, layout: 'a4' })).toEqual({ printAs: 'not-fiscal' });
      expect((await value<Receipt>('history:receipt', { id: draft.id })).printAs).toBe('not-fiscal');
    } finally {
      await value('outbox:resume');
    }
  });

  it('prints a document sent before copies were kept with today\'s seller details and tax, and says so', async () => {
    const invoice = await fiscalise();
    if (!app.documents.ok) throw app.documents.error;
    // As a journal from before migration 008 has it: no saved copy.
    app.documents.module.journal.db.prepare('DELETE FROM fiscal_copies WHERE document_id = ?').run(invoice.id);
    const receipt = await value<Receipt>('history:receipt', { id: invoice.id });
    expect(receipt.seller.legalName).toBe('Msasa Hardware (Private) Limited');
    expect(receipt.sellerNote).toMatch(/^Seller details as of \d{4}-\d{2}-\d{2}, read from the fiscal device: this document was sent before Fiscal Desk kept a copy of them\.$/);
    expect(receipt.taxesNote).toMatch(/from today's tax mappings/);
    expect(receipt.taxTable.map((rate) => rate.taxCode)).toEqual(['VAT15', 'ZR']);
  });

  // Last: it makes another connection the active one.
  it('heads a seller without a VAT number\'s invoice FISCAL INVOICE, with no VAT No and no tax table', async () => {
    await useSandboxAccount(app, sandbox, 'shop', {
      seed: (seed) => ({ ...seed, device: seed.device ? { ...seed.device, config: { ...seed.device.config, vatNumber: undefined } } : seed.device }),
    });
    const invoice = await fiscalise();
    const receipt = await value<Receipt>('history:receipt', { id: invoice.id });
    expect(receipt.heading).toBe('FISCAL INVOICE');
    expect(receipt.seller.vatNumber).toBeNull();
    expect(receipt.seller.tin).toBe('2000123456');
    expect(receipt.taxTable).toEqual([]);
  });
});
