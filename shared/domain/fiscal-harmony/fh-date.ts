// Fiscal Harmony dates: ISO 8601, local time CAT (UTC+2, no daylight saving). A date without an
// offset is read as CAT, never as the machine's own time zone.

const CAT_OFFSET_MINUTES = 120;
const CAT_OFFSET_MS = CAT_OFFSET_MINUTES * 60_000;

const FH_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parses a Fiscal Harmony date to an instant; `undefined` when it is not a valid date. */
export function parseFhDate(text: string): Date | undefined {
  const m = FH_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = frac === '' ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February over to March: reject days that do not exist.
  if (new Date(asUtc).getUTCDate() !== day) return undefined;
  const offsetMinutes = zone === undefined ? CAT_OFFSET_MINUTES : parseOffsetMinutes(zone);
  if (offsetMinutes === undefined) return undefined;
  return new Date(asUtc - offsetMinutes * 60_000);
}

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

export function isFhDate(text: string): boolean {
  return parseFhDate(text) !== undefined;
}

interface CatParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Calendar fields of an instant as seen in CAT. */
export function catParts(instant: Date): CatParts {
  const shifted = new Date(instant.getTime() + CAT_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-21T09:30:00+02:00`: the form Fiscal Harmony documents use. */
export function formatFhDate(instant: Date): string {
  const p = catParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+02:00`;
}

/** `2026-11-21`: the CAT calendar day of an instant. */
export function catDay(instant: Date): string {
  const p = catParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}
