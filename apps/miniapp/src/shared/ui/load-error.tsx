import { ApiError } from '../api/http';
import { EmptyState } from './empty-state';

/**
 * A first load that failed: why (the server's words, or the network) and a retry. Never an empty
 * state, which would tell an offline user they have nothing.
 */
export function LoadError({ error, onRetry, className }: { error: unknown; onRetry: () => void; className?: string }) {
  return (
    <EmptyState
      className={className}
      title="加载失败"
      description={error instanceof ApiError ? error.message : '网络异常，请检查网络后重试'}
      action={{ text: '重新加载', onClick: onRetry }}
    />
  );
}
