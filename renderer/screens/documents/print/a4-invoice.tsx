import type { Receipt } from '../../../../shared/contract/history';
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
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">HS code</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Discount
            </th>
            <th scope="col">Tax</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line, index) => (
            <tr key={index}>
              <td>{line.description}</td>
              <td>{line.hsCode}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{money(line.unitAmount)}</td>
              <td className="num">{line.discountAmount === '' || line.discountAmount === '0' ? '' : money(line.discountAmount)}</td>
              <td>{line.taxCode}</td>
              <td className="num">{money(line.lineAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="a4-sheet__bottom">
        <table className="print-table print-table--taxes">
          <caption>Tax summary ({receipt.taxInclusive ? 'prices include tax' : 'prices exclude tax'})</caption>
          <thead>
            <tr>
              <th scope="col">Tax</th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Tax
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.taxSummary.map((rate) => (
              <tr key={rate.taxCode}>
                <td>{rate.taxName ?? rate.taxCode}</td>
                <td className="num">{rate.percent === null ? 'Exempt' : `${rate.percent}%`}</td>
                <td className="num">{money(rate.amount)}</td>
                <td className="num">{money(rate.tax)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
