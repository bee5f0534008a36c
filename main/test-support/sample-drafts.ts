import type { DocumentDraft, LineDraft } from '../../shared/contract/documents';

/** A line as a manager types it (amounts as text). */
export function typedLine(overrides: Partial<LineDraft> = {}): LineDraft {
  return { description: 'Cooking oil 2 l', quantity: '2', unitAmount: '4.60', discountAmount: '', taxCode: 'VAT15', hsCode: '15079000', ...overrides };
}

/** An invoice draft for the demo shop's mappings (VAT15, ZR, EX, WHT5; USD, ZWG). */
export function typedInvoice(overrides: Partial<DocumentDraft> = {}): DocumentDraft {
  return {
    kind: 'invoice',
    date: '',
    currency: 'USD',
    paymentMethod: 'Cash',
    taxInclusive: true,
    reference: '',
    buyer: { name: 'Walk-in customer', tradeName: '', tin: '', vatNumber: '', phone: '', email: '', address: { province: '', street: '', houseNo: '', city: '' } },
    lines: [typedLine(), typedLine({ description: 'Bread', quantity: '3', unitAmount: '1.15', taxCode: 'ZR', hsCode: '19059000' })],
    originalInvoiceId: null,
    ...overrides,
  };
}
