import { useState } from 'react';
import { Link } from 'react-router';
import { useFindInvoices } from '../../api/use-documents';
import { formatAmount, formatDate } from '../../components/format';
import { TextField } from '../../components/text-field';

/** A credit note starts from a fiscalised invoice, found by its number (or buyer). */
export function CreditNoteStart() {
  const [query, setQuery] = useState('');
  const found = useFindInvoices(query);
  const items = found.data ?? [];
  return (
    <section className="entry-section" aria-labelledby="credit-start-title">
      <h2 id="credit-start-title" className="section-title">
        Credit note: which invoice?
      </h2>
      <TextField label="Invoice number or buyer" hint="Only fiscalised invoices with something left to credit are listed" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus autoComplete="off" />
      {found.isError ? <p className="field__error">The invoices could not be searched just now.</p> : null}
      {items.length === 0 && found.isSuccess ? <p>No fiscalised invoice matches "{query}".</p> : null}
      <ul className="drafts__list">
        {items.map((invoice) => (
          <li key={invoice.id} className="drafts__item">
            <span>
              <strong>{invoice.number}</strong> · {invoice.buyerName} · {formatDate(invoice.date)} · total {formatAmount(invoice.total, invoice.currency)} · remaining{' '}
              {formatAmount(invoice.remaining, invoice.currency)}
            </span>
            <Link className="button button--small" to={`/new-document/credit-note?from=${invoice.id}`} aria-label={`Credit invoice ${invoice.number ?? ''}`}>
              Credit this invoice
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
