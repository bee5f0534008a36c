import type { DatabaseSync } from 'node:sqlite';

/**
 * The history's dates as full-text words (migration 012): each document's day (`d20261127`) and
 * month (`m202611`) in the index's `dates` column, so "these words within these days" is one
 * full-text query, answered from the index alone, instead of a walk of every document in the
 * range testing each (30 ms for a surname within a year at a million documents).
 */
export const dateTerms = (row: string) => `'d' || replace(substr(${row}.date, 1, 10), '-', '') || ' m' || replace(substr(${row}.date, 1, 7), '-', '')`;

/** Past this many words the range is left to the SQL date condition alone (a range of many years, day by day). */
const MAX_DATE_WORDS = 120;

/**
 * The full-text condition for the days `from` to `to` (inclusive, `YYYY-MM-DD`): whole months as
 * one word each, the days around them one by one; null when the range is empty or too long.
 */
export function datesQuery(from: string, to: string): string | null {
  if (from > to) return null;
  const words: string[] = [];
  let day = from;
  while (day <= to && words.length <= MAX_DATE_WORDS) {
    const month = day.slice(0, 7);
    const monthEnd = lastDayOf(month);
    if (day.endsWith('-01') && monthEnd <= to) {
      words.push(`m${month.replace('-', '')}`);
      day = nextDayOf(monthEnd);
    } else {
      words.push(`d${day.replaceAll('-', '')}`);
      day = nextDayOf(day);
    }
  }
  return words.length > MAX_DATE_WORDS ? null : `{dates} : (${words.join(' OR ')})`;
}

/** The first and last day of a profile's documents, for a range open on one side. */
export function profileDays(db: DatabaseSync, profileId: string): { first: string; last: string } | null {
  const row = db.prepare('SELECT min(day) AS first, max(day) AS last FROM document_day_counts WHERE profile_id = ? AND documents > 0').get(profileId) as
    | { first: string | null; last: string | null }
    | undefined;
  return row === undefined || row.first === null || row.last === null ? null : { first: row.first, last: row.last };
}

function nextDayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function lastDayOf(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return date.toISOString().slice(0, 10);
}
