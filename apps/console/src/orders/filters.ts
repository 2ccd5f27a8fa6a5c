import { ORDER_KINDS, ORDER_STATUSES } from '@miniapp-shared/labels';
import type { Query } from '../api/client';
import type { OrderKind, OrderStatus } from '../api/types';
import { YUAN_PATTERN, yuanToFen } from '../shared/yuan';

import { PAGE_SIZES, type PageSize } from '../shared/page-size';

export { PAGE_SIZES, type PageSize };
export type SortOrder = 'desc' | 'asc';

/**
 * The order list's filters as they live in the URL (`?kind=…&status=…`), so a refresh or a shared
 * link keeps them. Anything malformed in the URL is dropped rather than sent to the server.
 */
export interface OrderFilters {
  kind?: OrderKind;
  status?: OrderStatus;
  /** `YYYY-MM-DD`, China days, inclusive. */
  from?: string;
  to?: string;
  phoneLast4?: string;
  vendorRef?: string;
  orderNo?: string;
  /** Yuan as typed (`12.5`); sent to the server in fen. */
  minYuan?: string;
  maxYuan?: string;
  sort: SortOrder;
  size: PageSize;
}

export const DEFAULT_FILTERS: OrderFilters = { sort: 'desc', size: 20 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_KEYS = ['vendorRef', 'orderNo'] as const;

export function parseFilters(params: URLSearchParams): OrderFilters {
  const filters: OrderFilters = { ...DEFAULT_FILTERS };
  const kind = params.get('kind');
  if (kind && (ORDER_KINDS as string[]).includes(kind)) filters.kind = kind as OrderKind;
  const status = params.get('status');
  if (status && (ORDER_STATUSES as string[]).includes(status)) filters.status = status as OrderStatus;
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && DAY.test(value)) filters[key] = value;
  }
  const phone = params.get('phoneLast4');
  if (phone && /^\d{4}$/.test(phone)) filters.phoneLast4 = phone;
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value.slice(0, 64);
  }
  for (const key of ['minYuan', 'maxYuan'] as const) {
    const value = params.get(key);
    if (value && YUAN_PATTERN.test(value)) filters[key] = value;
  }
  if (params.get('sort') === 'asc') filters.sort = 'asc';
  const size = Number(params.get('size'));
  if ((PAGE_SIZES as readonly number[]).includes(size)) filters.size = size as PageSize;
  return filters;
}

/** The URL's query for filters: defaults and empty values are left out, so a plain list has a plain URL. */
export function filtersToParams(filters: OrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  const keys = ['kind', 'status', 'from', 'to', 'phoneLast4', 'vendorRef', 'orderNo', 'minYuan', 'maxYuan'] as const;
  for (const key of keys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.size !== DEFAULT_FILTERS.size) params.set('size', String(filters.size));
  return params;
}

/** The server's query for filters (the list, the counts and the export take the same). */
export function toApiQuery(filters: OrderFilters): Query {
  return {
    kind: filters.kind,
    status: filters.status,
    from: filters.from,
    to: filters.to,
    phoneLast4: filters.phoneLast4,
    vendorRef: filters.vendorRef,
    orderNo: filters.orderNo,
    minAmountFen: filters.minYuan ? yuanToFen(filters.minYuan) : undefined,
    maxAmountFen: filters.maxYuan ? yuanToFen(filters.maxYuan) : undefined,
    sort: filters.sort,
  };
}

/** How many filters narrow the list (sort and page size aside). */
export function activeFilterCount(filters: OrderFilters): number {
  return [...filtersToParams({ ...filters, sort: 'desc', size: 20 }).keys()].length;
}
