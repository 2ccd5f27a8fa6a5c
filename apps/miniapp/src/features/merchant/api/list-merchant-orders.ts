import { request } from '../../../shared/api/request';
import type { MerchantOrderPageDto } from '../../../shared/api/types';
import type { ConsoleOrderQuery, OrderCountsDto } from './types';

export const MERCHANT_ORDERS_PAGE_SIZE = 20;

export function listMerchantOrders(
  query: ConsoleOrderQuery,
  cursor: string | null,
  limit = MERCHANT_ORDERS_PAGE_SIZE,
): Promise<MerchantOrderPageDto> {
  return request<MerchantOrderPageDto>({
    path: '/api/merchant/orders',
    query: { ...query, cursor, limit },
  });
}

/** How many orders match the filters, per status (the list's own filters, without the paging). */
export function countMerchantOrders(query: ConsoleOrderQuery): Promise<OrderCountsDto> {
  return request<OrderCountsDto>({ path: '/api/merchant/orders/counts', query: { ...query }, silent: true });
}
