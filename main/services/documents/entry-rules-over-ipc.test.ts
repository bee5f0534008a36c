import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { EntryCheckResult } from '../../../shared/contract/entry';
import { formatFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice } from '../../test-support/sample-drafts';

// ZIMRA's date and credit-note rules through the IPC router in training mode: what the journal
// knows (the connection's last fiscalised date, the credited invoice's date and buyer) reaches
// the check, both while typing (entry:check) and when queuing (documents:queue).

let app: ComposedApp;
const { call, value } = ipcOf(() => app);

beforeAll(async () => {
  app = await composeTestApp(fastTraining);
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
