import { Link, useParams } from 'react-router';
import { useReceipt } from '../../../api/use-history';
import { Page } from '../../../components/page';
import { ErrorPanel, Loading } from '../../../components/states';
import { A4Invoice } from './a4-invoice';
import { ThermalReceipt } from './thermal-receipt';
import './print.css';

const LAYOUTS = { a4: 'A4 invoice', receipt: '80 mm receipt' } as const;

/** A print preview of the app's own layouts; Print opens the system print dialog with only the sheet. */
export function PrintScreen() {
  const { id = '', layout = 'a4' } = useParams();
  const kind = layout === 'receipt' ? 'receipt' : 'a4';
  const receipt = useReceipt(id);
  return (
    <Page
      title={`Print preview: ${LAYOUTS[kind]}`}
      summary="What the printer will get. Check the printer's paper size in the print dialog."
      actions={
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={receipt.data === undefined} onClick={() => window.print()}>
            Print
          </button>
          <Link className="button" to={kind === 'a4' ? `/documents/${id}/print/receipt` : `/documents/${id}/print/a4`}>
            {kind === 'a4' ? 'Switch to 80 mm receipt' : 'Switch to A4 invoice'}
          </Link>
          <Link className="button" to={`/documents/${id}`}>
            Back to the document
          </Link>
        </div>
      }
    >
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
