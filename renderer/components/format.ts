import { formatMoney } from '../../shared/domain/money';
import { catParts, parseFhDate } from '../../shared/domain/fiscal-harmony/fh-date';

// Every date and time is shown as Zimbabwe sees it (CAT, UTC+2), whatever this computer's time
// zone, and every time says so: the documents' dates are CAT, and so is ZIMRA's fiscal day.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number): string => String(n).padStart(2, '0');

/** The instant of a date: a Fiscal Harmony date without an offset is CAT, never this computer's zone. */
function instantOf(value: string | number | Date): Date | undefined {
  const date = typeof value === 'string' ? (parseFhDate(value) ?? new Date(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const catDate = (date: Date): string => {
  const p = catParts(date);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
};
const catDayMonth = (date: Date): string => {
  const p = catParts(date);
  return `${p.day} ${MONTHS[p.month - 1]}`;
};
const catTime = (date: Date): string => {
  const p = catParts(date);
  return `${two(p.hour)}:${two(p.minute)} CAT`;
};

/** "21 Nov 2026" (the CAT calendar day); the text as given when it is not a date. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = instantOf(value);
  return date === undefined ? value : catDate(date);
}

/** "21 Nov 2026, 14:05 CAT". */
export function formatDateTime(value: string | number | Date): string {
  const date = instantOf(value);
  return date === undefined ? String(value) : `${catDate(date)}, ${catTime(date)}`;
}

/** "14:05 CAT": the time of day alone, for a cell that shows the date above it. */
export function formatTime(value: string | number | Date): string {
  const date = instantOf(value);
  return date === undefined ? String(value) : catTime(date);
}

/** "1234567.5" -> "1,234,567.50": two places and thousands separators, for reading only (never sent). */
export function groupThousands(fixed: string): string {
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign === '' ? whole : whole.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A decimal string as money for a person to read: "ZWG 1,234,567.50". Works on the decimal
 * string (decimal.js), never through a float; text that is not a number is shown as given.
 */
export function formatAmount(value: string | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined || value === '') return '—';
  let amount: string;
  try {
    amount = groupThousands(formatMoney(value.trim()));
  } catch {
    return value;
  }
  return currency === null || currency === undefined || currency === '' ? amount : `${currency.trim().toUpperCase()} ${amount}`;
}

/** True when an FH date (or ISO time) lies in the past; false when there is none or it cannot be read. */
export function isPast(value: string | null | undefined, now: Date = new Date()): boolean {
  if (value === null || value === undefined || value === '') return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.getTime() <= now.getTime();
}

/** "21 Nov, 14:05 CAT": for narrow table cells (the full date is in the title). */
export function formatShortDateTime(value: string | number | Date): string {
  const date = instantOf(value);
  return date === undefined ? String(value) : `${catDayMonth(date)}, ${catTime(date)}`;
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** "14:05 CAT" today (in CAT), "21 Nov, 14:05 CAT" on another day: short enough for a screen's header (full date in the title). */
export function formatShortTime(value: string | number | Date, now: Date = new Date()): string {
  const date = instantOf(value);
  if (date === undefined) return String(value);
  return catDate(date) === catDate(now) ? catTime(date) : `${catDayMonth(date)}, ${catTime(date)}`;
}
