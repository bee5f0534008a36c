import { Dec, formatMoney } from '../../shared/domain/money';
import { formatAmount } from './format';
import './document-tables.css';

/** One tax rate of a document: the taxable amount (the lines' amounts with this code) and its tax. */
export interface TaxRateRow {
  taxCode: string;
  /** The tax's name (e.g. "Standard rated 15.5%"), or null when it is not known. */
  taxName: string | null;
  /** Decimal text; null = exempt. */
  percent: string | null;
  amount: string;
  tax: string;
}

export const ratePercent = (percent: string | null): string => (percent === null ? 'Exempt' : `${percent}%`);

/** "VAT15 · Standard rated 15.5%", or the code alone when the name is not known. */
export const taxRateLabel = (rate: Pick<TaxRateRow, 'taxCode' | 'taxName'>): string =>
  rate.taxName === null || rate.taxName === '' || rate.taxName === rate.taxCode ? rate.taxCode : `${rate.taxCode} · ${rate.taxName}`;

/** The name with its rate, said once: "Standard rated 15.5%", "Exempt", "VAT15 15%". For one-line layouts. */
export function taxRateTitle(rate: Pick<TaxRateRow, 'taxCode' | 'taxName' | 'percent'>): string {
  const percent = ratePercent(rate.percent);
  if (rate.taxName === null || rate.taxName === '') return `${rate.taxCode} ${percent.toLowerCase()}`;
  return rate.taxName.toLowerCase().includes(percent.toLowerCase()) ? rate.taxName : `${rate.taxName} ${percent.toLowerCase()}`;
}

/** ZIMRA's three figures of a rate (ZS items 42–44): net, VAT and the amount including VAT. */
export function rateFigures(rate: Pick<TaxRateRow, 'amount' | 'tax'>, taxInclusive: boolean): { net: string; tax: string; gross: string } | null {
  try {
    const amount = new Dec(rate.amount);
    const tax = new Dec(rate.tax);
    return { net: formatMoney(taxInclusive ? amount.minus(tax) : amount), tax: formatMoney(tax), gross: formatMoney(taxInclusive ? amount : amount.plus(tax)) };
  } catch {
    return null;
  }
}

/**
 * Tax per rate of an invoice or credit note as ZIMRA's tax table has it (ZS items 40–44: VAT %,
 * net amount, VAT, amount incl. VAT): on screen (the document's page, the entry form's live
 * totals) or on the printed A4 sheet. `amount` is the lines' sum with the code, including tax
 * when `taxInclusive`. Amounts are decimal strings, shown with formatAmount.
 */
export function TaxSummaryTable(props: {
  rates: readonly TaxRateRow[];
  /** Whether the amounts include tax (the document's prices do). */
  taxInclusive: boolean;
  caption: string;
  /** Paper has no section heading, so the caption is printed; on screen the section's heading says it. */
  variant: 'screen' | 'print';
  className?: string;
}) {
  const screen = props.variant === 'screen';
  const table = (
    <table className={[screen ? 'table document-table' : 'print-table document-table', props.className].filter(Boolean).join(' ')}>
      <caption className={screen ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Tax</th>
          <th scope="col" className="num">
            VAT %
          </th>
          <th scope="col" className="num">
            Net amount
          </th>
          <th scope="col" className="num">
            VAT
          </th>
          <th scope="col" className="num">
            Amount incl. VAT
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rates.map((rate) => {
          const figures = rateFigures(rate, props.taxInclusive);
          return (
            <tr key={rate.taxCode}>
              <th scope="row">{taxRateLabel(rate)}</th>
              <td className="num">{ratePercent(rate.percent)}</td>
              <td className="num">{formatAmount(figures?.net)}</td>
              <td className="num">{formatAmount(figures?.tax)}</td>
              <td className="num">{formatAmount(figures?.gross)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  // On screen a narrow window scrolls the table, never the page; paper has a fixed width.
  return screen ? <div className="table-scroll">{table}</div> : table;
}

/** The saved tax table (net, VAT, amount incl. VAT) as the rows TaxSummaryTable reads. */
export function ratesOfTaxTable(rows: readonly { taxCode: string; taxName: string | null; percent: string | null; net: string; tax: string; gross: string }[], taxInclusive: boolean): TaxRateRow[] {
  return rows.map((row) => ({ taxCode: row.taxCode, taxName: row.taxName, percent: row.percent, amount: taxInclusive ? row.gross : row.net, tax: row.tax }));
}
