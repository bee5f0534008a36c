import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { DocumentDetail } from '../../../shared/contract/documents';
import { useCheckStatus, useDocument, useResendDocument } from '../../api/use-documents';
import { usePdf, useReceipt, useSavePdf } from '../../api/use-history';
import { messageOf } from '../../api/unwrap';
import { DocumentLinesTable } from '../../components/document-lines-table';
import { FactList } from '../../components/fact-list';
import { formatAmount, formatDateTime } from '../../components/format';
import { PAYMENT_LABEL } from '../../components/payment-labels';
import { Tabs } from '../../components/tabs';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/states';
import { ratesOfTaxTable, TaxSummaryTable } from '../../components/tax-summary-table';
import { parseZimraQrUrl, qrProblemOf } from '../../../shared/domain/fiscal-harmony/zimra-qr-url';
import { openExternal } from '../../api/use-app';
import { AttentionActions } from './attention-actions';
import { FiscalFacts } from './fiscal-facts';
import { KIND_LABELS, STATE_LABELS } from './history-filters';
import { PdfViewer, printPdf } from './pdf-on-demand';
import { DetailActionBar, printActions, type DetailAction } from './detail-actions';


export function DocumentDetailScreen() {
  const { id = '' } = useParams();
  const document = useDocument(id);
  if (document.isPending) return <Loading what="the document" />;
  if (document.isError) {
    return (
      <Page title="Document" summary="One document, its state and its fiscal data">
        <ErrorPanel error={document.error} onRetry={() => void document.refetch()} title="This document could not be loaded" />
        <Link to="/documents">Back to Documents</Link>
      </Page>
    );
  }
  return <Detail document={document.data} />;
}

function Detail({ document }: { document: DocumentDetail }) {
  const title = `${KIND_LABELS[document.kind]} ${document.number ?? '(draft)'}`;
  return (
    <Page
      title={title}
      summary={`${document.buyerName === '' ? 'No buyer yet' : document.buyerName} · ${formatAmount(document.total, document.currency)}`}
      actions={
        <Link className="button" to="/documents">
          Back to Documents
        </Link>
      }
    >
      {document.training ? (
        <p className="notice notice--training">Training: this document was sent to the training simulator and is not fiscal.</p>
      ) : null}
      <section className={`notice ${document.state === 'fiscalised' ? 'notice--success' : document.state === 'rejected' || document.state === 'needs-attention' ? 'notice--error' : document.state === 'needs-fix' ? 'notice--warning' : 'notice--info'}`} aria-labelledby="state-title">
        {/* The title names the state in words ("Fiscalised"): no badge repeating it. */}
        <h2 className="notice__title" id="state-title" data-testid="detail-state">
          {document.explanation.title}
        </h2>
        <p>{document.explanation.detail}</p>
        {document.explanation.nextStep === null ? null : (
          <p>
            <strong>Next step:</strong> {document.explanation.nextStep}
          </p>
        )}
        {document.serviceError === null ? null : (
          <p>
            Fiscal Harmony said: <q className="mono">{document.serviceError}</q>
          </p>
        )}
      </section>
      <Actions document={document} />
      <AttentionActions document={document} />
      <DetailTabs
        document={document}
        details={() => (
          <>
            <DocumentFacts document={document} />
            {document.qr === null ? null : (
              <section aria-labelledby="fiscal-title" className="card">
                <h2 id="fiscal-title" className="section-title">
                  Fiscal data
                </h2>
                <FiscalFacts qr={document.qr} />
              </section>
            )}
            <section aria-labelledby="buyer-title" className="card">
              <h2 id="buyer-title" className="section-title">
                Buyer
              </h2>
              <FactList
                facts={[
                  ['Name', document.draft.buyer.name || document.buyerName],
                  ['Trade name', document.draft.buyer.tradeName],
                  ['TIN', document.draft.buyer.tin],
                  ['VAT number', document.draft.buyer.vatNumber],
                  ['Phone', document.draft.buyer.phone],
                  ['Email', document.draft.buyer.email],
                ]}
              />
            </section>
            <Lines document={document} />
            <TaxSummary document={document} />
            <section aria-labelledby="timeline-title" className="card">
              <h2 id="timeline-title" className="section-title">
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
          </>
        )}
        pdf={() => <PdfSection document={document} />}
      />
    </Page>
  );
}

