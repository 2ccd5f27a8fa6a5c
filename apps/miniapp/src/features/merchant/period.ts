import { formatDay } from '../../shared/format';

const DAY_MS = 86_400_000;

/** The last `days` China days up to today, inclusive, as the dashboard's `from` and `to`. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  return { from: formatDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: formatDay(now) };
}
