import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, NumberingView } from '../../../shared/contract/documents';
import type { ReadinessVerdict } from '../../../shared/contract/readiness';
import type { ComposedApp } from '../../compose';
import { createDemoAccount, uniqueCredentials } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice } from '../../test-support/sample-drafts';

// Seller's numbers unique per taxpayer (ZIMRA RCPT013) across the tills of one Fiscal Harmony
// account: each till's default prefix has its own code, and two connections of one computer on
// one account with the same prefix are warned about. Against the sandbox over HTTP.

let sandbox: RunningSandbox;
const apps: ComposedApp[] = [];
beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 1, onError: () => undefined });
});
afterAll(async () => {
  for (const app of apps) await app.dispose();
  await sandbox.close();
});

async function till(): Promise<ComposedApp> {
  const app = await composeTestApp(fastTraining);
  apps.push(app);
  return app;
}

/** A connection to `credentials`' account on `app`, made active (as the Connections screen does). */
async function connect(app: ComposedApp, name: string, credentials: { apiKey: string; apiSecret: string }): Promise<string> {
  const { value } = ipcOf(() => app);
  const created = await value<{ id: string }>('connections:create', {
    kind: 'fiscal-harmony',
    name,
    environment: 'custom',
    customBaseUrl: sandbox.baseUrl,
    applicationName: 'FiscalDesk',
    ...credentials,
  });
  await value('connections:activate', { id: created.id });
  return created.id;
}

describe('numbers on one Fiscal Harmony account', () => {
  it('two tills on one account never send the same seller\'s number', async () => {
    const credentials = uniqueCredentials('fd-two-tills');
    sandbox.addAccount(createDemoAccount('shop', credentials));
    const numbers: string[] = [];
    for (const app of [await till(), await till()]) {
      const { value } = ipcOf(() => app);
      await connect(app, 'Shop', credentials);
      const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
      numbers.push((await value<DocumentDetail>('documents:queue', { id: draft.id })).number ?? '');
      if (!app.documents.ok) throw app.documents.error;
      await app.documents.module.outbox.settled();
    }
    const received = sandbox.documents(credentials.apiKey).map((doc) => doc.documentNumber);
    expect(received).toHaveLength(2);
    expect(new Set(received).size).toBe(2);
    expect(received.sort()).toEqual([...numbers].sort());
    // Each the first of its till, and its till's own default prefix.
    for (const number of numbers) expect(number).toMatch(/^INV-[0-9A-Z]{4}-000001$/);
  });

  it('warns where numbering is shown and in readiness when two connections of this computer share an account and a prefix', async () => {
    const app = await till();
    const { value } = ipcOf(() => app);
    const credentials = uniqueCredentials('fd-shared');
    sandbox.addAccount(createDemoAccount('shop', credentials));
    await connect(app, 'Front counter', credentials);
    const alone = await value<NumberingView>('documents:numbering');
    expect(alone.sharedPrefixWarning).toBeNull();

    await connect(app, 'Back office', credentials);
    const shared = await value<NumberingView>('documents:numbering');
    expect(shared.sharedPrefixWarning).toMatch(/^"Front counter" uses the same Fiscal Harmony account and the same invoice prefix "INV-[0-9A-Z]{4}-", so the two would give the same numbers/);
    const verdict = await value<ReadinessVerdict>('readiness:get', { fresh: true });
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: 'numbering-shared-prefix', severity: 'warning', screen: '/settings', fix: expect.stringMatching(/another prefix in Settings, Numbering/) }));

    const changed = await value<NumberingView>('documents:setNumbering', { invoicePrefix: 'BO-', creditNotePrefix: 'BOC-' });
    expect(changed).toMatchObject({ invoicePrefix: 'BO-', nextInvoiceNumber: 'BO-000001', sharedPrefixWarning: null });
    expect((await value<ReadinessVerdict>('readiness:get', { fresh: true })).reasons.map((reason) => reason.code)).not.toContain('numbering-shared-prefix');
  });

  it('refuses a prefix over 20 characters (with 12 digits a number stays within ZIMRA\'s 50), on its field', async () => {
    const app = await till();
    const { call } = ipcOf(() => app);
    const result = await call('documents:setNumbering', { invoicePrefix: 'INV-'.repeat(6), creditNotePrefix: 'CN-' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { invoicePrefix: expect.stringMatching(/At most 20 characters/) } } });
  });
});
