import { AppError } from '../../common/errors/app-error.js';

/** Keyset of the stuck-order list: when the status last changed, then the id. */
export interface StuckKeyset {
  at: Date;
  id: number;
}

export function encodeStuckCursor(keyset: StuckKeyset): string {
  return Buffer.from(`s:${keyset.at.getTime()}:${keyset.id}`).toString('base64url');
}

export function decodeStuckCursor(cursor: string | undefined): StuckKeyset | undefined {
  if (!cursor) return undefined;
  const match = /^s:(\d{1,15}):(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw AppError.badRequest('BAD_CURSOR', '分页参数无效，请刷新列表后重试');
  return { at: new Date(Number(match[1])), id: Number(match[2]) };
}
