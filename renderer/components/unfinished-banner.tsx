import { Link } from 'react-router';
import type { DocumentSummary } from '../../shared/contract/documents';
import { useDrafts } from '../api/use-documents';
import './unfinished-banner.css';

const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "1 unfinished invoice", "2 unfinished invoices and 1 credit note", "25 unfinished documents". */
export function unfinishedInWords(items: readonly Pick<DocumentSummary, 'kind'>[], total: number): string {
  if (total > items.length) return counted(total, 'unfinished document', 'unfinished documents');
  const invoices = items.filter((item) => item.kind === 'invoice').length;
  const credits = items.length - invoices;
  if (invoices === 0) return counted(credits, 'unfinished credit note', 'unfinished credit notes');
  const first = counted(invoices, 'unfinished invoice', 'unfinished invoices');
  return credits === 0 ? first : `${first} and ${counted(credits, 'credit note', 'credit notes')}`;
}

/**
 * Drafts (and refused documents to fix) left from before, at the top where they cannot be missed
 * after a restart: "1 unfinished invoice — Continue" opens the newest.
 */
export function UnfinishedBanner(props: { currentId: string | null; onShowAll?: () => void }) {
  const drafts = useDrafts();
  if (drafts.data === undefined) return null;
  const items = drafts.data.items.filter((item) => item.id !== props.currentId);
  const total = drafts.data.total - (drafts.data.items.length - items.length);
  const newest = items[0];
  if (newest === undefined) return null;
  const what = newest.kind === 'invoice' ? 'invoice' : 'credit note';
  return (
    <section className="notice notice--info unfinished-banner" aria-labelledby="unfinished-banner-text">
      <p id="unfinished-banner-text">
        <strong>{unfinishedInWords(items, total)}</strong>
        {total > 1 ? ' (Continue opens the newest)' : ''}
      </p>
      <span className="button-row">
        <Link className="button button--small" to={`/new-document/${newest.id}`} aria-label={`Continue the ${what} for ${newest.buyerName || 'no buyer yet'}`}>
          Continue
        </Link>
        {total > 1 ? (
          props.onShowAll === undefined ? (
            <Link className="button button--small" to="/new-document">
              See them all
            </Link>
          ) : (
            <button type="button" className="button button--small" onClick={props.onShowAll}>
              See them all
            </button>
          )
        ) : null}
      </span>
    </section>
  );
}
