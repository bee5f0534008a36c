import { Link } from 'react-router';
import { useDiscardDraft, useDrafts } from '../../api/use-documents';
import { formatAmount, formatDateTime } from '../../components/format';

/** Drafts and refused documents, to continue (or, for a draft, to discard). */
export function DraftsList(props: { currentId: string | null }) {
  const drafts = useDrafts();
  const discard = useDiscardDraft();
  const items = (drafts.data?.items ?? []).filter((item) => item.id !== props.currentId);
  if (drafts.isError || items.length === 0) return null;
  return (
    <section className="entry-section drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title" className="section-title" tabIndex={-1}>
        Unfinished documents
      </h2>
      <ul className="drafts__list">
        {items.map((item) => {
          const label = `${item.kind === 'invoice' ? 'Invoice' : 'Credit note'}${item.number === null ? '' : ` ${item.number}`} for ${item.buyerName || 'no buyer yet'}`;
          return (
            <li key={item.id} className="drafts__item">
              <span>
                {item.state === 'needs-fix' ? <span className="badge badge--bad">Needs a fix</span> : <span className="badge">Draft</span>} {label}
                {item.total === null ? '' : `, ${formatAmount(item.total, item.currency)}`} <span className="field__hint">saved {formatDateTime(item.updatedAt)}</span>
              </span>
              <span className="button-row">
                <Link className="button button--small" to={`/new-document/${item.id}`} aria-label={`Continue ${label}`}>
                  Continue
                </Link>
                {item.state === 'draft' ? (
                  <button type="button" className="button button--small" aria-label={`Discard ${label}`} disabled={discard.isPending} onClick={() => discard.mutate(item.id)}>
                    Discard
                  </button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
