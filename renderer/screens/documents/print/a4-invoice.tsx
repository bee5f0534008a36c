import type { Receipt } from '../../../../shared/contract/history';
import { DocumentLinesTable } from '../../../components/document-lines-table';
import { TaxSummaryTable } from '../../../components/tax-summary-table';
import { QrImage } from '../qr-image';
import { buyerLines, fiscalHeading, money, sellerLines, TrainingMark, when } from './print-parts';

/** The A4 invoice or credit note, printed from the journal (no service PDF needed). */
export function A4Invoice({ receipt }: { receipt: Receipt }) {
  return (
    <article className="print-sheet a4-sheet" aria-label="A4 invoice">
      <TrainingMark receipt={receipt} />
      <header className="a4-sheet__head">
        <div>
          <p className="a4-sheet__seller">{receipt.seller.name ?? 'Seller details unavailable'}</p>
          {sellerLines(receipt).map((line) => (
            <p key={line}>{line}</p>
          ))}
          {receipt.sellerProblem === null ? null : <p className="print-note">{receipt.sellerProblem}</p>}
        </div>
        <div className="a4-sheet__title">
          <p className="print-heading">{fiscalHeading(receipt)}</p>
          <p>No. {receipt.number ?? '—'}</p>
          <p>Date: {when(receipt.date)}</p>
          <p>Currency: {receipt.currency}</p>
          {receipt.paymentMethod === '' ? null : <p>Payment: {receipt.paymentMethod}</p>}
        </div>
      </header>
      <section className="a4-sheet__parties">
        <div>
          <p className="print-label">Buyer</p>
          <p className="a4-sheet__buyer">{receipt.buyer.name}</p>
          {buyerLines(receipt).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        {receipt.creditedInvoice === null ? (
          receipt.reference === '' ? null : (
            <div>
              <p className="print-label">Reference</p>
              <p>{receipt.reference}</p>
            </div>
          )
        ) : (
          <div>
            <p className="print-label">Credits invoice</p>
            <p>{receipt.creditedInvoice.number ?? '—'}</p>
            {receipt.creditedInvoice.zimraNumber === null ? null : <p>ZIMRA no. {receipt.creditedInvoice.zimraNumber}</p>}
            {receipt.reference === '' ? null : <p>Reason: {receipt.reference}</p>}
          </div>
        )}
      </section>
      <DocumentLinesTable lines={receipt.lines} caption="Lines" variant="print" />
      <section className="a4-sheet__bottom">
        <TaxSummaryTable rates={receipt.taxSummary} taxInclusive={receipt.taxInclusive} caption="Tax summary" variant="print" className="print-table--taxes" />
        {receipt.totals === null ? null : (
          <dl className="print-totals">
            <dt>Before tax</dt>
            <dd>{money(receipt.totals.subTotal)}</dd>
            <dt>Tax</dt>
            <dd>{money(receipt.totals.totalTax)}</dd>
            <dt className="print-totals__total">Total {receipt.currency}</dt>
            <dd className="print-totals__total">{money(receipt.totals.total)}</dd>
          </dl>
        )}
      </section>
      <FiscalFooter receipt={receipt} size={120} />
    </article>
  );
}

export function FiscalFooter({ receipt, size }: { receipt: Receipt; size: number }) {
  if (receipt.qr === null) {
    return <p className="print-note">Not fiscalised yet: there is no QR code or verification code to print.</p>;
  }
  const qr = receipt.qr;
  return (
    <footer className="print-fiscal">
      <QrImage value={qr.qrCodeUrl} size={size} label={`QR code, verification code ${qr.verificationCode}`} />
      <div>
        <p>
          Verification code: <strong className="mono" data-testid="print-verification-code">{qr.verificationCode}</strong>
        </p>
        <p>
          Invoice no. {qr.zimraInvoiceNumber}/{qr.fiscalDay} · Fiscal day {qr.fiscalDay} · Device {qr.deviceId}
        </p>
        {receipt.seller.deviceSerial === null ? null : <p>Device serial: {receipt.seller.deviceSerial}</p>}
        <p>Verify this document at {new URL(qr.qrCodeUrl).host}</p>
      </div>
    </footer>
  );
}
