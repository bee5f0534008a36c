import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFiscalHarmonySandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { useSandboxAccount } from '../../test-support/sandbox-connection';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { EntryCheckResult } from '../../../shared/contract/entry';
import { formatFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';

// ZIMRA's date and credit-note rules through the IPC router in training mode: what the journal
// knows (the connection's last fiscalised date, the credited invoice's date and buyer) reaches
// the check, both while typing (entry:check) and when queuing (documents:queue).

let app: ComposedApp;
const { call, value } = ipcOf(() => app);
/** How far the app's clock runs behind the real one (the sandbox keeps real time). */
let clockBehindMs = 0;

beforeAll(async () => {
  app = await composeTestApp({ ...fastTraining, clock: () => new Date(Date.now() - clockBehindMs) });
});
afterAll(async () => {
  await app.dispose();
});

async function fiscalised(draft = typedInvoice()): Promise<DocumentDetail> {
  const saved = await value<DocumentDetail>('documents:saveDraft', { draft });
  await value<DocumentDetail>('documents:queue', { id: saved.id });
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
  const done = await value<DocumentDetail>('documents:get', { id: saved.id });
  expect(done.state).toBe('fiscalised');
  return done;
}

async function queueRefusal(draft: ReturnType<typeof typedInvoice>): Promise<Record<string, string>> {
  const saved = await value<DocumentDetail>('documents:saveDraft', { draft });
  const result = await call('documents:queue', { id: saved.id });
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  return result.ok ? {} : (result.error.fields ?? {});
}

describe("ZIMRA's entry rules with the journal's facts", () => {
  it('stops a date before the last fiscalised document, and one in the future, on the date field', async () => {
    const invoice = await fiscalised();
    const earlier = formatFhDate(new Date(Date.now() - 3_600_000));
    const check = await value<EntryCheckResult>('entry:check', { draft: typedInvoice({ date: earlier }) });
    expect(check.problems).toEqual([expect.objectContaining({ field: 'date', rule: 'date-before-last' })]);
    expect(check.problems[0]?.message).toContain(`before your last fiscalised document (${invoice.date?.slice(0, 10) ?? '?'} `);
    expect((await queueRefusal(typedInvoice({ date: earlier }))).date).toMatch(/^The date is before your last fiscalised document/);
    expect((await queueRefusal(typedInvoice({ date: formatFhDate(new Date(Date.now() + 86_400_000)) }))).date).toMatch(/^The date is in the future\. /);
  });

  it("stops a credit note for another buyer than the invoice's", async () => {
    const invoice = await fiscalised(typedInvoice({ buyer: { ...typedInvoice().buyer, name: 'Msasa Builders', tin: '2000111222' } }));
    const basis = await value<{ draft: ReturnType<typeof typedInvoice> }>('entry:creditBasis', { invoiceId: invoice.id });
    const note = { ...basis.draft, reference: 'Goods returned' };
    expect((await value<EntryCheckResult>('entry:check', { draft: note })).problems).toEqual([]);
    const other = { ...note, buyer: { ...note.buyer, name: 'Rudo', tin: '' } };
    expect((await value<EntryCheckResult>('entry:check', { draft: other })).problems).toEqual([expect.objectContaining({ field: 'buyer.name', rule: 'credit-buyer' })]);
    expect((await queueRefusal(other))['buyer.name']).toBe('A credit note is for the invoice\'s buyer ("Msasa Builders"). Put the invoice\'s buyer back: start the credit note again from the invoice.');
  });
});

describe('a document sent again', () => {
  it('is checked with the date it goes with, its first one, not with now', async () => {
    const sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 5, onError: () => undefined });
    try {
      const { client } = await useSandboxAccount(app, sandbox, 'shop');
      // Refused by the service for a mapping deleted in the portal after the app read it: a
      // document that needs a fix, dated ten minutes ago.
      await value('mappings:overview');
      const zr = (await client.json<{ Id: number; TaxCode: string }[]>('GET', '/taxmapping')).body.find((mapping) => mapping.TaxCode === 'ZR');
      expect((await client.request('DELETE', `/taxmapping/${zr?.Id}`)).status).toBe(200);
      clockBehindMs = 600_000;
      const refused = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice({ lines: [typedLine({ taxCode: 'ZR' })] }) });
      await value('documents:queue', { id: refused.id });
      if (!app.documents.ok) throw app.documents.error;
      await app.documents.module.outbox.settled();
      expect((await value<DocumentDetail>('documents:get', { id: refused.id })).state).toBe('needs-fix');
      // Meanwhile another is fiscalised, dated now.
      clockBehindMs = 0;
      await fiscalised(typedInvoice({ lines: [typedLine()] }));
      // Sent again without a date of its own, it would go with its first date: stopped here.
      const again = await call('documents:resend', { id: refused.id });
      expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { date: expect.stringMatching(/^The date is before your last fiscalised document/) } } });
    } finally {
      clockBehindMs = 0;
      await sandbox.close();
    }
  });
});
