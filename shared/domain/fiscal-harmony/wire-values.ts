// Reusable zod schemas for values as they appear on the Fiscal Harmony wire.
import { z } from 'zod';
import { Dec } from '../money';
import { isFhDate } from './fh-date';

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const EXACT_ONLY = 'must be a number read exactly (a JSON number with decimals must arrive as its text)';

/**
 * A number sent as a JSON number or as a numeric string (FH accepts both), read as a plain
 * decimal string (`"115.5"`, never `"1.155e+2"`) so that no float arithmetic happens after
 * parsing. Feed the result to `Dec`/`toDecimal` for arithmetic.
 * JSON numbers must be read with parseExactJson (../exact-json.ts), which hands over any number
 * with decimals as its source text; a JS number is only taken when it is a safe integer, the
 * one kind a double holds exactly, so a float that slipped through is refused, not rounded.
 */
export const DecimalString = z
  .union([z.number().refine(Number.isSafeInteger, EXACT_ONLY), z.string().trim().regex(NUMERIC_TEXT, 'must be a number')], {
    error: (issue) => (issue.input === undefined ? 'is required' : typeof issue.input === 'number' ? EXACT_ONLY : 'must be a number'),
  })
  .transform((value) => new Dec(typeof value === 'number' ? String(value) : value).toFixed());
export type DecimalString = z.output<typeof DecimalString>;

/** An integer sent as a JSON number or numeric string, read as a JS number. */
export const IntLike = z
  .union([z.number().int(), z.string().trim().regex(/^[+-]?\d+$/, 'must be a whole number')], {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be a whole number'),
  })
  .transform((value) => Number(value))
  .pipe(z.number().int().refine(Number.isSafeInteger, 'is too large'));

/** A Fiscal Harmony date string (with or without offset; no offset = CAT). Kept as sent. */
export const FhDateString = z.string({ error: requiredOr('must be a date') }).refine(isFhDate, 'must be a date like 2026-11-21T09:30:00+02:00');

/** Zod error text: "is required" when the value is missing, else `otherwise`. */
export function requiredOr(otherwise: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is required' : otherwise);
}

/** Optional text that may be absent, null or a string. */
export const OptionalText = z.string().nullish();
