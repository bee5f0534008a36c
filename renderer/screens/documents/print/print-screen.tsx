import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Receipt } from '../../../../shared/contract/history';
import { useReceipt, useRecordPrint } from '../../../api/use-history';
import { messageOf } from '../../../api/unwrap';
import { Page } from '../../../components/page';
import { ErrorPanel, Loading } from '../../../components/states';
import { A4Invoice } from './a4-invoice';
import { ThermalReceipt } from './thermal-receipt';
import { usePageSize } from './use-page-size';
import './print.css';

const LAYOUTS = { a4: 'A4 invoice', receipt: '80 mm receipt' } as const;

function summaryOf(receipt: Receipt | undefined): string {
  if (receipt === undefined) return "What the printer will get. Check the printer's paper size in the print dialog.";
  if (receipt.printAs === 'not-fiscal') return 'ZIMRA has not verified this document yet: it prints as NOT A FISCAL DOCUMENT, without a fiscal heading or QR code. Print it again once it is fiscalised.';
  if (receipt.printAs === 'copy') return 'This document was printed before: this printout says COPY, and the document\'s history notes it.';
  return "What the printer will get, as it was fiscalised. Check the printer's paper size in the print dialog.";
}

/** A print preview of the app's own layouts; Print opens the system print dialog with only the sheet, then notes the printout. */
export function PrintScreen() {
  const { id = '', layout = 'a4' } = useParams();
  const asked = layout === 'receipt' ? 'receipt' : 'a4';
  const receipt = useReceipt(id);
  const record = useRecordPrint();
  const [message, setMessage] = useState<string | null>(null);
  // ZIMRA's Receipt48 view is for tax-inclusive documents only (ZS §10.1): others print on A4.
  const receiptAllowed = receipt.data?.taxInclusive !== false;
  const kind = asked === 'receipt' && receiptAllowed ? 'receipt' : 'a4';
  usePageSize(kind);
  const print = () => {
    window.print();
    record.mutate({ id, layout: kind }, { onError: (error) => setMessage(`Printed, but not noted in the document's history: ${messageOf(error)}`) });
  };
  return (
    <Page
      title={`Print preview: ${LAYOUTS[kind]}`}
      summary={summaryOf(receipt.data)}
      actions={
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={receipt.data === undefined} onClick={print}>
            {receipt.data?.printAs === 'copy' ? 'Print a copy' : 'Print'}
          </button>
          {receiptAllowed ? (
            <Link className="button" to={kind === 'a4' ? `/documents/${id}/print/receipt` : `/documents/${id}/print/a4`}>
              {kind === 'a4' ? 'Switch to 80 mm receipt' : 'Switch to A4 invoice'}
            </Link>
          ) : null}
          <Link className="button" to={`/documents/${id}`}>
            Back to the document
          </Link>
        </div>
      }
    >
      {asked === 'receipt' && !receiptAllowed ? (
        <p className="notice notice--info">The 80 mm receipt is for prices that include tax. This document's prices exclude tax, so it prints on A4.</p>
      ) : null}
      <p role="status" aria-live="polite" className="list-actions__message">
        {message}
      </p>
      {receipt.isPending ? <Loading what="the document" /> : null}
      {receipt.isError ? <ErrorPanel error={receipt.error} onRetry={() => void receipt.refetch()} title="This document could not be prepared for printing" /> : null}
      {receipt.data === undefined ? null : (
        <div className={`print-preview print-preview--${kind}`}>
          {kind === 'a4' ? <A4Invoice receipt={receipt.data} /> : <ThermalReceipt receipt={receipt.data} />}
        </div>
      )}
    </Page>
  );
}
