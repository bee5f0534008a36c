// JSON whose numbers never pass through a float. JSON.parse turns `90071992547409.93` into the
// double 90071992547409.94; here the parser hands back the number's source text instead
// (JSON.parse's reviver `context.source`), and the writer puts decimals out digit for digit
// (JSON.rawJSON). Both exist in Node 21+ (Electron's Node 24) and Chromium 114+.
import { Dec } from './money';

/** What JSON.rawJSON returns: written by JSON.stringify as its text, unquoted. */
export interface RawJsonNumber {
  readonly rawJSON: string;
}

interface ReviverContext {
  source?: string;
}

// TypeScript's lib does not describe these yet (ES2024); the engines we run on have them.
const engine = JSON as JSON & { rawJSON?: (text: string) => RawJsonNumber };

/** A JSON number as the grammar allows it (no leading `+`, no leading zeros, no bare `.5`). */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const PLAIN_INTEGER = /^-?\d+$/;

function rawJson(text: string): RawJsonNumber {
  if (engine.rawJSON === undefined) throw new Error('This JavaScript engine cannot write exact JSON numbers (JSON.rawJSON is missing)');
  return engine.rawJSON(text);
}

/**
 * Parses JSON text keeping every number exact: a whole number a double holds exactly (a safe
 * integer, however written: `42`, `42.0`, `4.2e1`) stays a number; any other number (`12.50`,
 * `90071992547409.93`, `12345678901234567890`) becomes its source text, a string, which the wire
 * schemas (DecimalString, IntLike) read as decimals. Throws SyntaxError like JSON.parse.
 */
export function parseExactJson(text: string): unknown {
  // Most answers (status results, device ids) hold whole numbers only, which JSON.parse reads
  // exactly; the reviver's source text triples the cost of a parse.
  return onlyShortIntegers(text) ? JSON.parse(text) : parseExactJsonBySource(text);
}

/** parseExactJson, always through each number's source text: the reference its shortcut must agree with. */
export function parseExactJsonBySource(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, context?: ReviverContext): unknown => {
    if (typeof value !== 'number') return value;
    const source = context?.source;
    if (source === undefined) throw new Error("This JavaScript engine does not give JSON numbers' source text (Node 21+ is needed)");
    return Number.isSafeInteger(value) && (PLAIN_INTEGER.test(source) || new Dec(source).eq(String(value))) ? value : source;
  });
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** 15 digits are below 2^53: every such integer is exact as a double. */
const SHORT_DIGITS = 15;

const isDigit = (code: number) => code >= DIGIT_0 && code <= DIGIT_9;

/** Whether the quote at `index` is escaped (an odd run of backslashes before it). */
function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  for (let at = index - 1; at >= 0 && text.charCodeAt(at) === BACKSLASH; at -= 1) slashes += 1;
  return slashes % 2 === 1;
}

/**
 * Whether every number outside the strings of `text` is an integer of at most 15 digits with no
 * fraction or exponent. Malformed text answers false, for the full parser to report.
 */
function onlyShortIntegers(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      let end = text.indexOf('"', index + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return false;
      index = end;
    } else if (code === MINUS || isDigit(code)) {
      let end = code === MINUS ? index + 1 : index;
      while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
      const digits = end - (code === MINUS ? index + 1 : index);
      const next = text.charAt(end);
      if (digits === 0 || digits > SHORT_DIGITS || next === '.' || next === 'e' || next === 'E') return false;
      index = end - 1;
    }
  }
  return true;
}

/**
 * A JSON number written exactly as `value`: a Dec, or decimal text like `"115.50"` (kept as
 * typed, trailing zeros included). Put it in an object given to stringifyExactJson.
 * Throws for NaN, Infinity or text that is not a JSON number.
 */
export function exactJsonNumber(value: Dec | string): RawJsonNumber {
  const text = typeof value === 'string' ? value.trim() : value.isFinite() ? value.toFixed() : '';
  if (!JSON_NUMBER.test(text)) throw new Error(`Not a decimal number for JSON: "${String(value)}"`);
  return rawJson(text);
}

/**
 * JSON.stringify, except that a Dec anywhere in `value` is written as a JSON number with all its
 * digits (never an exponent, never rounded), and exactJsonNumber() values as given. Strings stay
 * strings: `"115.50"` is sent quoted, `toDecimal('115.50')` unquoted as `115.5`.
 */
export function stringifyExactJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, replaced: unknown): unknown {
    const original: unknown = (this as Record<string, unknown>)[key];
    return Dec.isDecimal(original) ? exactJsonNumber(original) : replaced;
  });
}
