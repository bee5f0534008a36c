import { Link, useNavigate, useParams } from 'react-router';
import type { ShopDocumentDetail } from '../../../shared/contract/shop-office';
import { Dec } from '../../../shared/domain/money';
import { signedAmount } from '../../../shared/domain/signed-amount';
import { useShopDocument, useShopReach, useStartShopCreditNote } from '../../api/use-shop-office';
import { messageOf } from '../../api/unwrap';
import { DocumentLinesTable } from '../../components/document-lines-table';
import { FactList } from '../../components/fact-list';
import { formatAmount, formatDateTime, orDash } from '../../components/format';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/states';
import { KIND_LABELS, STATE_LABELS } from '../documents/history-filters';
import { StateBadge } from '../documents/state-badge';
import { tillName } from './scope';

/** One document of any till, as the shop database has it: read-only, with a way to credit an invoice. */
export function ShopDocumentDetailScreen() {
  const { id = '' } = useParams();
  const document = useShopDocument(id);
  if (document.isPending) return <Loading what="the document" />;
  if (document.isError) {
    return (
      <Page title="Document" summary="One document of a till, from the shop database">
        <ErrorPanel error={document.error} onRetry={() => void document.refetch()} title="This document could not be loaded from the shop database" />
        <Link to="/documents?scope=all">Back to Documents</Link>
      </Page>
    );
  }
  return <Detail document={document.data} />;
}

function Detail({ document }: { document: ShopDocumentDetail }) {
  const reach = useShopReach();
  const till = reach.data?.tills.find((candidate) => candidate.stationId === document.stationId);
  const thisTill = till?.thisTill === true;
  const tillText = `${tillName({ label: document.tillLabel, stationId: document.stationId })}${document.branch === '' ? '' : `, branch ${document.branch}`}`;
  return (
    <Page
      title={`${KIND_LABELS[document.kind]} ${document.number ?? '(not numbered)'}`}
      summary={`${tillText} · ${document.buyerName === '' ? 'No buyer' : document.buyerName} · ${formatAmount(document.total === null ? null : signedAmount(document.kind, document.total), document.currency)}`}
      actions={
        <Link className="button" to="/documents?scope=all">
          Back to Documents
        </Link>
      }
    >
      <p className="notice notice--info">
        {thisTill ? 'A document of this till, ' : `A document of ${tillText}, `}as it was copied to the shop database {formatDateTime(document.copiedAt)}.{' '}
        {thisTill ? <Link to={`/documents/${document.id}`}>Open it on this till</Link> : 'Only that till can send, check or print it.'}
      </p>
      <CreditNoteOffer document={document} />
      <section aria-labelledby="shop-facts-title" className="card">
        <h2 id="shop-facts-title" className="section-title">
          Details
        </h2>
        <FactList
          facts={[
            ['State', <StateBadge key="state" state={document.state} />],
            ['Till', tillText],
            ['Date', document.date === null ? '—' : formatDateTime(document.date)],
            ['Buyer', document.buyerName === '' ? '—' : document.buyerName],
            ['Buyer TIN', orDash(document.buyerTin)],
            ['Total', formatAmount(document.total === null ? null : signedAmount(document.kind, document.total), document.currency)],
            ['Tax', formatAmount(document.totalTax, document.currency)],
            ...(document.originalNumber === null ? [] : ([['Credits invoice', document.originalNumber]] as const)),
            ['ZIMRA number', orDash(document.zimraNumber)],
            ['Verification code', orDash(document.verificationCode)],
            ...(document.serviceError === null ? [] : ([['Fiscal Harmony said', document.serviceError]] as const)),
          ]}
        />
      </section>
      <section aria-labelledby="shop-lines-title" className="card">
        <h2 id="shop-lines-title" className="section-title">
          Lines
        </h2>
        <DocumentLinesTable lines={document.lines} caption="Lines" variant="screen" />
      </section>
      <section aria-labelledby="shop-timeline-title" className="card">
        <h2 id="shop-timeline-title" className="section-title">
          What happened
        </h2>
        <ol className="timeline">
          {document.events.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> <strong>{STATE_LABELS[event.to]}</strong>
              {event.note === '' ? null : <span className="timeline__note"> — {event.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}

/** An invoice with something left to credit: a credit note started here, on this computer, limited by what every till credited. */
function CreditNoteOffer({ document }: { document: ShopDocumentDetail }) {
  const navigate = useNavigate();
  const start = useStartShopCreditNote();
  if (document.kind !== 'invoice' || document.state !== 'fiscalised' || document.remaining === null) return null;
  const left = new Dec(document.remaining);
  return (
    <section aria-labelledby="shop-credit-title" className="card">
      <h2 id="shop-credit-title" className="section-title">
        Credit note
      </h2>
      <p>
        Credited by every till so far: {formatAmount(document.credited ?? '0', document.currency)}. Left to credit: <strong>{formatAmount(document.remaining, document.currency)}</strong>.
      </p>
      {left.lte(0) ? (
        <p>Nothing is left to credit on this invoice.</p>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={start.isPending}
            onClick={() => start.mutate(document.id, { onSuccess: (draft) => void navigate(`/new-document/${draft.id}`) })}
          >
            {start.isPending ? 'Starting…' : 'Start a credit note on this computer'}
          </button>
        </div>
      )}
      {start.isError ? (
        <p className="notice notice--error" role="alert">
          {messageOf(start.error)}
        </p>
      ) : null}
    </section>
  );
}
