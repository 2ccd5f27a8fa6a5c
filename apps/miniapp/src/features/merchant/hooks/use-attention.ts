import type { OrderKind } from '../../../shared/api/types';
import { useRequest } from '../../../shared/api/use-request';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { getAttentionSummary, listAttentionCallbacks, listStuckOrders } from '../api/attention';

export function useAttentionSummary() {
  return useRequest('summary', getAttentionSummary);
}

export function useAttentionCallbacks(status: 'failed' | 'rejected' | null) {
  return useCursorList(`callbacks:${status}`, (cursor) => listAttentionCallbacks(status, cursor));
}

export function useStuckOrders(kind: OrderKind | null) {
  return useCursorList(`stuck:${kind}`, (cursor) => listStuckOrders(kind, cursor));
}
