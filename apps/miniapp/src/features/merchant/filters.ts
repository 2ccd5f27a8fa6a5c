import type { MerchantOrderQuery, OrderKind, OrderStatus } from '../../shared/api/types';

/** What the merchant picked in the filter form; `null` means "all". */
export interface MerchantFilters {
  kind: OrderKind | null;
  status: OrderStatus | null;
  /** `YYYY-MM-DD`, inclusive. */
  from: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  to: string | null;
  orderNo: string;
}

export const EMPTY_FILTERS: MerchantFilters = { kind: null, status: null, from: null, to: null, orderNo: '' };

/** The query string of `GET /api/merchant/orders`: only the filters in use, the order number trimmed. */
export function toMerchantOrderQuery(filters: MerchantFilters): MerchantOrderQuery {
  const query: MerchantOrderQuery = {};
  if (filters.kind) query.kind = filters.kind;
  if (filters.status) query.status = filters.status;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  const orderNo = filters.orderNo.trim();
  if (orderNo) query.orderNo = orderNo;
  return query;
}

/** A message for the merchant, or null when the filters can be sent. */
export function validateFilters(filters: MerchantFilters): string | null {
  // Same-length ISO dates compare correctly as strings.
  if (filters.from && filters.to && filters.from > filters.to) return '开始日期不能晚于结束日期';
  return null;
}

/** How many filters are in use, for the badge on the collapsed filter bar. */
export function countActiveFilters(filters: MerchantFilters): number {
  return Object.keys(toMerchantOrderQuery(filters)).filter((key) => key !== 'orderNo').length;
}
