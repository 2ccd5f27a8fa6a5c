import { ORDER_KINDS } from '@miniapp-shared/labels';
import type { Query } from '../api/client';
import type { OrderKind, PaymentStatus } from '../api/types';
import { YUAN_PATTERN, yuanToFen } from '../shared/yuan';
import { PAGE_SIZES, type PageSize } from '../shared/page-size';

/**
 * The payment statuses a merchant picks from, each a set of the server's statuses (待支付 is
 * `created` — priced — and `paying` — a prepay exists).
 */
export const PAYMENT_STATUS_GROUPS = {
  unpaid: { label: '待支付', statuses: ['created', 'paying'] },
  paid: { label: '已支付', statuses: ['paid'] },
  closed: { label: '已关闭', statuses: ['closed'] },
  refunding: { label: '退款中', statuses: ['refunding'] },
  partially_refunded: { label: '部分退款', statuses: ['partially_refunded'] },
  refunded: { label: '已退款', statuses: ['refunded'] },
} as const satisfies Record<string, { label: string; statuses: readonly PaymentStatus[] }>;

export type PaymentStatusGroup = keyof typeof PAYMENT_STATUS_GROUPS;
const GROUPS = Object.keys(PAYMENT_STATUS_GROUPS) as PaymentStatusGroup[];

/** The payments list's filters as they live in the URL, so a refresh or a shared link keeps them. */
export interface PaymentFilters {
  status?: PaymentStatusGroup;
  kind?: OrderKind;
  /** `YYYY-MM-DD`, China days the order was placed, inclusive. */
  from?: string;
  to?: string;
  orderNo?: string;
  /** Yuan as typed; sent in fen. */
  minYuan?: string;
  maxYuan?: string;
  size: PageSize;
}

export const DEFAULT_PAYMENT_FILTERS: PaymentFilters = { size: 20 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = ['status', 'kind', 'from', 'to', 'orderNo', 'minYuan', 'maxYuan'] as const;

/** Reads the URL; anything malformed is dropped rather than sent to the server. */
export function parsePaymentFilters(params: URLSearchParams): PaymentFilters {
  const filters: PaymentFilters = { ...DEFAULT_PAYMENT_FILTERS };
  const status = params.get('status');
  if (status && (GROUPS as string[]).includes(status)) filters.status = status as PaymentStatusGroup;
  const kind = params.get('kind');
  if (kind && (ORDER_KINDS as string[]).includes(kind)) filters.kind = kind as OrderKind;
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && DAY.test(value)) filters[key] = value;
  }
  const orderNo = params.get('orderNo')?.trim();
  if (orderNo) filters.orderNo = orderNo.slice(0, 32);
  for (const key of ['minYuan', 'maxYuan'] as const) {
    const value = params.get(key);
    if (value && YUAN_PATTERN.test(value)) filters[key] = value;
  }
  const size = Number(params.get('size'));
  if ((PAGE_SIZES as readonly number[]).includes(size)) filters.size = size as PageSize;
  return filters;
}

/** The URL for filters: defaults and empty values left out. */
export function paymentFiltersToParams(filters: PaymentFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.size !== DEFAULT_PAYMENT_FILTERS.size) params.set('size', String(filters.size));
  return params;
}

/** The server's query: a status group becomes its statuses, amounts go in fen. */
export function paymentApiQuery(filters: PaymentFilters): Query {
  return {
    status: filters.status ? PAYMENT_STATUS_GROUPS[filters.status].statuses.join(',') : undefined,
    kind: filters.kind,
    from: filters.from,
    to: filters.to,
    orderNo: filters.orderNo,
    minAmountFen: filters.minYuan ? yuanToFen(filters.minYuan) : undefined,
    maxAmountFen: filters.maxYuan ? yuanToFen(filters.maxYuan) : undefined,
  };
}
