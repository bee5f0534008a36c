// Decimal money helpers shared by the app and the sandbox. Amounts never pass through floats:
// values are decimal.js instances or decimal strings, and JSON numbers are read as strings.
import Decimal from 'decimal.js';

/**
 * A private Decimal constructor so that nobody else's global Decimal config changes our results.
 * Rounding is ROUND_HALF_UP, which decimal.js defines as "half away from zero" (2.345 -> 2.35,
 * -2.345 -> -2.35): the commercial rounding shop managers and ZIMRA receipts use.
 * 34 significant digits keep intermediate divisions (tax-inclusive amounts) exact enough that
 * rounding to cents never sees a false half.
 */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;
/**
 * What the helpers take: a Dec or decimal text. Never a JS number: one that has been through a
 * float may already be off (`90071992547409.93` parses as ...94). Write `'0'`, not `0`; read
 * wire JSON with parseExactJson (exact-json.ts).
 */
export type DecimalInput = Dec | string;

export function toDecimal(value: DecimalInput): Dec {
  return new Dec(value);
}

/** Rounds to 2 decimal places, half away from zero. */
export function round2(value: DecimalInput): Dec {
  return new Dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

export function sum(values: readonly DecimalInput[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), new Dec('0'));
}

/** `115.5` -> `"115.50"`: fixed two places, no exponent, no grouping. */
export function formatMoney(value: DecimalInput): string {
  return round2(value).toFixed(2);
}

/** Significant decimal places (`"1.250"` -> 2: trailing zeros do not count). */
export function decimalPlaces(value: DecimalInput): number {
  return new Dec(value).decimalPlaces();
}

/** Absolute difference within `tolerance` (inclusive). */
export function withinTolerance(a: DecimalInput, b: DecimalInput, tolerance: DecimalInput = '0.01'): boolean {
  return new Dec(a).minus(b).abs().lte(tolerance);
}
