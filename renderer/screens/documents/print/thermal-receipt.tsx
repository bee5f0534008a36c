import type { Receipt } from '../../../../shared/contract/history';
import { formatUnitPrice, lineDiscount } from '../../../components/document-lines-table';
import { taxRateTitle } from '../../../components/tax-summary-table';
import { FiscalFooter } from './a4-invoice';
import { buyerLines, fiscalHeading, money, sellerLines, TrainingMark, when } from './print-parts';

/** " less 10.00" after the quantity and price, or nothing when the line has no discount. */
const discountText = (value: string) => {
  const discount = lineDiscount(value);
  return discount === null ? '' : ` less ${discount}`;
};

/**
 * The 80 mm thermal receipt: one narrow column, the same fiscal content as the A4 invoice. It keeps
 * its own markup rather than the shared lines and tax tables: seven (or four) columns do not fit
 * 72 mm, so each line and each rate is a text row with its amount at the right, as tills print.
 * The texts come from the same helpers as the tables', so both layouts show the same numbers.
 */
export function ThermalReceipt({ receipt }: { receipt: Receipt }) {
  return (
    <article className="print-sheet receipt-sheet" aria-label="80 mm receipt">
      <TrainingMark receipt={receipt} />
      <p className="receipt-sheet__center receipt-sheet__seller">{receipt.seller.name ?? 'Seller details unavailable'}</p>
      {sellerLines(receipt).map((line) => (
        <p key={line} className="receipt-sheet__center">
          {line}
        </p>
      ))}
      <p className="receipt-sheet__center print-heading">{fiscalHeading(receipt)}</p>
      <p>No. {receipt.number ?? '—'}</p>
      <p>{when(receipt.date)}</p>
      {receipt.creditedInvoice === null ? null : (
        <p>
          Credits invoice {receipt.creditedInvoice.number ?? '—'}
          {receipt.creditedInvoice.zimraNumber === null ? '' : ` (ZIMRA ${receipt.creditedInvoice.zimraNumber})`}
          {receipt.reference === '' ? '' : `. Reason: ${receipt.reference}`}
        </p>
      )}
      <hr />
      <p>Buyer: {receipt.buyer.name}</p>
      {buyerLines(receipt).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <hr />
      {receipt.lines.map((line, index) => (
        <div key={index} className="receipt-sheet__line">
          <p>{line.description}</p>
          <p className="receipt-sheet__row">
            <span>
              {line.quantity} x {formatUnitPrice(line.unitAmount)}
              {discountText(line.discountAmount)} · HS {line.hsCode} · {line.taxCode}
            </span>
            <span>{money(line.lineAmount)}</span>
          </p>
        </div>
      ))}
      <hr />
      {receipt.taxSummary.map((rate) => (
        <p key={rate.taxCode} className="receipt-sheet__row">
          <span>
            {taxRateTitle(rate)} on {money(rate.amount)}
          </span>
          <span>{money(rate.tax)}</span>
        </p>
      ))}
      {receipt.totals === null ? null : (
        <>
          <p className="receipt-sheet__row">
            <span>Tax</span>
            <span>{money(receipt.totals.totalTax)}</span>
          </p>
          <p className="receipt-sheet__row receipt-sheet__total">
            <span>TOTAL {receipt.currency}</span>
            <span>{money(receipt.totals.total)}</span>
          </p>
        </>
      )}
      {receipt.paymentMethod === '' ? null : <p>Paid by: {receipt.paymentMethod}</p>}
      <hr />
      <div className="receipt-sheet__fiscal">
        <FiscalFooter receipt={receipt} size={150} />
      </div>
    </article>
  );
}
