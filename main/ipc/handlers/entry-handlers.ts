import type { EntryService } from '../../services/entry/entry-service';
import type { Handlers } from '../router';

export function entryHandlers(entry: EntryService): Handlers['entry'] {
  return {
    options: () => entry.options(),
    check: (input) => entry.check(input),
    findBuyers: ({ query }) => entry.findBuyers(query),
    suggestLines: ({ query, currency }) => entry.suggestLines(query, currency),
    findInvoices: ({ query }) => entry.findInvoices(query),
    creditBasis: ({ invoiceId }) => entry.creditBasis(invoiceId),
  };
}
