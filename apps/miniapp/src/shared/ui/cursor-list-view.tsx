import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CursorListState } from '../hooks/use-cursor-list';
import { EmptyState } from './empty-state';
import { ListFooter } from './list-footer';
import { LoadError } from './load-error';
import { PageSkeleton } from './page-skeleton';

interface CursorListViewProps<T extends { id: number }> {
  list: CursorListState<T>;
  renderItem: (item: T) => ReactNode;
  empty: { title: string; description?: string; action?: { text: string; onClick: () => void } };
  className?: string;
}

/** The states every order list goes through: skeleton, failure, empty, rows with a footer. */
export function CursorListView<T extends { id: number }>({
  list,
  renderItem,
  empty,
  className,
}: CursorListViewProps<T>) {
  const { items, loading, loadingMore, hasMore, error, loadMore, refresh } = list;
  if (loading) return <PageSkeleton />;
  if (items.length === 0) {
    return error ? (
      <LoadError className="list-error" error={error} onRetry={() => void refresh()} />
    ) : (
      <EmptyState className="list-empty" {...empty} />
    );
  }
  return (
    <View className={className}>
      {items.map((item) => (
        <View key={item.id}>{renderItem(item)}</View>
      ))}
      <ListFooter
        loadingMore={loadingMore}
        hasMore={hasMore}
        failed={Boolean(error)}
        onLoadMore={() => void loadMore()}
      />
    </View>
  );
}
