import type { Receipt } from '../../../../shared/contract/history';
import { DocumentLinesTable } from '../../../components/document-lines-table';
import { ratesOfTaxTable, TaxSummaryTable } from '../../../components/tax-summary-table';
import { BuyerBlock, CreditNoteBlock, FiscalFooter, Heading, money, PaymentLines, PrintMarks, ReceiptBlock, SellerBlock } from './print-parts';

/** The A4 invoice or credit note (ZIMRA's InvoiceA4 view), printed from the copy saved when it was sent. */
export function A4Invoice({ receipt }: { receipt: Receipt }) {
  return (
    <article className="print-sheet a4-sheet" aria-label="A4 invoice" data-print-root="a4">
      <PrintMarks receipt={receipt} />
      <header className="a4-sheet__head">
        <SellerBlock receipt={receipt} />
        <Heading receipt={receipt} className="a4-sheet__heading" />
      </header>
      <section className="a4-sheet__parties">
        <BuyerBlock receipt={receipt} />
        <ReceiptBlock receipt={receipt} className="a4-sheet__receipt" />
      </section>
      {receipt.kind === 'credit-note' || receipt.reference !== '' ? (
        <section className="a4-sheet__parties">
          <CreditNoteBlock receipt={receipt} />
          {receipt.kind === 'invoice' ? (
            <div>
              <p className="print-label">Reference</p>
              <p>{receipt.reference}</p>
            </div>
          ) : null}
        </section>
      ) : null}
      <DocumentLinesTable lines={receipt.lines} caption="Lines" variant="print" taxInclusive={receipt.taxInclusive} />
      <section className="a4-sheet__bottom">
        <div className="a4-sheet__settlement">
          <p>Currency: {receipt.currency}</p>
          {receipt.totals === null ? null : (
            <dl className="print-totals">
              <dt>Total excl. tax</dt>
              <dd>{money(receipt.totals.subTotal)}</dd>
              <dt>Total tax</dt>
              <dd>{money(receipt.totals.totalTax)}</dd>
              <dt className="print-totals__total">Total {receipt.currency}</dt>
              <dd className="print-totals__total">{money(receipt.totals.total)}</dd>
            </dl>
          )}
          <PaymentLines receipt={receipt} />
          <p>Number of Items: {receipt.itemCount}</p>
        </div>
        {receipt.taxTable.length === 0 ? null : (
          <div className="a4-sheet__taxes">
            <TaxSummaryTable rates={ratesOfTaxTable(receipt.taxTable, receipt.taxInclusive)} taxInclusive={receipt.taxInclusive} caption="Tax summary" variant="print" className="print-table--taxes" />
            {receipt.taxesNote === null ? null : <p className="print-note">{receipt.taxesNote}</p>}
          </div>
        )}
      </section>
      <FiscalFooter receipt={receipt} size={120} />
    </article>
  );
}
