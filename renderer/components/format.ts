import { formatMoney } from '../../shared/domain/money';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "21 Nov 2026"; the text as given when it is not a date. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | number | Date): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date);
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

const shortDateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "21 Nov, 14:05": for narrow table cells (the full date is in the title). */
export function formatShortDateTime(value: string | number | Date): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : shortDateTimeFormat.format(date);
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "14:05" today, "21 Nov, 14:05" on another day: short enough for a screen's header (full date in the title). */
export function formatShortTime(value: string | number | Date, now: Date = new Date()): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : shortDateTimeFormat.format(date);
}
