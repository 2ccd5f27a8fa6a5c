/**
 * The gateway reads `timestamp` ("yyyy-MM-dd HH:mm:ss") as Beijing time. China has kept UTC+8 all year
 * since 1991, so a fixed offset is exact and needs no time-zone database.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const TIMESTAMP_FORMAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * Formats an instant as the gateway's `timestamp` in Asia/Shanghai time. alipay-sdk formats the
 * process's local time instead, which on a server running in UTC is eight hours behind.
 */
export function formatAlipayTimestamp(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** Reads a gateway `timestamp` as an instant; undefined when it is not a real date in that format. */
export function parseAlipayTimestamp(text: string): number | undefined {
  const match = TIMESTAMP_FORMAT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS;
  // Date.UTC rolls 2024-02-30 over into March: a round trip tells a real date from a rolled one.
  return formatAlipayTimestamp(epochMs) === text ? epochMs : undefined;
}

/** `yyyyMMdd` of an instant in Beijing time, for identifiers that embed a date. */
export function shanghaiDate(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
