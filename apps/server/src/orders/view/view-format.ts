import { HttpException } from '@nestjs/common';
import { chinaDayOf, CHINA_OFFSET_MS } from '../china-day.js';
import type { ViewField, ViewSection } from './order-view.js';

/** `¥12.30`; a negative amount keeps its sign before the symbol. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  return `${sign}¥${(Math.abs(fen) / 100).toFixed(2)}`;
}

/** `2025-03-01 14:05`, China time, from a Date or an ISO string; `—` when there is none. */
export function chinaMinute(instant: Date | string | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '—';
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${chinaDayOf(date)} ${shifted.slice(11, 16)}`;
}

export function yesNo(value: boolean): string {
  return value ? '是' : '否';
}

/** A text field; empty, null and undefined values read `—`. */
export function text(label: string, value: string | number | null | undefined, tone?: ViewField['tone']): ViewField {
  const shown = value === null || value === undefined || value === '' ? '—' : String(value);
  return tone ? { label, value: shown, tone } : { label, value: shown };
}

export function image(label: string, url: string | null, missing = '暂无'): ViewField {
  return url ? { label, value: '查看图片', type: 'image', url } : { label, value: missing };
}

export function link(label: string, url: string | null, title: string, missing = '暂无'): ViewField {
  return url ? { label, value: title, type: 'link', url } : { label, value: missing };
}

/** A section without its empty optional fields (those given as null). */
export function section(key: string, title: string, fields: Array<ViewField | null | false>): ViewSection {
  return { key, title, fields: fields.filter((field): field is ViewField => !!field) };
}

/** A service's merchant detail, or null when the order has none of this kind (a 404 of the service). */
export async function orNotFound<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() === 404) return null;
    throw error;
  }
}
