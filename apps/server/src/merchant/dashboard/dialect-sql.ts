import type { DataSource } from 'typeorm';

/**
 * The two expressions the dashboard needs that MySQL and SQLite spell differently. Timestamps are
 * stored in UTC (`DATETIME(3)` on MySQL, `YYYY-MM-DD HH:MM:SS.SSS` text on SQLite); China has no
 * daylight saving, so a China day is the UTC time shifted by 8 hours.
 */
export interface DialectSql {
  /** `YYYY-MM-DD` of the China day of a timestamp column. */
  chinaDay(column: string): string;
  /** Seconds from one timestamp column to another. */
  secondsBetween(start: string, end: string): string;
}

export function dialectSql(dataSource: DataSource): DialectSql {
  if (dataSource.options.type === 'mysql') {
    return {
      chinaDay: (column) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`,
      secondsBetween: (start, end) => `(TIMESTAMPDIFF(MICROSECOND, ${start}, ${end}) / 1000000)`,
    };
  }
  return {
    chinaDay: (column) => `strftime('%Y-%m-%d', ${column}, '+8 hours')`,
    secondsBetween: (start, end) => `((julianday(${end}) - julianday(${start})) * 86400.0)`,
  };
}
