/** "in 3 days", "in 1 day", or "in less than a day" for what runs out today (never "in 0 days"). */
export function inDays(daysLeft: number | null): string {
  if (daysLeft === null || daysLeft < 1) return 'in less than a day';
  return `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
}
