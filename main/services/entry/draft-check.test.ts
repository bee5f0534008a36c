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
    });
    const note = (lines = invoiceLines, reference = 'Goods returned'): DocumentDraft => ({ ...typedInvoice(), kind: 'credit-note', reference, lines, originalInvoiceId: '00000000-0000-4000-8000-000000000001' });

    it('may credit what remains, in the invoice currency, with a reason, quantities only down', () => {
      expect(rulesAt(note(), context({ original: original('0') }))).toEqual([]);
      expect(rulesAt(note([typedLine({ quantity: '5' })], ''), context({ original: original('0') }))).toEqual(['lines credit-limit', 'reference credit-reason', 'lines.0.quantity credit-quantity']);
      expect(rulesAt(note([typedLine({ description: 'Something else' })]), context({ original: original('0') }))).toEqual(['lines.0.description credit-quantity']);
      expect(rulesAt({ ...note(), currency: 'ZAR' }, context({ original: original('0') }))).toEqual(expect.arrayContaining(['currency credit-currency']));
    });

    it('never above what remains after earlier credit notes, and only from a fiscalised invoice', () => {
      expect(rulesAt(note(), context({ original: original('0.01') }))).toEqual(['lines credit-limit']);
      expect(rulesAt(note([typedLine({ quantity: '1' })]), context({ original: original('12.00') }))).toEqual([]);
      expect(rulesAt(note(), context({ original: original('0', false) }))).toEqual(['originalInvoiceId credit-original']);
      expect(rulesAt(note(), context({ original: null }))).toEqual(['originalInvoiceId credit-original']);
    });
  });
});
