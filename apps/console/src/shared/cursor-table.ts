import { useEffect, useState } from 'react';
import { useLoad } from './use-load';

export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/** A keyset-paged list: a stack of cursors, so 上一页 returns exactly to the page before. */
export function useCursorPages<P extends CursorPage<unknown>>(
  key: string,
  load: (cursor: string | null) => Promise<P>,
) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  useEffect(() => setCursors([null]), [key]);
  const cursor = cursors[cursors.length - 1];
  const page = useLoad(`${key}|${cursor}`, () => load(cursor));
  return {
    page,
    pageNumber: cursors.length,
    prev: cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : undefined,
    next: page.data?.nextCursor ? () => setCursors([...cursors, page.data?.nextCursor ?? null]) : undefined,
  };
}
