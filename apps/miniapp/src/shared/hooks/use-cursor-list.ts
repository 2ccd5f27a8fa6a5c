import { useCallback, useEffect, useRef, useState } from 'react';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorList<T> {
  items: T[];
  /** First page on its way and nothing to show yet. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: unknown;
  loadMore: () => Promise<void>;
  /** Reloads the first page; resolves when done (for pull-down refresh), never rejects. */
  refresh: () => Promise<void>;
}

/** What a list view needs of a CursorList. */
export type CursorListState<T> = Pick<
  CursorList<T>,
  'items' | 'loading' | 'loadingMore' | 'hasMore' | 'error' | 'loadMore' | 'refresh'
>;

/**
 * A keyset-paginated list: the server hands out `nextCursor`, we never compute offsets, so rows inserted
 * while scrolling neither repeat nor go missing. A new `key` (e.g. other filters) starts over.
 */
export function useCursorList<T extends { id: number }>(
  key: string,
  fetchPage: (cursor: string | null) => Promise<CursorPage<T>>,
): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>();
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // Bumped on every first-page load: answers of an older generation are dropped.
  const generation = useRef(0);
  const busy = useRef(false);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    busy.current = true;
    setLoading(true);
    // A page still loading for the old generation will be dropped, and so will its spinner.
    setLoadingMore(false);
    setError(undefined);
    try {
      const page = await fetchRef.current(null);
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setHasMore(page.nextCursor !== null);
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
    // `key` is what makes a new list; fetchPage is read through the ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore || cursor === null) return;
    const mine = generation.current;
    busy.current = true;
    setLoadingMore(true);
    setError(undefined);
    try {
      const page = await fetchRef.current(cursor);
      if (mine !== generation.current) return;
      setItems((current) => {
        const seen = new Set(current.map((item) => item.id));
        return [...current, ...page.items.filter((item) => !seen.has(item.id))];
      });
      setCursor(page.nextCursor);
      setHasMore(page.nextCursor !== null);
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoadingMore(false);
      }
    }
  }, [cursor, hasMore]);

  useEffect(() => {
    setItems([]);
    void refresh();
  }, [refresh]);

  return { items, loading: loading && items.length === 0, loadingMore, hasMore, error, loadMore, refresh };
}
