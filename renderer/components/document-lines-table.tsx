import { Dec } from '../../shared/domain/money';
import { formatAmount, groupThousands } from './format';
import './document-tables.css';

/** A document line as the journal keeps it: the typed numbers as text, the computed amount (or null). */
export interface DocumentLine {
  description: string;
  hsCode: string;
  quantity: string;
  unitAmount: string;
  discountAmount: string;
  taxCode: string;
  /** ZIMRA's tax % of the line, when known (null = exempt or not known). */
  taxPercent?: string | null;
  lineAmount: string | null;
}

/** "VAT15 · 15%": the shop's code with ZIMRA's rate (ZS item 34), or the code alone when the rate is not known. */
export function lineTaxText(line: Pick<DocumentLine, 'taxCode' | 'taxPercent'>): string {
  if (line.taxPercent === undefined) return line.taxCode;
  return `${line.taxCode} · ${line.taxPercent === null ? 'exempt' : `${line.taxPercent}%`}`;
}

/**
 * A unit price for reading: thousands grouped, at least two places, and never rounded (a price
 * of 0.125 stays 0.125, so quantity x price still adds up on the page). Text that is not a number
 * (a half-typed draft) is shown as given.
 */
export function formatUnitPrice(value: string): string {
  const text = value.trim();
  if (text === '') return '—';
  try {
    const price = new Dec(text);
    return groupThousands(price.toFixed(Math.max(2, price.decimalPlaces())));
  } catch {
    return value;
  }
}

/** A line's discount, or null when there is none (empty or zero). */
export function lineDiscount(value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  try {
    if (new Dec(text).isZero()) return null;
  } catch {
    return value;
  }
  return formatAmount(text);
}

/**
 * The lines of an invoice or credit note, read-only: on screen (the document's page) or on the
 * printed A4 sheet. The caption names the table for screen readers; the page's heading shows it.
 */
export function DocumentLinesTable(props: {
  lines: readonly DocumentLine[];
  caption: string;
  variant: 'screen' | 'print';
  /** When known, the amount column says whether it includes tax (ZS item 33: exclusive amounts are marked on A4). */
  taxInclusive?: boolean;
}) {
  const table = (
    <table className={props.variant === 'screen' ? 'table document-table' : 'print-table document-table'}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Description</th>
          <th scope="col">HS code</th>
          <th scope="col" className="num">
            Quantity
          </th>
          <th scope="col" className="num">
            Unit price
          </th>
          <th scope="col" className="num">
            Discount
          </th>
          <th scope="col">Tax</th>
          <th scope="col" className="num">
            {props.taxInclusive === undefined ? 'Amount' : props.taxInclusive ? 'Amount incl. tax' : 'Amount excl. tax'}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map((line, index) => (
          <tr key={index}>
            <th scope="row" className="document-table__description">
              {line.description}
            </th>
            <td className="mono document-table__nowrap">{line.hsCode}</td>
            <td className="num">{line.quantity}</td>
            <td className="num">{formatUnitPrice(line.unitAmount)}</td>
            <td className="num">{lineDiscount(line.discountAmount) ?? '—'}</td>
            <td className="document-table__nowrap">{lineTaxText(line)}</td>
            <td className="num">{formatAmount(line.lineAmount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  // On screen a narrow window scrolls the table, never the page; paper has a fixed width.
  return props.variant === 'screen' ? <div className="table-scroll">{table}</div> : table;
}
