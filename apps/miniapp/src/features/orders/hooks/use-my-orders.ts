import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { listMyOrders } from '../api/list-my-orders';

export function useMyOrders() {
  return useCursorList('my-orders', listMyOrders);
}
