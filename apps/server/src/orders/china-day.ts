import { AppError } from '../common/errors/app-error.js';

/** China Standard Time has no daylight saving: day boundaries are a fixed +08:00. */
export const CHINA_OFFSET = '+08:00';
export const CHINA_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** The China day (`YYYY-MM-DD`) an instant falls on. */
export function chinaDayOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China day (`YYYY-MM-DD`) starts, plus whole days. A day that does not exist is a 400. */
export function chinaDayStart(day: string, plusDays = 0): Date {
  const date = new Date(`${day}T00:00:00${CHINA_OFFSET}`);
  // 2025-02-30 parses in some engines (rolling over to March): it must read back as itself.
  if (Number.isNaN(date.getTime()) || chinaDayOf(date) !== day) {
    throw AppError.badRequest('BAD_DATE', '日期无效，请按 YYYY-MM-DD 选择日期');
  }
  return new Date(date.getTime() + plusDays * DAY_MS);
}
