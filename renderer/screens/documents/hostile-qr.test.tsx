import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { Receipt } from '../../../shared/contract/history';
import type { ComposedApp } from '../../../main/compose';
import { silentLogger, type Logger } from '../../../main/logging/logger';
import { HOSTILE_QR_CODE_URL } from '../../../main/sandbox/api/document-routes';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../../main/sandbox/fiscal-harmony-sandbox';
import { composeTestApp, fastTraining, ipcOf } from '../../../main/test-support/compose-test-app';
import { typedInvoice } from '../../../main/test-support/sample-drafts';
import { useSandboxAccount } from '../../../main/test-support/sandbox-connection';
import { FiscalFacts } from './fiscal-facts';
import { A4Invoice } from './print/a4-invoice';
import { ThermalReceipt } from './print/thermal-receipt';

// A hostile (or broken) service answers a document's status with a QR address that is not
// ZIMRA's. Through the real outbox against the sandbox (its hostile-QR fault), the document is
// fiscalised with the text kept as received and logged; the detail's fiscal data and both print
// layouts then show a plain message instead of crashing (the A4 layout used to call new URL on
// it). The screens are rendered by React itself (to markup: a throw while rendering fails the test).

let app: ComposedApp;
let sandbox: RunningSandbox;
const { value } = ipcOf(() => app);
const warnings: { message: string; meta?: Record<string, unknown> }[] = [];
const logger: Logger = { ...silentLogger, warn: (message, meta) => warnings.push({ message, ...(meta === undefined ? {} : { meta }) }) };
let document_: DocumentDetail;
let receipt: Receipt;

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined, faults: { hostileQrCode: true } });
  app = await composeTestApp({ ...fastTraining, logger });
  await useSandboxAccount(app, sandbox, 'shop');
  const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
  await value('documents:queue', { id: draft.id });
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
  document_ = await value<DocumentDetail>('documents:get', { id: draft.id });
  receipt = await value<Receipt>('history:receipt', { id: draft.id });
}, 60_000);
afterAll(async () => {
  await app?.dispose();
  await sandbox?.close();
});

/** The text a screen shows (tags dropped), and whether it holds a QR image or its placeholder. */
function rendered(element: React.ReactElement): { text: string; qr: boolean } {
  const html = renderToStaticMarkup(element);
  return { text: html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' '), qr: /qr-(image|placeholder)/.test(html) };
}

describe('a QR address that is not ZIMRA\'s', () => {
  it('is kept as received on the fiscalised document, flagged and logged', () => {
    expect(document_.state).toBe('fiscalised');
    expect(document_.qr?.qrCodeUrl).toBe(HOSTILE_QR_CODE_URL);
    expect(receipt.fiscal).toMatchObject({ qrCodeUrl: HOSTILE_QR_CODE_URL, verifySite: null, receiptGlobalNo: null, qrProblem: expect.stringMatching(/ZIMRA's form/) });
    expect(warnings).toContainEqual(expect.objectContaining({ message: 'Fiscal Harmony sent a QR code that cannot be read' }));
  });

  it('shows the detail\'s fiscal data as an unreadable QR code, with no QR image', () => {
    const { text, qr } = rendered(<FiscalFacts qr={document_.qr!} />);
    expect(text).toContain('The service sent an unreadable QR code');
    expect(qr).toBe(false);
  });

  it.each([
    ['A4 invoice', () => <A4Invoice receipt={receipt} />],
    ['80 mm receipt', () => <ThermalReceipt receipt={receipt} />],
  ])('prints the %s with a plain message instead of the QR code', (_layout, element) => {
    const { text, qr } = rendered(element());
    expect(text).toContain('The service sent an unreadable QR code, so none is printed.');
    expect(text).toContain('FISCAL TAX INVOICE');
    expect(qr).toBe(false);
    expect(text).not.toContain('You can verify this receipt manually');
  });
});
