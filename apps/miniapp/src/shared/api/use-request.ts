import { useCallback, useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again; resolves when done (for pull-down refresh), never rejects. */
  reload: () => Promise<void>;
}

/**
 * Loads `fetcher()` whenever `key` changes (`null` waits, e.g. for a route parameter). Answers to an older
 * key are dropped, so a slow first answer cannot overwrite a newer one.
 */
export function useRequest<T>(key: string | number | null, fetcher: () => Promise<T>): RequestState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(key !== null);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const seq = useRef(0);

  const run = useCallback(async () => {
    if (key === null) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await fetcherRef.current();
      if (mine === seq.current) setData(result);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [key]);

  useEffect(() => {
    void run();
  }, [run]);

  return { data, error, loading, reload: run };
}