function Actions({ document }: { document: DocumentDetail }) {
  const check = useCheckStatus();
  const resend = useResendDocument();
  const [message, setMessage] = useState<string | null>(null);
  // Only a document waiting for its result can be asked about (fh-api.md section 5: by request id, for 7 days).
  const canCheck = document.state === 'submitted';
  const editable = document.state === 'draft' || document.state === 'needs-fix';
  // Most useful first: the first is the primary button, the others are under "More".
  const actions: DetailAction[] = [];
  if (canCheck) {
    actions.push({
      key: 'check-status',
      label: check.isPending ? 'Checking…' : 'Check status now',
      busy: check.isPending,
      run: () =>
        check.mutate([document.id], {
          onSuccess: ({ changed }) => setMessage(changed === 0 ? 'Fiscal Harmony has no new result yet.' : 'The result came in.'),
          onError: (error) => setMessage(messageOf(error)),
        }),
    });
  }
  if (editable) actions.push({ key: 'edit', label: document.state === 'draft' ? 'Continue editing' : 'Fix and re-send', to: `/new-document/${document.id}` });
  if (document.state === 'needs-fix') {
    actions.push({
      key: 'retry',
      label: 'Retry as it is',
      disabled: resend.isPending,
      run: () => resend.mutate(document.id, { onSuccess: () => setMessage('Queued again as a retry.'), onError: (error) => setMessage(messageOf(error)) }),
    });
  }
  actions.push(...printActions(document));
  if (document.kind === 'invoice' && document.state === 'fiscalised') actions.push({ key: 'credit-note', label: 'Create a credit note', to: `/new-document/credit-note?from=${document.id}` });
  const verify = verifyAction(document, setMessage);
  if (verify !== null) actions.push(verify);
  return (
    <div className="detail-actions">
      <DetailActionBar actions={actions} />
      <p role="status" aria-live="polite" className="list-actions__message">
        {message}
      </p>
    </div>
  );
}

/** Opens ZIMRA's verification page (main allows only ZIMRA's sites), or copies the code to type there. */
function verifyAction(document: DocumentDetail, onMessage: (message: string) => void): DetailAction | null {
  const qr = document.qr;
  if (qr === null) return null;
  const parsed = parseZimraQrUrl(qr.qrCodeUrl);
  if (parsed === null || qrProblemOf(qr.qrCodeUrl, qr.verificationCode) !== null) return null;
  const copyCode = async (why: string) => {
    try {
      await navigator.clipboard.writeText(qr.verificationCode);
      onMessage(`${why} The verification code ${qr.verificationCode} was copied: type it at ${parsed.site}.`);
    } catch {
      onMessage(`${why} Type the verification code ${qr.verificationCode} at ${parsed.site}.`);
    }
  };
  return {
    key: 'verify',
    label: 'Verify at ZIMRA',
    run: () => {
      openExternal(qr.qrCodeUrl).then(
        () => onMessage(`ZIMRA's verification page was opened: ${parsed.site}`),
        (error: unknown) => void copyCode(`${messageOf(error)}`),
      );
    },
  };
}

/** When, how paid, what for: the facts of the document itself (a credit note also names the invoice it credits). */
function DocumentFacts({ document }: { document: DocumentDetail }) {
  const creditNote = document.kind === 'credit-note';
  // A draft's date is the one typed (empty: the moment it is queued) until it is queued.
  const when = document.date ?? document.draft.date;
  const facts: [string, ReactNode][] = [
    ['Date and time', when === '' ? 'When it is sent' : formatDateTime(when)],
    ['Payment', PAYMENT_LABEL[document.draft.paymentMethod]],
    [creditNote ? 'Reason' : 'Reference', document.draft.reference.trim()],
  ];
  if (creditNote) facts.push(['Credits invoice', document.originalInvoiceNumber]);
  return (
    <section aria-labelledby="document-facts-title" className="card">
      <h2 id="document-facts-title" className="section-title">
        {KIND_LABELS[document.kind]}
      </h2>
      <FactList facts={facts} />
    </section>
  );
}

