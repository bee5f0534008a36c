// Builds consistent documents for the demo shop (tax codes EX, ZR, VAT15, WHT5) with the shared
// arithmetic, so tests and benchmarks only spell out what they want to break.
import { randomUUID } from 'node:crypto';
import { documentTotals, lineAmount } from '../../../shared/domain/fiscal-harmony/arithmetic';
import type { CreditNoteInput, InvoiceInput } from '../../../shared/domain/fiscal-harmony/schemas';

export const DEMO_TAX_PERCENT: Record<string, string | null> = { EX: null, ZR: '0', VAT15: '15.5', WHT5: '5' };

export interface LineSpec {
  description?: string;
  quantity: string;
  unitAmount: string;
  discountAmount?: string;
  taxCode?: string;
  productCode?: string;
}

interface Options {
  lines?: LineSpec[];
  taxInclusive?: boolean;
  currency?: string;
  date?: string;
  id?: string;
  number?: string;
  taxPercent?: Record<string, string | null>;
}

function figures(options: Options): Pick<InvoiceInput, 'LineItems' | 'SubTotal' | 'TotalTax' | 'Total' | 'IsTaxInclusive' | 'IsDiscounted'> {
  const specs = options.lines ?? [{ quantity: '2', unitAmount: '57.75', taxCode: 'VAT15' }];
  const taxInclusive = options.taxInclusive ?? true;
  const percents = options.taxPercent ?? DEMO_TAX_PERCENT;
  const lines = specs.map((s, i) => {
    const amount = lineAmount({ quantity: s.quantity, unitAmount: s.unitAmount, discountAmount: s.discountAmount ?? null });
    return {
      Description: s.description ?? `Item ${i + 1}`,
      Quantity: Number(s.quantity),
      UnitAmount: Number(s.unitAmount),
      LineAmount: Number(amount.toFixed(2)),
      DiscountAmount: s.discountAmount === undefined ? null : Number(s.discountAmount),
      TaxCode: s.taxCode ?? 'VAT15',
      ProductCode: s.productCode ?? '73170000',
    };
  });
  const totals = documentTotals(
    lines.map((l) => ({ lineAmount: l.LineAmount.toFixed(2), taxPercent: percents[l.TaxCode] ?? null })),
    taxInclusive,
  );
  return {
    IsTaxInclusive: taxInclusive,
    IsDiscounted: specs.some((s) => s.discountAmount !== undefined),
    LineItems: lines,
    SubTotal: Number(totals.subTotal.toFixed(2)),
    TotalTax: Number(totals.totalTax.toFixed(2)),
    Total: Number(totals.total.toFixed(2)),
  };
}

export function demoInvoice(options: Options = {}): InvoiceInput & { InvoiceId: string } {
  const id = options.id ?? randomUUID();
  return {
    InvoiceId: id,
    InvoiceNumber: options.number ?? `INV-${id.slice(0, 8).toUpperCase()}`,
    Reference: null,
    BuyerContact: { Name: 'Cash Tendai' },
    Date: options.date ?? '2026-11-21T09:30:00+02:00',
    CurrencyCode: options.currency ?? 'USD',
    PaymentMethod: 'Cash',
    IsRetry: false,
    ...figures(options),
  };
}

export function demoCreditNote(originalInvoiceId: string, options: Options = {}): CreditNoteInput & { CreditNoteId: string } {
  const id = options.id ?? randomUUID();
  return {
    CreditNoteId: id,
    CreditNoteNumber: options.number ?? `CN-${id.slice(0, 8).toUpperCase()}`,
    OriginalInvoiceId: originalInvoiceId,
    Reference: 'Goods returned',
    BuyerContact: { Name: 'Cash Tendai' },
    // The invoice's default date: not after 10:00 CAT, the test clock's start (that would be in
    // the future), and not before the invoices the same account fiscalised (ZIMRA RCPT030).
    Date: options.date ?? '2026-11-21T09:30:00+02:00',
    CurrencyCode: options.currency ?? 'USD',
    PaymentMethod: 'Cash',
    IsRetry: false,
    ...figures(options),
  };
}
