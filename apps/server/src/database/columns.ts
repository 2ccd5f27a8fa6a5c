import { Column, type ColumnOptions } from 'typeorm';

/**
 * Timestamps are set by the application (not by database defaults) so that MySQL and SQLite hold
 * the same millisecond precision and tests can reason about them.
 */
export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
