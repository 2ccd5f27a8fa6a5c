import { AppError } from './errors/app-error.js';

/**
 * Keyset pagination on the auto-increment id: pages are "rows with id below the last one seen",
 * so a page deep in the list costs the same as the first, and rows inserted while someone pages
 * neither repeat nor push others out. The cursor is opaque to clients.
 */
export function encodeCursor(lastId: number): string {
  return Buffer.from(`id:${lastId}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const match = /^id:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw AppError.badRequest('BAD_CURSOR', '分页参数无效，请刷新列表后重试');
  return Number(match[1]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Takes `limit + 1` rows and turns the extra one into "there is a next page". */
export function toPage<T extends { id: number }, R>(rows: T[], limit: number, map: (row: T) => R): Page<R> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(pageRows[pageRows.length - 1].id) : null,
  };
}
