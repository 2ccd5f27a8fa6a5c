import { beijingDate } from '@banshi/vendor-clients/wechatpay';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** 微信支付在每日10点后生成昨日交易账单 (申请交易账单; generation starts at 9:00). */
export const BILL_READY_HOUR = 10;
/** Days looked back for a day never reconciled (a server down for a while catches up). */
export const CATCH_UP_DAYS = 7;
/** The API serves bills of the last three months only. */
export const BILL_MAX_AGE_DAYS = 90;

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A Beijing day's bounds as instants: [00:00, next 00:00) at +08:00. */
export function beijingDayRange(billDate: string): { from: Date; to: Date } {
  const from = new Date(`${billDate}T00:00:00+08:00`);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The last day whose bill is ready at `now`: yesterday from 10:00 Beijing time, else the day before. */
export function lastReadyDay(now: number): string {
  return beijingDate(now - DAY_MS - BILL_READY_HOUR * HOUR_MS);
}

/** `count` days ending with `last`, oldest first. */
export function daysUpTo(last: string, count: number): string[] {
  const end = new Date(`${last}T00:00:00+08:00`).getTime();
  return Array.from({ length: count }, (_, index) => beijingDate(end - (count - 1 - index) * DAY_MS));
}

/** Why a day cannot be reconciled (yet) at `now`, in Chinese; null when it can. */
export function whyNotReady(billDate: string, now: number): string | null {
  const { from } = beijingDayRange(billDate);
  if (!DAY_PATTERN.test(billDate) || Number.isNaN(from.getTime()) || beijingDate(from.getTime()) !== billDate) {
    return '日期格式应为 YYYY-MM-DD';
  }
  if (billDate > lastReadyDay(now)) return '该日账单尚未生成：微信支付在次日 10 点后提供前一日的账单，请稍后再对账';
  if (billDate < beijingDate(now - BILL_MAX_AGE_DAYS * DAY_MS))
    return '微信支付只提供三个月内的账单，无法对更早的日期对账';
  return null;
}
