import { IMPORT_FIELDS, IMPORT_FIELD_LABELS } from '../../../shared/contract/import';
import { csvFile } from './csv-text';

/** The columns an import expects, with an invoice of two lines and a credit note for one of them (the demo shop's codes). */
export function importTemplateCsv(): string {
  const header = IMPORT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field]);
  const row = (values: Partial<Record<(typeof IMPORT_FIELDS)[number], string>>): string[] => IMPORT_FIELDS.map((field) => values[field] ?? '');
  return csvFile([
    header,
    row({ reference: 'T-1001', kind: 'Invoice', date: '2026-11-21 09:30', currency: 'USD', paymentMethod: 'Cash', taxInclusive: 'Yes', buyerName: 'Walk-in customer', description: 'Cooking oil 2 l', quantity: '2', unitAmount: '4.60', taxCode: 'VAT15', hsCode: '15079000' }),
    row({ reference: 'T-1001', description: 'Bread', quantity: '3', unitAmount: '1.15', taxCode: 'ZR', hsCode: '19059000' }),
    row({ reference: 'T-1002', kind: 'Credit note', date: '2026-11-21 11:00', currency: 'USD', paymentMethod: 'Cash', taxInclusive: 'Yes', buyerName: 'Walk-in customer', description: 'Bread', quantity: '1', unitAmount: '1.15', taxCode: 'ZR', hsCode: '19059000', originalInvoice: 'T-1001', creditReason: 'Goods returned' }),
  ]);
}
