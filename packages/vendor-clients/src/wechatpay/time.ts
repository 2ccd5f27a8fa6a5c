/** WeChat Pay speaks Beijing time (+08:00) in RFC 3339 and in bills, whatever the server's zone. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const beijingParts = (ms: number) => new Date(ms + BEIJING_OFFSET_MS).toISOString();

/** `2015-05-20T13:29:35+08:00`. */
export const rfc3339Beijing = (ms: number): string => `${beijingParts(ms).slice(0, 19)}+08:00`;

/** `2015-05-20 13:29:35`, the bill's 交易时间. */
export const billTimeBeijing = (ms: number): string => beijingParts(ms).slice(0, 19).replace('T', ' ');

/** `2015-05-20`, a bill_date. */
export const beijingDate = (ms: number): string => beijingParts(ms).slice(0, 10);

/** Reads an RFC 3339 time; NaN when malformed. */
export function parseRfc3339(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return Number.NaN;
  return Date.parse(text);
}
