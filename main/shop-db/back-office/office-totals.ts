import type { CurrencyTotal } from '../../../shared/contract/history';
import { Dec, formatMoney } from '../../../shared/domain/money';

/** Documents and their signed sum for one currency, as PostgreSQL added them up (decimal text). */
export interface CurrencySum {
  currency: string;
  documents: number;
  total: string;
}

/**
 * Sums per currency into the totals the local dashboard shows (currency-totals.ts): in decimals,
 * ordered by currency, each total to the cent; currencies without documents left out.
 */
export function currencyTotals(sums: Iterable<CurrencySum>): CurrencyTotal[] {
  const byCurrency = new Map<string, { documents: number; total: Dec }>();
  for (const sum of sums) {
    if (sum.documents === 0) continue;
    const entry = byCurrency.get(sum.currency) ?? { documents: 0, total: new Dec(0) };
    byCurrency.set(sum.currency, { documents: entry.documents + sum.documents, total: entry.total.plus(sum.total) });
  }
  return [...byCurrency]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, entry]) => ({ currency, documents: entry.documents, total: formatMoney(entry.total) }));
}
