import { request } from '../../../shared/api/request';
import type { OrderPageDto } from '../../../shared/api/types';

export const MY_ORDERS_PAGE_SIZE = 20;

export function listMyOrders(cursor: string | null, limit = MY_ORDERS_PAGE_SIZE): Promise<OrderPageDto> {
  return request<OrderPageDto>({ path: '/api/orders', query: { cursor, limit } });
}
