import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../shared/contract/documents';
import type { ReadinessReason } from '../../../shared/contract/readiness';
import { Dec } from '../../../shared/domain/money';
import { typedInvoice, typedLine } from '../../test-support/sample-drafts';
import { checkDraft, type CheckContext } from './draft-check';

// The form's own rules and the field each problem lands on (the shared rules are proven against
// the sandbox by draft-check.property.test.ts).

const taxes = [
  { id: 517, name: 'Standard rated 15.5%', percent: '15.5', validFrom: '2026-01-01T00:00:00', validTill: null },
  { id: 516, name: 'Zero rated 0%', percent: '0', validFrom: '2026-01-01T00:00:00', validTill: '2026-06-30T23:59:59' },
];

function context(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    now: new Date('2026-11-21T08:00:00Z'),
    mappings: {
      taxMappings: [
        { taxCode: 'VAT15', destinationTaxId: 517 },
        { taxCode: 'ZR', destinationTaxId: 516 },
        { taxCode: 'OLD', destinationTaxId: 999 },
      ],
      deviceTaxes: taxes,
      currencyMappings: [{ sourceCurrency: 'USD', usable: true }, { sourceCurrency: 'ZAR', usable: false }],
    },
    original: null,
    lastFiscalisedDate: null,
    readiness: [],
    ...overrides,
  };
}

const rulesAt = (draft: DocumentDraft, ctx = context()) => checkDraft(draft, ctx).problems.map((p) => `${p.field} ${p.rule}`);

