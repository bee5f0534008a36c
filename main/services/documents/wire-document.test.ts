import { describe, expect, it } from 'vitest';
import { parseExactJson, stringifyExactJson } from '../../../shared/domain/exact-json';
import { InvoiceSchema } from '../../../shared/domain/fiscal-harmony/schemas';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';
import { wireBodyToSend, wireDocumentJson } from './wire-document';

const percents: Record<string, string | null> = { VAT15: '15.5', ZR: '0', EX: null };

function wire(draft = typedInvoice()) {
  return wireDocumentJson({ id: 'a1b2', kind: 'invoice', number: 'INV-000007', date: '2026-11-30T10:00:00+02:00', draft, percentOf: (code) => percents[code], originalInvoiceId: null });
}

describe('the wire document', () => {
  it('writes amounts as JSON numbers digit for digit, never through a float', () => {
    // 9,007,199,254,740.993 would come back from a double as ...740.99 or worse.
    const text = wire(typedInvoice({ lines: [typedLine({ quantity: '1', unitAmount: '90071992547409.93', taxCode: 'EX' })] }));
    expect(text).toContain('"UnitAmount":90071992547409.93');
    expect(text).toContain('"LineAmount":90071992547409.93');
    expect(text).toContain('"Total":90071992547409.93');
    expect(text).toContain('"Quantity":1,');
  });

  it('is a valid Invoice with the figures of fh-api.md section 5 and Cash <name> for a buyer without a TIN', () => {
    const parsed = InvoiceSchema.parse(parseExactJson(wire()));
    expect(parsed).toMatchObject({ InvoiceId: 'a1b2', InvoiceNumber: 'INV-000007', SubTotal: '11.42', TotalTax: '1.23', Total: '12.65', IsTaxInclusive: true });
    expect(parsed.BuyerContact.Name).toBe('Cash Walk-in customer');
    expect(parsed.LineItems.map((line) => line.ProductCode)).toEqual(['15079000', '19059000']);
  });

  it('sends the stored body to the last digit, with IsRetry set', () => {
    const stored = wire(typedInvoice({ lines: [typedLine({ unitAmount: '1234567890123.45' })] }));
    const sent = stringifyExactJson(wireBodyToSend(stored, true));
    expect(sent).toBe(stored.replace('"IsRetry":false', '"IsRetry":true'));
    expect(sent).toContain('"UnitAmount":1234567890123.45');
  });
});
