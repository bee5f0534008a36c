import type { CurrencyTotal } from '../../../shared/contract/history';
import { Dec, formatMoney } from '../../../shared/domain/money';

/**
 * Totals per currency, in decimals: invoices add, credit notes subtract (a credit note's amounts
 * are positive on the wire). Documents without an amount yet (drafts) are counted, not summed.
 */
export class CurrencyTotals {
  private readonly byCurrency = new Map<string, { documents: number; total: Dec }>();

  add(currency: string, kind: 'invoice' | 'credit-note', total: string | null): void {
    const entry = this.byCurrency.get(currency) ?? { documents: 0, total: new Dec(0) };
    entry.documents += 1;
    if (total !== null) entry.total = kind === 'credit-note' ? entry.total.minus(total) : entry.total.plus(total);
    this.byCurrency.set(currency, entry);
  }

  list(): CurrencyTotal[] {
    return [...this.byCurrency]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, { documents, total }]) => ({ currency, documents, total: formatMoney(total) }));
  }
}
