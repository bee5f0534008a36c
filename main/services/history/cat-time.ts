/** Zimbabwe keeps Central Africa Time all year: UTC+2, no daylight saving. */
const CAT_OFFSET_MS = 2 * 60 * 60 * 1000;

/** The CAT calendar day of a moment, `YYYY-MM-DD`. */
export function catDay(at: Date): string {
  return new Date(at.getTime() + CAT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The CAT month of a moment, `YYYY-MM`. */
export function catMonth(at: Date): string {
  return catDay(at).slice(0, 7);
}

/** The first day of the month after `YYYY-MM`, `YYYY-MM-DD`. */
export function nextMonthStart(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}
