import type { OrderKind, OrderStatus } from '../../shared/api/types';
import type { ConsoleOrderQuery, OrderSort } from './api/types';

/** What the merchant picked in the filter form; `null` means "all". */
export interface MerchantFilters {
  kind: OrderKind | null;
  status: OrderStatus | null;
  /** `YYYY-MM-DD`, inclusive. */
  from: string | null;
  /** `YYYY-MM-DD`, inclusive. */
  to: string | null;
  orderNo: string;
  vendorRef: string;
  /** Last four digits of the user's phone. */
  phoneLast4: string;
  sort: OrderSort;
}

export const EMPTY_FILTERS: MerchantFilters = {
  kind: null,
  status: null,
  from: null,
  to: null,
  orderNo: '',
  vendorRef: '',
  phoneLast4: '',
  sort: 'desc',
};

/** The query string of `GET /api/merchant/orders`: only the filters in use, text trimmed, newest first unsaid. */
export function toMerchantOrderQuery(filters: MerchantFilters): ConsoleOrderQuery {
  const query: ConsoleOrderQuery = {};
  if (filters.kind) query.kind = filters.kind;
  if (filters.status) query.status = filters.status;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  const orderNo = filters.orderNo.trim();
  if (orderNo) query.orderNo = orderNo;
  const vendorRef = filters.vendorRef.trim();
  if (vendorRef) query.vendorRef = vendorRef;
  const phoneLast4 = filters.phoneLast4.trim();
  if (phoneLast4) query.phoneLast4 = phoneLast4;
  if (filters.sort === 'asc') query.sort = 'asc';
  return query;
}

/** The same filters without the status: the counts per status are shown for every status at once. */
export function toCountsQuery(filters: MerchantFilters): ConsoleOrderQuery {
  const query = toMerchantOrderQuery(filters);
  delete query.status;
  delete query.sort;
  return query;
}

/** A message for the merchant, or null when the filters can be sent. */
export function validateFilters(filters: MerchantFilters): string | null {
  // Same-length ISO dates compare correctly as strings.
  if (filters.from && filters.to && filters.from > filters.to) return '开始日期不能晚于结束日期';
  if (filters.phoneLast4.trim() && !/^\d{4}$/.test(filters.phoneLast4.trim())) return '手机尾号应为 4 位数字';
  return null;
}

/** How many filters behind the "筛选" toggle are in use, for its badge (the search box shows its own). */
export function countActiveFilters(filters: MerchantFilters): number {
  return Object.keys(toMerchantOrderQuery(filters)).filter((key) => key !== 'orderNo').length;
}
