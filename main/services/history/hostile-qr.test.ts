import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { Receipt } from '../../../shared/contract/history';
import type { ComposedApp } from '../../compose';
import { silentLogger, type Logger } from '../../logging/logger';
import { HOSTILE_QR_CODE_URL } from '../../sandbox/api/document-routes';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice } from '../../test-support/sample-drafts';
import { useSandboxAccount } from '../../test-support/sandbox-connection';

// A hostile (or broken) service answers a document's status with a QR address that is not
// ZIMRA's and that `new URL` throws on. Through the real outbox against the sandbox (its
// hostile-QR fault): the document is fiscalised, the text kept as received, flagged and logged,
// and what the screens get says it cannot be read (renderer/screens/documents/hostile-qr.test.tsx
// draws the screens from it).

let app: ComposedApp;
let sandbox: RunningSandbox;
const { value } = ipcOf(() => app);
const warnings: { message: string; meta?: Record<string, unknown> }[] = [];
const logger: Logger = { ...silentLogger, warn: (message, meta) => warnings.push({ message, ...(meta === undefined ? {} : { meta }) }) };

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined, faults: { hostileQrCode: true } });
  app = await composeTestApp({ ...fastTraining, logger });
  await useSandboxAccount(app, sandbox, 'shop');
}, 60_000);
afterAll(async () => {
  await app?.dispose();
  await sandbox?.close();
});

describe('a QR address from the service that is not ZIMRA\'s', () => {
  it('is kept as received on the fiscalised document, flagged for the print layouts and logged', async () => {
    const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
    await value('documents:queue', { id: draft.id });
    if (!app.documents.ok) throw app.documents.error;
    await app.documents.module.outbox.settled();
    const document = await value<DocumentDetail>('documents:get', { id: draft.id });
    expect(document.state).toBe('fiscalised');
    expect(document.qr?.qrCodeUrl).toBe(HOSTILE_QR_CODE_URL);
    const receipt = await value<Receipt>('history:receipt', { id: draft.id });
    expect(receipt.heading).toBe('FISCAL TAX INVOICE');
    expect(receipt.fiscal).toMatchObject({ qrCodeUrl: HOSTILE_QR_CODE_URL, verifySite: null, receiptGlobalNo: null, qrProblem: expect.stringMatching(/ZIMRA's form/) });
    expect(warnings).toContainEqual(expect.objectContaining({ message: 'Fiscal Harmony sent a QR code that cannot be read', meta: expect.objectContaining({ id: draft.id, qrCodeUrl: HOSTILE_QR_CODE_URL }) }));
  });
});
