import type { ReactNode } from 'react';
import { LoadError } from './load-error';
import { PageSkeleton } from './page-skeleton';

interface PageStateProps<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  children: (data: T) => ReactNode;
}

/** Skeleton, failure with a retry, or the content of a page that loads one thing (a detail, a profile). */
export function PageState<T>({ data, loading, error, reload, children }: PageStateProps<T>) {
  if (data !== undefined) return <>{children(data)}</>;
  if (loading || !error) return <PageSkeleton cards={2} />;
  return <LoadError className="page-error" error={error} onRetry={reload} />;
}
