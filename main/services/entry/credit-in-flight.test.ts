import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../shared/contract/documents';
import { OutboxStore } from '../../outbox/outbox-store';
import { HARNESS_PROFILE, openHarness, type Harness } from '../../outbox/test-support/outbox-harness';
import { createDemoAccount, uniqueCredentials } from '../../sandbox/demo-accounts';
import { startFiscalHarmonySandbox, type RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import { EntryQueries } from '../../store/journal/entry-queries';
import { appErrorOf } from '../../test-support/app-error-of';
import { typedInvoice } from '../../test-support/sample-drafts';

// A credit note counts against what remains of its invoice from the moment it is queued, not
// only once it is fiscalised: two credit notes sent close together can never credit more than
// the invoice. A real journal, the documents service and the outbox against the sandbox.

let sandbox: RunningSandbox;
let harness: Harness;
const credentials = uniqueCredentials('credit-in-flight');
let invoiceId = '';

const remaining = () => new EntryQueries(harness.journal.db).creditBasis(HARNESS_PROFILE, invoiceId, null)?.remaining;
const state = (id: string) => harness.documents.repo.get(id)?.state;
/** A credit note of the typed invoice (2 x 4.60 VAT15 = 9.20, 3 x 1.15 ZR = 3.45), some of its lines. */
function creditNote(lines: 'oil' | 'bread' | 'both'): DocumentDraft {
  const all = typedInvoice().lines;
  const chosen = lines === 'both' ? all : all.filter((line) => (lines === 'oil' ? line.taxCode === 'VAT15' : line.taxCode === 'ZR'));
  return typedInvoice({ kind: 'credit-note', originalInvoiceId: invoiceId, reference: 'Returned by the buyer', lines: chosen });
}
async function queued(draft: DocumentDraft): Promise<string> {
  const saved = harness.documents.saveDraft({ draft });
  await harness.documents.queue(saved.id, 'first');
  return saved.id;
}

beforeAll(async () => {
  sandbox = await startFiscalHarmonySandbox({ processingDelayMs: 3_600_000, onError: () => undefined });
  sandbox.addAccount(createDemoAccount('shop', credentials));
  harness = openHarness({ dataDirectory: mkdtempSync(join(tmpdir(), 'fd-credit-')), baseUrl: sandbox.baseUrl, credentials });
  invoiceId = await queued(typedInvoice());
  await harness.outbox.tick();
  sandbox.processNow();
  await harness.outbox.checkNow([invoiceId]);
  expect(state(invoiceId)).toBe('fiscalised');
});
afterAll(async () => {
  await harness.close();
  await sandbox.close();
});

describe('credit notes on their way', () => {
  it('count against what remains while queued, sending and waiting for their result', async () => {
    expect(remaining()).toBe('12.65');
    const bread = await queued(creditNote('bread'));
    expect(state(bread)).toBe('queued');
    expect(remaining()).toBe('9.20');

    // Taken by an outbox (another process's, whose lease runs out at once).
    expect(new OutboxStore(harness.journal, harness.documents.repo).claimDue('elsewhere/1/gone', Date.now(), 0, () => true, 1)).toHaveLength(1);
    expect(state(bread)).toBe('sending');
    expect(remaining()).toBe('9.20');

    await new Promise((resolve) => setTimeout(resolve, 5));
    await harness.outbox.tick();
    expect(state(bread)).toBe('submitted');
    expect(remaining()).toBe('9.20');

    // So the whole invoice cannot be credited a second time meanwhile; what remains can.
    const whole = harness.documents.saveDraft({ draft: creditNote('both') });
    const refused = await appErrorOf(harness.documents.queue(whole.id, 'first'));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.fields?.lines).toMatch(/more than what remains creditable on the invoice \(\S*9\.20\)/);
    expect(state(whole.id)).toBe('draft');
    const oil = await queued(creditNote('oil'));
    expect(state(oil)).toBe('queued');
    expect(remaining()).toBe('0.00');
  });
});
