import { Link } from 'react-router';
import type { DocumentDetail } from '../../../shared/contract/documents';
import { formatAmount } from '../../components/format';

const BADGE: Record<DocumentDetail['state'], string> = {
  draft: 'badge',
  queued: 'badge',
  sending: 'badge',
  submitted: 'badge badge--warn',
  fiscalised: 'badge badge--ok',
  'needs-fix': 'badge badge--bad',
  rejected: 'badge badge--bad',
  'needs-attention': 'badge badge--bad',
};

/** A sent document as it moves through the outbox; its verification code appears the moment it is fiscalised. */
export function SentPanel(props: { detail: DocumentDetail; onNew: () => void }) {
  const { detail } = props;
  const what = detail.kind === 'invoice' ? 'Invoice' : 'Credit note';
  return (
    <section className="card sent" aria-labelledby="sent-title">
      <h2 id="sent-title">
        {what} {detail.number ?? ''}{' '}
        <span className={BADGE[detail.state]} data-testid="document-state" role="status" aria-live="polite">
          {detail.explanation.title}
        </span>
      </h2>
      <p>{detail.explanation.detail}</p>
      {detail.explanation.nextStep === null ? null : <p>{detail.explanation.nextStep}</p>}
      <dl className="facts">
        <div className="facts__row">
          <dt>Buyer</dt>
          <dd>{detail.buyerName}</dd>
        </div>
        <div className="facts__row">
          <dt>Total</dt>
          <dd>{formatAmount(detail.total, detail.currency)}</dd>
        </div>
        {detail.verificationCode === null ? null : (
          <div className="facts__row">
            <dt>Verification code</dt>
            <dd className="mono" data-testid="verification-code">
              {detail.verificationCode}
            </dd>
          </div>
        )}
        {detail.zimraNumber === null ? null : (
          <div className="facts__row">
            <dt>ZIMRA number</dt>
            <dd className="mono">{detail.zimraNumber}</dd>
          </div>
        )}
      </dl>
      {detail.training ? <p className="field__hint">Training mode: nothing sent here is fiscal.</p> : null}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={props.onNew}>
          New invoice
        </button>
        {detail.kind === 'invoice' && detail.state === 'fiscalised' ? (
          <Link className="button" to={`/new-document/credit-note?from=${detail.id}`}>
            Make a credit note
          </Link>
        ) : null}
        {detail.state === 'needs-fix' ? (
          <Link className="button" to={`/new-document/${detail.id}`}>
            Fix and send again
          </Link>
        ) : null}
        {detail.state === 'fiscalised' ? (
          <>
            {detail.draft.taxInclusive ? (
              <Link className="button" to={`/documents/${detail.id}/print/receipt`}>
                Print 80 mm receipt
              </Link>
            ) : null}
            <Link className="button" to={`/documents/${detail.id}/print/a4`}>
              Print A4 {what.toLowerCase()}
            </Link>
          </>
        ) : null}
        <Link className="button" to={`/documents/${detail.id}`}>
          Open this {what.toLowerCase()}
        </Link>
        <Link className="button" to="/documents">
          All documents
        </Link>
      </div>
    </section>
  );
}
