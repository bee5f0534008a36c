// The document arithmetic of fh-api.md section 5, to the cent. Pure functions shared by the app's
// invoice entry and the sandbox, so both compute exactly the same figures.
import { formatMoney, round2, sum, toDecimal, withinTolerance } from '../money';
import type { Dec, DecimalInput } from '../money';

export const ARITHMETIC_TOLERANCE = '0.01';

export interface LineInput {
  quantity: DecimalInput;
  unitAmount: DecimalInput;
  discountAmount?: DecimalInput | null;
}

/** `LineAmount = round2(Quantity x UnitAmount - DiscountAmount)`. */
export function lineAmount(line: LineInput): Dec {
  return round2(toDecimal(line.quantity).times(line.unitAmount).minus(line.discountAmount ?? '0'));
}

/**
 * Tax of one line. `taxPercent` null/undefined = exempt (no tax).
 * Inclusive: `round2(LineAmount x p / (100 + p))`; exclusive: `round2(LineAmount x p / 100)`.
 */
export function lineTax(amount: DecimalInput, taxPercent: DecimalInput | null | undefined, taxInclusive: boolean): Dec {
  if (taxPercent === null || taxPercent === undefined) return toDecimal('0');
  const p = toDecimal(taxPercent);
  const divisor = taxInclusive ? p.plus('100') : toDecimal('100');
  return round2(toDecimal(amount).times(p).dividedBy(divisor));
}

export interface TaxedLine {
  lineAmount: DecimalInput;
  taxPercent: DecimalInput | null | undefined;
}

export interface DocumentTotals {
  lineTaxes: Dec[];
  totalTax: Dec;
  /** Sum of line amounts, plus TotalTax when amounts exclude tax. */
  total: Dec;
  /** Total - TotalTax. */
  subTotal: Dec;
}

export function documentTotals(lines: readonly TaxedLine[], taxInclusive: boolean): DocumentTotals {
  const lineTaxes = lines.map((l) => lineTax(l.lineAmount, l.taxPercent, taxInclusive));
  const totalTax = sum(lineTaxes);
  const linesSum = sum(lines.map((l) => l.lineAmount));
  const total = taxInclusive ? linesSum : linesSum.plus(totalTax);
  return { lineTaxes, totalTax, total, subTotal: total.minus(totalTax) };
}

export interface DocumentFigures {
  isTaxInclusive: boolean;
  lines: ReadonlyArray<LineInput & TaxedLine>;
  subTotal: DecimalInput;
  totalTax: DecimalInput;
  total: DecimalInput;
}

export type ArithmeticProblem =
  | { kind: 'line-amount'; line: number; stated: string; expected: string; message: string }
  | { kind: 'total-tax' | 'total' | 'sub-total'; stated: string; expected: string; message: string };

/**
 * Compares a document's stated figures with the computed ones; a difference above 0.01 is a
 * problem. Line amounts are checked against their inputs, TotalTax and Total against the stated
 * line amounts ("the lines add up to"), SubTotal against the stated Total - TotalTax, so that
 * each message points at one figure the user can fix.
 * `line` is 1-based.
 */
export function checkDocumentArithmetic(doc: DocumentFigures): ArithmeticProblem[] {
  const problems: ArithmeticProblem[] = [];
  doc.lines.forEach((line, index) => {
    const expected = lineAmount(line);
    if (!withinTolerance(line.lineAmount, expected, ARITHMETIC_TOLERANCE)) {
      const n = index + 1;
      problems.push({
        kind: 'line-amount',
        line: n,
        stated: formatMoney(line.lineAmount),
        expected: formatMoney(expected),
        message: `Line ${n}: LineAmount is ${formatMoney(line.lineAmount)} but Quantity x UnitAmount - DiscountAmount is ${formatMoney(expected)}`,
      });
    }
  });
  const totals = documentTotals(doc.lines, doc.isTaxInclusive);
  const compare = (kind: 'total-tax' | 'total' | 'sub-total', stated: DecimalInput, expected: Dec, message: string): void => {
    if (withinTolerance(stated, expected, ARITHMETIC_TOLERANCE)) return;
    problems.push({ kind, stated: formatMoney(stated), expected: formatMoney(expected), message });
  };
  compare(
    'total-tax',
    doc.totalTax,
    totals.totalTax,
    `TotalTax is ${formatMoney(doc.totalTax)} but the line taxes add up to ${formatMoney(totals.totalTax)}`,
  );
  compare(
    'total',
    doc.total,
    totals.total,
    doc.isTaxInclusive
      ? `Total is ${formatMoney(doc.total)} but the lines add up to ${formatMoney(totals.total)}`
      : `Total is ${formatMoney(doc.total)} but the lines plus tax add up to ${formatMoney(totals.total)}`,
  );
  // Against the stated Total and TotalTax: a wrong Total is then reported once, not twice.
  const statedSubTotal = toDecimal(doc.total).minus(doc.totalTax);
  compare(
    'sub-total',
    doc.subTotal,
    statedSubTotal,
    `SubTotal is ${formatMoney(doc.subTotal)} but Total - TotalTax is ${formatMoney(statedSubTotal)}`,
  );
  return problems;
}
