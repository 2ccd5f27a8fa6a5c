/** Display formats. Money is an integer number of fen everywhere; it becomes yuan only here. */

export function formatFen(fen: number): string {
  // Integer arithmetic: fen / 100 in floating point can print 0.29 as 0.28999….
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaParts(value: string | Date) {
  const ms = (typeof value === 'string' ? new Date(value) : value).getTime();
  if (Number.isNaN(ms)) return null;
  // China has one time zone and no daylight saving: shifting by +8 h and reading UTC fields gives Beijing
  // time on any device, so a user and the merchant see the same clock for the same order.
  const d = new Date(ms + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** `2025-03-01 14:05` in Beijing time; an unparsable value is shown as it came. */
export function formatDateTime(value: string): string {
  const parts = chinaParts(value);
  return parts ? `${parts.date} ${parts.time}` : value;
}

/** `YYYY-MM-DD` of a date in Beijing time, the format of the merchant list's date filters. */
export function formatDay(value: Date): string {
  return chinaParts(value)?.date ?? '';
}
