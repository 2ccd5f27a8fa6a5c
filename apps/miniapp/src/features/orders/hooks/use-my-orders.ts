import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { listMyOrders, MY_ORDERS_PAGE_SIZE, type MyOrderTab } from '../api/list-my-orders';

/** The user's orders in one tab: a new tab is a new list, loaded from its first page. */
export function useMyOrders(tab: MyOrderTab = 'all') {
  return useCursorList(`my-orders:${tab}`, (cursor) => listMyOrders(cursor, MY_ORDERS_PAGE_SIZE, tab));
}
