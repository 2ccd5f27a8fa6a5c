import type { ReactNode } from 'react';
import { ApiError } from '../api/http';
import { EmptyState } from './empty-state';
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
  return (
    <EmptyState
      className="page-error"
      title="加载失败"
      description={error instanceof ApiError ? error.message : '请检查网络后重试'}
      action={{ text: '重新加载', onClick: reload }}
    />
  );
}