/** The details, and the service's PDF in a tab of its own (loaded when the tab is first chosen). */
function DetailTabs(props: { document: DocumentDetail; details: () => ReactNode; pdf: () => ReactNode }) {
  if (!props.document.pdfAvailable) return <>{props.details()}</>;
  return (
    <Tabs
      label="Document"
      tabs={[
        { key: 'details', label: 'Details', panel: props.details },
        { key: 'pdf', label: 'PDF', panel: props.pdf },
      ]}
    />
  );
}

function Lines({ document }: { document: DocumentDetail }) {
  return (
    <section aria-labelledby="lines-title" className="card">
      <h2 id="lines-title" className="section-title">
        Lines
      </h2>
      <DocumentLinesTable lines={document.lines} caption="Lines" variant="screen" />
    </section>
  );
}

function TaxSummary({ document }: { document: DocumentDetail }) {
  const receipt = useReceipt(document.id);
  return (
    <section aria-labelledby="totals-title" className="card detail-totals">
      <h2 id="totals-title" className="section-title">
        Totals per tax rate
      </h2>
      {receipt.isError ? <p>{messageOf(receipt.error)}</p> : null}
      {receipt.data === undefined ? null : (
        <>
          <TaxSummaryTable rates={ratesOfTaxTable(receipt.data.taxTable, receipt.data.taxInclusive)} taxInclusive={receipt.data.taxInclusive} caption="Totals per tax rate" variant="screen" />
          {receipt.data.taxesNote === null ? null : <p className="field__hint">{receipt.data.taxesNote}</p>}
        </>
      )}
      {document.totals === null ? (
        <p>The totals are computed once every line is complete.</p>
      ) : (
        <FactList
          facts={[
            ['Before tax', formatAmount(document.totals.subTotal, document.currency)],
            ['Tax', formatAmount(document.totals.totalTax, document.currency)],
            ['Total', <strong>{formatAmount(document.totals.total, document.currency)}</strong>],
          ]}
        />
      )}
    </section>
  );
}

function PdfSection({ document }: { document: DocumentDetail }) {
  // Drawn when its tab is first chosen: the PDF is asked for then, not with the page.
  const pdf = usePdf(document.id);
  const save = useSavePdf();
  const [message, setMessage] = useState<string | null>(null);
  const print = () => {
    if (pdf.data === undefined) return;
    printPdf(pdf.data.base64, `PDF of ${document.number ?? 'the document'}`).catch(() => setMessage('The PDF could not be printed. Save it, then print it from your PDF reader.'));
  };
  return (
    <section aria-labelledby="pdf-title" className="card">
      <h2 id="pdf-title" className="section-title">
        Fiscal Harmony's PDF
      </h2>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={save.isPending}
          onClick={() =>
            save.mutate(document.id, {
              onSuccess: (delivery) => setMessage(delivery.kind === 'saved' ? `Saved to ${delivery.path}.` : delivery.kind === 'cancelled' ? 'Not saved.' : 'The PDF was downloaded.'),
              onError: (error) => setMessage(messageOf(error)),
            })
          }
        >
          Save PDF
        </button>
        {pdf.data !== undefined ? (
          <button type="button" className="button" onClick={print}>
            Print PDF
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="list-actions__message">
        {message}
      </p>
      {pdf.isPending ? <Loading what="the PDF" /> : null}
      {pdf.isError ? <ErrorPanel error={pdf.error} onRetry={() => void pdf.refetch()} title="The PDF could not be loaded" /> : null}
      {pdf.data !== undefined ? (
        <>
          {pdf.data.training ? <p className="notice notice--training">Training: this PDF comes from the training simulator and is not a tax document.</p> : null}
          <PdfViewer base64={pdf.data.base64} title={`PDF of ${document.number ?? 'the document'}`} />
        </>
      ) : null}
    </section>
  );
}
