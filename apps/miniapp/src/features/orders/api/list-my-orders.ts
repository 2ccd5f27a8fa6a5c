import { request } from '../../../shared/api/request';
import type { operations } from '../../../shared/api/schema';
import type { OrderPageDto } from '../../../shared/api/types';

export const MY_ORDERS_PAGE_SIZE = 20;

/** The tabs of 我的订单; the server filters (待支付: the payment is open; the others: by status). */
export type MyOrderTab = 'all' | NonNullable<operations['OrdersController_list']['parameters']['query']>['status'];

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
