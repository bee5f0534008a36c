import type { Receipt } from '../../../../shared/contract/history';
import { formatUnitPrice, lineDiscount, lineTaxText } from '../../../components/document-lines-table';
import { taxRateTitle } from '../../../components/tax-summary-table';
import { buyerLines, CreditNoteBlock, FiscalFooter, Heading, money, PaymentLines, PrintMarks, ReceiptBlock, SellerBlock } from './print-parts';

/** " less 10.00" after the quantity and price, or nothing when the line has no discount. */
const discountText = (value: string) => {
  const discount = lineDiscount(value);
  return discount === null ? '' : ` less ${discount}`;
};

/**
 * The 80 mm thermal receipt (ZIMRA's Receipt48 view, for tax-inclusive documents): one narrow
 * column with the same blocks as the A4 invoice. It keeps its own markup for lines and rates:
 * seven (or five) columns do not fit 72 mm, so each is a text row with its amount at the right,
 * as tills print, with the texts of the same helpers as the tables'.
 */
export function ThermalReceipt({ receipt }: { receipt: Receipt }) {
  return (
    <article className="print-sheet receipt-sheet" aria-label="80 mm receipt" data-print-root="receipt">
      <PrintMarks receipt={receipt} />
      <SellerBlock receipt={receipt} className="receipt-sheet__center" />
      <Heading receipt={receipt} className="receipt-sheet__center" />
      {receipt.buyer.name.trim() === '' ? null : (
        <>
          <hr />
          <p>Buyer: {receipt.buyer.name}</p>
          {buyerLines(receipt).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </>
      )}
      <hr />
      <ReceiptBlock receipt={receipt} />
      {receipt.kind === 'credit-note' ? (
        <>
          <hr />
          <CreditNoteBlock receipt={receipt} />
        </>
      ) : null}
      <hr />
      {receipt.lines.map((line, index) => (
        <div key={index} className="receipt-sheet__line">
          <p>
            {line.hsCode === '' ? '' : `${line.hsCode} `}
            {line.description}
          </p>
          <p className="print-row">
            <span>
              {line.quantity} x {formatUnitPrice(line.unitAmount)}
              {discountText(line.discountAmount)} · {lineTaxText(line)}
            </span>
            <span>{money(line.lineAmount)}</span>
          </p>
        </div>
      ))}
      <hr />
      {receipt.totals === null ? null : (
        <p className="print-row receipt-sheet__total">
          <span>TOTAL {receipt.currency}</span>
          <span>{money(receipt.totals.total)}</span>
        </p>
      )}
      <PaymentLines receipt={receipt} />
      <p>Number of Items: {receipt.itemCount}</p>
      {receipt.taxTable.length === 0 ? null : (
        <>
          <hr />
          {receipt.taxTable.map((rate) => (
            <div key={rate.taxCode} className="receipt-sheet__rate">
              <p>{taxRateTitle(rate)}</p>
              <p className="print-row">
                <span>Net {money(rate.net)}</span>
                <span>VAT {money(rate.tax)}</span>
                <span>Incl. {money(rate.gross)}</span>
              </p>
            </div>
          ))}
          {receipt.taxesNote === null ? null : <p className="print-note">{receipt.taxesNote}</p>}
        </>
      )}
      <hr />
      <div className="receipt-sheet__fiscal">
        <FiscalFooter receipt={receipt} size={150} />
      </div>
    </article>
  );
}