describe('the pre-submission check', () => {
  it('passes a good invoice and gives its totals and the name as sent', () => {
    const check = checkDraft(typedInvoice({ lines: [typedLine()] }), context());
    expect(check.problems).toEqual([]);
    expect(check.totals).toEqual({ subTotal: '7.97', totalTax: '1.23', total: '9.20' });
    expect(check.buyerNameSent).toBe('Cash Walk-in customer');
    expect(check.date).toBe('2026-11-21T10:00:00+02:00');
  });

  it('puts each problem on its field, with words and a fix', () => {
    const draft = typedInvoice({
      currency: 'EUR',
      buyer: { ...typedInvoice().buyer, tin: '12345', vatNumber: '22001' },
      lines: [typedLine({ hsCode: '', taxCode: 'NOPE' }), typedLine({ quantity: '1,5', unitAmount: '' }), typedLine({ taxCode: 'OLD', discountAmount: '99' })],
    });
    expect(rulesAt(draft)).toEqual(
      expect.arrayContaining([
        'currency currency-unmapped',
        'buyer.tin buyer-tin',
        'buyer.vatNumber buyer-vat-format',
        'lines.0.hsCode hs-code',
        'lines.0.taxCode tax-unmapped',
        'lines.1.quantity number',
        'lines.1.unitAmount number',
        'lines.2.taxCode tax-not-on-device',
        'lines.2.discountAmount discount',
      ]),
    );
    const problem = checkDraft(draft, context()).problems.find((p) => p.field === 'lines.1.quantity');
    expect(problem).toMatchObject({ message: 'Quantity on line 2 ("1,5") is not a number.', fix: expect.stringContaining('e.g. 2.5') });
  });

  it('judges a tax by the document date, ignores the blank line the form keeps, and flags an unsupported currency mapping', () => {
    expect(rulesAt(typedInvoice({ lines: [typedLine({ taxCode: 'ZR' }), typedLine({ description: '', quantity: '', unitAmount: '', taxCode: '', hsCode: '' })] }))).toEqual([
      'lines.0.taxCode tax-not-valid',
    ]);
    expect(rulesAt(typedInvoice({ date: '2026-03-01T09:00:00+02:00', lines: [typedLine({ taxCode: 'ZR' })] }))).toEqual([]);
    expect(rulesAt(typedInvoice({ currency: 'ZAR', lines: [typedLine()] }))).toEqual(['currency currency-unsupported']);
    expect(rulesAt(typedInvoice({ lines: [] }))).toEqual(['lines no-lines']);
  });

  it('stops everything while the device is not active or the subscription suspended, not for a warning', () => {
    const reason = (code: ReadinessReason['code'], severity: ReadinessReason['severity']): ReadinessReason => ({ code, severity, message: `${code} message`, fix: `${code} fix`, screen: '/device' });
    expect(rulesAt(typedInvoice({ lines: [typedLine()] }), context({ readiness: [reason('device-not-active', 'blocker'), reason('billing-overdue', 'warning')] }))).toEqual(['document readiness']);
    expect(rulesAt(typedInvoice({ lines: [typedLine()] }), context({ readiness: [reason('billing-suspended', 'blocker')] }))).toEqual(['document readiness']);
    expect(rulesAt(typedInvoice({ lines: [typedLine()] }), context({ readiness: [reason('not-checked', 'blocker')] }))).toEqual([]);
  });

  describe("ZIMRA's entry rules, each on its field in a manager's words", () => {
    const only = (draft: DocumentDraft, ctx = context()) => checkDraft(draft, ctx).problems.map((p) => ({ field: p.field, rule: p.rule, message: p.message }));

    it('field sizes: description, unit price decimals, quantity, price, line and document amounts', () => {
      expect(only(typedInvoice({ lines: [typedLine({ description: 'x'.repeat(201) })] }))).toEqual([
        { field: 'lines.0.description', rule: 'description-length', message: 'The description on line 1 is 201 characters long; ZIMRA takes at most 200.' },
      ]);
      expect(rulesAt(typedInvoice({ lines: [typedLine({ description: 'x'.repeat(200) })] }))).toEqual([]);
      expect(only(typedInvoice({ lines: [typedLine(), typedLine({ unitAmount: '4.6005' })] }))).toEqual([
        { field: 'lines.1.unitAmount', rule: 'unit-price-decimals', message: 'Unit price on line 2 has more than 3 decimals.' },
      ]);
      expect(rulesAt(typedInvoice({ lines: [typedLine({ unitAmount: '4.605' })] }))).toEqual([]);
      expect(only(typedInvoice({ lines: [typedLine({ quantity: '10000000000000000', unitAmount: '0.001' })] }))).toEqual([
        { field: 'lines.0.quantity', rule: 'quantity-limit', message: 'Quantity on line 1 is larger than ZIMRA can record (16 digits before the point at most).' },
      ]);
      expect(rulesAt(typedInvoice({ lines: [typedLine({ quantity: '0.001', unitAmount: '10000000000000000' })] }))).toEqual(['lines.0.unitAmount unit-price-limit']);
      // The 1e30 that was once fiscalised: the quantity and what it comes to, the total not repeated.
      expect(rulesAt(typedInvoice({ lines: [typedLine({ quantity: '1000000000000000000000000000000' })] }))).toEqual(['lines.0.quantity quantity-limit', 'lines.0.unitAmount amount-limit']);
      expect(only(typedInvoice({ lines: [typedLine({ quantity: '1000000', unitAmount: '1000000000000' })] }))).toEqual([
        { field: 'lines.0.unitAmount', rule: 'amount-limit', message: 'Line 1 comes to more than ZIMRA can record (17 digits before the point at most).' },
      ]);
      const half = typedLine({ quantity: '1000', unitAmount: '60000000000000', taxCode: 'VAT15' });
      expect(only(typedInvoice({ lines: [half, half] }))).toEqual([
        { field: 'lines', rule: 'amount-limit', message: 'The document comes to more than ZIMRA can record (17 digits before the point at most).' },
      ]);
    });

    it('the date: not in the future beyond 5 minutes of the clock, not before the last fiscalised document', () => {
      // The clock stands at 2026-11-21T10:00:00+02:00.
      expect(rulesAt(typedInvoice({ date: '2026-11-21T10:05:00+02:00', lines: [typedLine()] }))).toEqual([]);
      expect(only(typedInvoice({ date: '2026-11-21T10:06:00+02:00', lines: [typedLine()] }))).toEqual([{ field: 'date', rule: 'date-future', message: 'The date is in the future.' }]);
      const ctx = context({ lastFiscalisedDate: '2026-11-21T09:30:00+02:00' });
      expect(rulesAt(typedInvoice({ date: '2026-11-21T09:30:00+02:00', lines: [typedLine()] }), ctx)).toEqual([]);
      expect(rulesAt(typedInvoice({ lines: [typedLine()] }), ctx)).toEqual([]);
      expect(only(typedInvoice({ date: '2026-11-21T09:29:00+02:00', lines: [typedLine()] }), ctx)).toEqual([
        { field: 'date', rule: 'date-before-last', message: 'The date is before your last fiscalised document (2026-11-21 09:30), and ZIMRA takes documents in date order.' },
      ]);
    });
  });

  describe('a credit note', () => {
    const invoiceLines = [typedLine({ quantity: '4' }), typedLine({ description: 'Bread', quantity: '3', unitAmount: '1.15', taxCode: 'VAT15', hsCode: '19059000' })];
    const original = (credited: string, fiscalised = true): CheckContext['original'] => ({
      invoiceId: '00000000-0000-4000-8000-000000000001',
      number: 'INV-000001',
      state: fiscalised ? 'fiscalised' : 'needs-fix',
      currency: 'USD',
      total: '21.85',
      credited,
      remaining: new Dec('21.85').minus(credited).toFixed(2),
      lines: invoiceLines,
      fiscalised,
      issuedAt: '2026-11-20T09:30:00+02:00',
      buyer: typedInvoice().buyer,
    });
    const note = (lines = invoiceLines, reference = 'Goods returned'): DocumentDraft => ({ ...typedInvoice(), kind: 'credit-note', reference, lines, originalInvoiceId: '00000000-0000-4000-8000-000000000001' });

    it('may credit what remains, in the invoice currency, with a reason, quantities only down', () => {
      expect(rulesAt(note(), context({ original: original('0') }))).toEqual([]);
      expect(rulesAt(note([typedLine({ quantity: '5' })], ''), context({ original: original('0') }))).toEqual(['lines credit-limit', 'reference credit-reason', 'lines.0.quantity credit-quantity']);
      expect(rulesAt(note([typedLine({ description: 'Something else' })]), context({ original: original('0') }))).toEqual(['lines.0.description credit-quantity']);
      expect(rulesAt({ ...note(), currency: 'ZAR' }, context({ original: original('0') }))).toEqual(expect.arrayContaining(['currency credit-currency']));
    });

    it("within 12 months of the invoice, for the invoice's buyer", () => {
      const dated = (issuedAt: string): CheckContext['original'] => ({ ...original('0')!, issuedAt });
      expect(rulesAt(note(), context({ original: dated('2025-11-21T10:00:00+02:00') }))).toEqual([]);
      expect(checkDraft(note(), context({ original: dated('2025-11-21T09:59:00+02:00') })).problems).toEqual([
        expect.objectContaining({ field: 'originalInvoiceId', rule: 'credit-age', message: 'The invoice being credited is more than 12 months old: ZIMRA takes its credit notes only until 2026-11-21 09:59.' }),
      ]);
      const otherBuyer = { ...note(), buyer: { ...note().buyer, name: 'Rudo', tin: '2000123456' } };
      expect(checkDraft(otherBuyer, context({ original: original('0') })).problems).toEqual([
        expect.objectContaining({ field: 'buyer.name', rule: 'credit-buyer', message: 'A credit note is for the invoice\'s buyer ("Cash Walk-in customer").' }),
      ]);
      // Contact details are not who the buyer is.
      expect(rulesAt({ ...note(), buyer: { ...note().buyer, phone: '0772 000 111' } }, context({ original: original('0') }))).toEqual([]);
    });

    it('never above what remains after earlier credit notes, and only from a fiscalised invoice', () => {
      expect(rulesAt(note(), context({ original: original('0.01') }))).toEqual(['lines credit-limit']);
      expect(rulesAt(note([typedLine({ quantity: '1' })]), context({ original: original('12.00') }))).toEqual([]);
      expect(rulesAt(note(), context({ original: original('0', false) }))).toEqual(['originalInvoiceId credit-original']);
      expect(rulesAt(note(), context({ original: null }))).toEqual(['originalInvoiceId credit-original']);
    });
  });
});
