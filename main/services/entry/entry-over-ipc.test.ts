import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { BuyerRecord, CreditableInvoice, EntryCheckResult, EntryOptions, LineSuggestion } from '../../../shared/contract/entry';
import type { StandardRate } from '../../../shared/contract/settings';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';

// The entry channels through the IPC router, in training mode against the built-in sandbox:
// options from the mappings and the device, the live check, and the journal's memory.

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
  await value('documents:queue', { id: saved.id });
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
  const detail = await value<DocumentDetail>('documents:get', { id: saved.id });
  expect(detail.state).toBe('fiscalised');
  return detail;
}

describe('entry over IPC in training mode', () => {
  it('offers the mapped currencies and tax codes with the device\'s ZIMRA name and percent', async () => {
    const options = await value<EntryOptions>('entry:options');
    expect(options.currencies.map((c) => c.code)).toEqual(['USD', 'ZWG']);
    expect(options.taxCodes).toContainEqual({ code: 'VAT15', zimraName: 'Standard rated 15.5%', percent: '15.5', usable: true });
    expect(options.taxCodes).toContainEqual({ code: 'EX', zimraName: 'Exempt', percent: null, usable: true });
    expect(options.training).toBe(true);
  });

  it('checks a draft without saving it: problems on their fields, totals, the name as sent', async () => {
    const draft = typedInvoice({ buyer: { ...typedInvoice().buyer, name: 'Tendai', vatNumber: '220012345' }, lines: [typedLine({ hsCode: '1507', taxCode: 'NOPE' }), typedLine()] });
    const check = await value<EntryCheckResult>('entry:check', { draft });
    expect(check.ok).toBe(false);
    expect(check.buyerNameSent).toBe('Cash Tendai');
    expect(check.problems.map((p) => [p.field, p.rule])).toEqual(
      expect.arrayContaining([
        ['lines.0.hsCode', 'hs-code'],
        ['lines.0.taxCode', 'tax-unmapped'],
        ['buyer.vatNumber', 'buyer-vat'],
      ]),
    );
    expect(check.totals).toBeNull();
    const good = await value<EntryCheckResult>('entry:check', { draft: typedInvoice() });
    expect(good).toMatchObject({ ok: true, problems: [], totals: { total: '12.65', totalTax: '1.23', subTotal: '11.42' } });
  });

  it('remembers buyers and lines of sent documents, and credits an invoice no further than what remains', async () => {
    const buyer = { ...typedInvoice().buyer, name: 'Msasa Builders', tin: '2000999888' };
    const invoice = await fiscalised(typedInvoice({ buyer, lines: [typedLine({ description: 'Cement 50 kg', quantity: '4', unitAmount: '12.50', hsCode: '25232900' })] }));

    const buyers = await value<BuyerRecord[]>('entry:findBuyers', { query: 'msasa' });
    expect(buyers[0]).toMatchObject({ name: 'Msasa Builders', tin: '2000999888' });
    expect((await value<BuyerRecord[]>('entry:findBuyers', { query: '2000999' }))[0]?.name).toBe('Msasa Builders');
    const lines = await value<LineSuggestion[]>('entry:suggestLines', { query: 'ceme', currency: 'USD' });
    expect(lines[0]).toMatchObject({ description: 'Cement 50 kg', hsCode: '25232900', taxCode: 'VAT15', unitAmount: '12.50' });

    const found = await value<CreditableInvoice[]>('entry:findInvoices', { query: invoice.number ?? '' });
    expect(found).toEqual([expect.objectContaining({ id: invoice.id, total: '50.00', remaining: '50.00' })]);
    const { basis, draft } = await value<{ basis: { remaining: string }; draft: ReturnType<typeof typedInvoice> }>('entry:creditBasis', { invoiceId: invoice.id });
    expect(basis.remaining).toBe('50.00');
    expect(draft).toMatchObject({ kind: 'credit-note', currency: 'USD', originalInvoiceId: invoice.id, reference: '' });

    // Half of it credited and fiscalised...
    const half = { ...draft, reference: 'Two bags returned', lines: draft.lines.map((l) => ({ ...l, quantity: '2' })) };
    await fiscalised(half);
    expect((await value<CreditableInvoice[]>('entry:findInvoices', { query: invoice.number ?? '' }))[0]?.remaining).toBe('25.00');
    // ...so the whole again is stopped, on the lines, before anything is sent.
    const again = await value<EntryCheckResult>('entry:check', { draft: { ...draft, reference: 'All returned' } });
    expect(again.problems.map((p) => [p.field, p.rule])).toEqual([['lines', 'credit-limit']]);
    expect(again.credit?.remaining).toBe('25.00');
    const saved = await value<DocumentDetail>('documents:saveDraft', { draft: { ...draft, reference: 'All returned' } });
    const queued = await call('documents:queue', { id: saved.id });
    expect(queued.ok).toBe(false);
    if (!queued.ok) expect(queued.error.fields?.lines).toMatch(/more than what remains creditable/);
    // More than the invoice had on a line, and no reason: the form's own rules.
    const more = await value<EntryCheckResult>('entry:check', { draft: { ...draft, lines: draft.lines.map((l) => ({ ...l, quantity: '5' })) } });
    expect(more.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['credit-reason', 'credit-quantity']));
  });

  it('has no standard rate until the manager chooses one, proposes the device\'s 15.5% VAT code, and starts new lines with the chosen one', async () => {
    // No silent Exempt: nothing chosen, no tax code offered for new lines.
    expect((await value<EntryOptions>('entry:options')).standardTaxCode).toBeNull();
    expect(await value<StandardRate>('settings:standardRate')).toMatchObject({ taxCode: null, proposed: 'VAT15' });

    const refused = await call('settings:setStandardRate', { taxCode: 'NOPE' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', fields: { taxCode: expect.stringMatching(/mapped tax codes/) } });

    expect(await value<StandardRate>('settings:setStandardRate', { taxCode: 'VAT15' })).toMatchObject({ taxCode: 'VAT15', proposed: 'VAT15' });
    expect((await value<EntryOptions>('entry:options')).standardTaxCode).toBe('VAT15');
    expect(app.settings.get('standardTaxCodes')).toEqual({ [app.connections.activeFiscalHarmony().id]: 'VAT15' });

    expect((await value<StandardRate>('settings:setStandardRate', { taxCode: null })).taxCode).toBeNull();
    expect((await value<EntryOptions>('entry:options')).standardTaxCode).toBeNull();
  });

  it('asks for each line\'s tax on its own field when a line has none', async () => {
    const check = await value<EntryCheckResult>('entry:check', { draft: typedInvoice({ lines: [typedLine({ taxCode: '' })] }) });
    expect(check.problems).toEqual([expect.objectContaining({ field: 'lines.0.taxCode', rule: 'tax-code-missing', message: 'Line 1 needs a tax code.' })]);
  });

  it('suggests a product\'s HS code whatever the currency, but its price only from documents in the invoice\'s currency', async () => {
    await fiscalised(typedInvoice({ currency: 'USD', lines: [typedLine({ description: 'Maize meal 10 kg', unitAmount: '7.00', hsCode: '11022000', taxCode: 'ZR' })] }));
    const inZwg = await value<LineSuggestion[]>('entry:suggestLines', { query: 'maize', currency: 'ZWG' });
    expect(inZwg).toEqual([expect.objectContaining({ description: 'Maize meal 10 kg', hsCode: '11022000', taxCode: 'ZR', unitAmount: null, currency: 'ZWG' })]);

    await fiscalised(typedInvoice({ currency: 'ZWG', lines: [typedLine({ description: 'Maize meal 10 kg', unitAmount: '189.00', hsCode: '11022000', taxCode: 'ZR' })] }));
    await fiscalised(typedInvoice({ currency: 'USD', lines: [typedLine({ description: 'maize meal 10 kg', unitAmount: '7.20', hsCode: '11022000', taxCode: 'ZR' })] }));
    expect((await value<LineSuggestion[]>('entry:suggestLines', { query: 'maize', currency: 'ZWG' }))[0]).toMatchObject({ unitAmount: '189.00', currency: 'ZWG' });
    expect((await value<LineSuggestion[]>('entry:suggestLines', { query: 'maize', currency: 'USD' }))[0]).toMatchObject({ unitAmount: '7.20', currency: 'USD' });
  });
});
