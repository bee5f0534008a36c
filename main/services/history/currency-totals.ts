import type { CurrencyTotal } from '../../../shared/contract/history';
import { Dec, formatMoney } from '../../../shared/domain/money';

/** Net and VAT of one rate, decimal text. */
export interface RateAmounts {
  net: string;
  tax: string;
}

interface Entry {
  documents: number;
  total: Dec;
  rates: Map<string, { net: Dec; tax: Dec }>;
}

/**
 * Totals per currency, in decimals, from the amounts as the export shows them: an invoice's
 * positive, a credit note's negative (signedAmount), so the totals are the rows' sums. Documents
 * without an amount yet (drafts) are counted, not summed. Each rate's net and VAT is summed too.
 */
export class CurrencyTotals {
  private readonly byCurrency = new Map<string, Entry>();

  add(currency: string, signedTotal: string | null, rates: ReadonlyMap<string, RateAmounts> = new Map()): void {
    const entry = this.byCurrency.get(currency) ?? { documents: 0, total: new Dec(0), rates: new Map() };
    entry.documents += 1;
    if (signedTotal !== null) entry.total = entry.total.plus(signedTotal);
    for (const [rate, amounts] of rates) {
      const sums = entry.rates.get(rate) ?? { net: new Dec(0), tax: new Dec(0) };
      entry.rates.set(rate, { net: sums.net.plus(amounts.net), tax: sums.tax.plus(amounts.tax) });
    }
    this.byCurrency.set(currency, entry);
  }

  list(): CurrencyTotal[] {
    return this.sorted().map(([currency, { documents, total }]) => ({ currency, documents, total: formatMoney(total) }));
  }

  /** Per currency (in list() order), each rate's summed net and VAT. */
  rates(): Map<string, RateAmounts>[] {
    return this.sorted().map(([, entry]) => new Map([...entry.rates].map(([rate, sums]) => [rate, { net: formatMoney(sums.net), tax: formatMoney(sums.tax) }])));
  }

  private sorted(): [string, Entry][] {
    return [...this.byCurrency].sort(([a], [b]) => a.localeCompare(b));
  }
}
