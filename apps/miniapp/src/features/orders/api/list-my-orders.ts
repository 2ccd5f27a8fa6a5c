import { request } from '../../../shared/api/request';
import type { OrderPageDto } from '../../../shared/api/types';

export const MY_ORDERS_PAGE_SIZE = 20;

/** The tabs of 我的订单; the server filters by the statuses each one stands for. */
export type MyOrderTab = 'all' | 'in_progress' | 'action_required' | 'completed' | 'closed';

export function listMyOrders(
  cursor: string | null,
  limit = MY_ORDERS_PAGE_SIZE,
  tab: MyOrderTab = 'all',
): Promise<OrderPageDto> {
  return request<OrderPageDto>({
    path: '/api/orders',
    query: { cursor, limit, status: tab === 'all' ? null : tab },
  });
}
