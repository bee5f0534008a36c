import type { DocumentDraft, LineDraft } from '../../../shared/contract/documents';

const emptyBuyer = { name: '', tradeName: '', tin: '', vatNumber: '', phone: '', email: '', address: { province: '', street: '', houseNo: '', city: '' } };

/** A credit note prefilled from an invoice: its lines, currency, payment and buyer; the reason left to the manager. */
export function creditNoteDraftFrom(invoiceId: string, basis: { currency: string; lines: readonly LineDraft[]; draft: DocumentDraft }): DocumentDraft {
  return {
    kind: 'credit-note',
    date: '',
    currency: basis.currency,
    paymentMethod: basis.draft.paymentMethod,
    taxInclusive: basis.draft.taxInclusive,
    reference: '',
    buyer: { ...emptyBuyer, ...basis.draft.buyer },
    lines: basis.lines.map((line) => ({ ...line })),
    originalInvoiceId: invoiceId,
  };
}
