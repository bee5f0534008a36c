import type { EntryTaxCode } from '../../../shared/contract/entry';
import type { DraftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { formatAmount } from '../../components/format';
import { TaxSummaryTable } from '../../components/tax-summary-table';

/** Totals per tax rate and for the document, live, to the cent the service computes. */
export function TotalsPanel(props: { figures: DraftFigures; currency: string; taxInclusive: boolean; taxCodes: readonly EntryTaxCode[] }) {
  const { figures, currency } = props;
  const totals = figures.totals;
  return (
    <section className="entry-section totals" aria-labelledby="totals-title">
      <h2 id="totals-title" className="section-title">
        Totals
      </h2>
      {figures.rates.length === 0 ? null : (
        <TaxSummaryTable
          rates={figures.rates.map((rate) => ({ ...rate, taxName: props.taxCodes.find((tax) => tax.code === rate.taxCode)?.zimraName ?? null }))}
          taxInclusive={props.taxInclusive}
          caption="Totals per tax rate"
          variant="screen"
          className="totals__rates"
        />
      )}
      <dl className="totals__sum" aria-live="polite">
        <div>
          <dt>Subtotal</dt>
          <dd data-testid="sub-total">{totals === null ? '—' : formatAmount(totals.subTotal, currency)}</dd>
        </div>
        <div>
          <dt>Tax</dt>
          <dd data-testid="total-tax">{totals === null ? '—' : formatAmount(totals.totalTax, currency)}</dd>
        </div>
        <div className="totals__grand">
          <dt>Total</dt>
          <dd data-testid="total">{totals === null ? '—' : formatAmount(totals.total, currency)}</dd>
        </div>
      </dl>
      {totals === null ? <p className="field__hint">Totals show once every line has a quantity, a price and a mapped tax code.</p> : null}
    </section>
  );
}
