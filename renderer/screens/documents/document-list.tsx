import { memo, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { DocumentSummary, ListDocumentsInput } from '../../../shared/contract/documents';
import type { ShopScope } from '../../../shared/contract/shop-office';
import { signedAmount } from '../../../shared/domain/signed-amount';
import { formatAmount, formatDate, formatTime } from '../../components/format';
import { ErrorPanel } from '../../components/states';
import { StateBadge } from './state-badge';
import { useListWindow } from './use-list-window';
import { useHistoryRows, type ListedDocument } from './use-history-rows';

const ROW_HEIGHT = 52;
const OVERSCAN = 8;

interface Props {
  input: Omit<ListDocumentsInput, 'offset' | 'limit'>;
  selected: ReadonlySet<string>;
  onToggle: (document: DocumentSummary) => void;
  /** Says how many match (`capped`: more than that), for the screen's status line. */
  onTotal: (total: number | null, stale: boolean, capped: boolean) => void;
  /** Every till (or a branch, or one till) from the shop database; null: this till's journal. */
  scope?: ShopScope | null;
}

/**
 * Every matching document in one scrolling table, however many there are: only the rows in view
 * are drawn, and only their pages are asked of main.
 */
export const DocumentList = memo(function DocumentList({ input, selected, onToggle, onTotal, scope = null }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([input, scope]);
  // The list scrolls with the screen (one scroll area): only the rows the screen shows are drawn.
  const { top: scrollTop, height } = useListWindow(body, list, key);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.floor((scrollTop + height) / ROW_HEIGHT) + OVERSCAN;
  const rows = useHistoryRows(input, first, last, scope);
  const total = rows.total;
  useEffect(() => onTotal(total, rows.isStale, rows.capped), [onTotal, total, rows.isStale, rows.capped]);

  if (rows.error !== null && total === null) return <ErrorPanel error={rows.error} onRetry={rows.refetch} title="The documents could not be loaded" />;

  const shown: number[] = [];
  for (let index = first; index <= Math.min(last, (total ?? 0) - 1); index += 1) shown.push(index);

  return (
    <>
      <div ref={list} className="doc-list" role="table" aria-label="Documents" aria-rowcount={(total ?? 0) + 1} aria-busy={rows.isStale || total === null} data-search={input.search}>
        <div role="rowgroup" className="doc-list__head">
          <div role="row" aria-rowindex={1} className="doc-list__row doc-list__row--head">
            <span role="columnheader">
              <span className="visually-hidden">Select</span>
            </span>
            <span role="columnheader">Number</span>
            <span role="columnheader">Date</span>
            <span role="columnheader">Buyer</span>
            <span role="columnheader">State</span>
            <span role="columnheader" className="num">
              Total
            </span>
          </div>
        </div>
        <div ref={body} role="rowgroup" className="doc-list__body" style={{ height: (total ?? 0) * ROW_HEIGHT }}>
          {shown.map((index) => {
            const document = rows.rowAt(index);
            // Keyed by the document: a refresh that moves it (a new one above) never puts another document in its row's place under the pointer.
            return <Row key={document?.id ?? `row-${index}`} index={index} document={document} isSelected={document !== undefined && selected.has(document.id)} onToggle={onToggle} />;
          })}
        </div>
      </div>
      {rows.capped ? <p className="doc-list__more">The list stops here, but more documents match. Type more of the name or number, or add a filter, to see them.</p> : null}
    </>
  );
});

/** A row is drawn again only when its document, its place or its selection changed (typing redraws only the rows that differ). */
const Row = memo(function Row({ index, document, isSelected, onToggle }: { index: number; document: ListedDocument | undefined; isSelected: boolean; onToggle: (document: DocumentSummary) => void }) {
  const style = { transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT };
  if (document === undefined) {
    return (
      <div role="row" aria-rowindex={index + 2} className="doc-list__row doc-list__row--loading" style={style}>
        <span role="cell" />
        <span role="cell">Loading…</span>
      </div>
    );
  }
  const label = document.number ?? 'Draft';
  const fromShop = 'stationId' in document;
  const till = fromShop ? [document.tillLabel === '' ? `Till ${document.stationId.slice(0, 8)}` : document.tillLabel, document.branch === '' ? null : document.branch].filter((part) => part !== null).join(', ') : null;
  const details = [till, document.buyerTin === null ? null : `TIN ${document.buyerTin}`, document.zimraNumber === null ? null : `ZIMRA ${document.zimraNumber}`, document.verificationCode]
    .filter((part) => part !== null)
    .join(' · ');
  return (
    <div role="row" aria-rowindex={index + 2} className="doc-list__row" style={style} data-document-id={document.id}>
      <span role="cell">
        {/* Only this till's own documents can be checked with Fiscal Harmony from here. */}
        {fromShop ? null : <input type="checkbox" aria-label={`Select ${label}`} checked={isSelected} onChange={() => onToggle(document)} />}
      </span>
      <span role="cell" className="doc-list__number">
        <Link to={fromShop ? `/documents/shop/${document.id}` : `/documents/${document.id}`}>{label}</Link>
        {document.kind === 'credit-note' ? <span className="doc-list__kind">Credit note</span> : null}
      </span>
      <span role="cell" className="doc-list__date">
        <span>{formatDate(document.date ?? document.createdAt)}</span>
        <span className="doc-list__time">{formatTime(document.date ?? document.createdAt)}</span>
      </span>
      <span role="cell" className="doc-list__buyer">
        <span className="doc-list__buyer-name">{document.buyerName === '' ? '—' : document.buyerName}</span>
        {details === '' ? null : <span className="doc-list__details mono">{details}</span>}
      </span>
      <span role="cell">
        <StateBadge state={document.state} />
      </span>
      <span role="cell" className="num">
        {formatAmount(document.total === null ? null : signedAmount(document.kind, document.total), document.currency)}
      </span>
    </div>
  );
});
