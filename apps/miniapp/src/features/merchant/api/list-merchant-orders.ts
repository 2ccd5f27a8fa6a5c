import { request } from '../../../shared/api/request';
import type { MerchantOrderPageDto, MerchantOrderQuery } from '../../../shared/api/types';

export const MERCHANT_ORDERS_PAGE_SIZE = 20;

export function listMerchantOrders(
  query: MerchantOrderQuery,
  cursor: string | null,
  limit = MERCHANT_ORDERS_PAGE_SIZE,
): Promise<MerchantOrderPageDto> {
  return request<MerchantOrderPageDto>({
    path: '/api/merchant/orders',
    query: { ...query, cursor, limit },
  });
}
