import type { components } from '../../../shared/api/schema';
import type {
  MerchantOrderDetailDto,
  MerchantOrderQuery,
  MerchantOrderSummaryDto,
  OrderKind,
  OrderStatus,
} from '../../../shared/api/types';

/** The merchant console's side of the server contract (see the server's `/api/docs`). */

export type OrderSort = 'desc' | 'asc';

/** `GET /api/merchant/orders` and its counts and export take these; absent keys are not sent. */
export interface ConsoleOrderQuery extends MerchantOrderQuery {
  vendorRef?: string;
  phoneLast4?: string;
  sort?: OrderSort;
}

export interface OrderCountsDto {
  total: number;
  byStatus: Record<OrderStatus, number>;
}

/** One vendor callback behind an order, with its verification result and masked payload (generated type). */
export type VendorCallbackDto = MerchantOrderDetailDto['callbacks'][number];

export type MerchantOrderUserDto = NonNullable<MerchantOrderDetailDto['user']>;

/**
 * `GET /api/merchant/orders/:id/view`: the order as the server describes it for a person (sections of
 * labelled, formatted values; the timeline; every vendor event). The desk console renders the same.
 */
export type MerchantOrderViewDto = components['schemas']['MerchantOrderViewDto'];
export type ViewSectionDto = MerchantOrderViewDto['sections'][number];
export type ViewFieldDto = ViewSectionDto['fields'][number];
export type TimelineEntryDto = MerchantOrderViewDto['timeline'][number];
export type VendorEventViewDto = MerchantOrderViewDto['vendorEvents']['items'][number];

export interface RefreshedOrderDto {
  order: MerchantOrderSummaryDto;
  changed: boolean;
}

export interface ReplayResultDto {
  applied: boolean;
  callback: VendorCallbackDto;
}

export interface StuckOrderDto extends MerchantOrderSummaryDto {
  statusChangedAt: string;
  stuckMinutes: number;
  thresholdMinutes: number;
  canRefreshStatus: boolean;
}

export interface AttentionSummaryDto {
  failedCallbacks: number;
  rejectedCallbacks: number;
  stuckOrders: number;
  thresholds: Record<OrderKind, number>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface DayKindCountDto {
  day: string;
  kind: OrderKind;
  count: number;
}

export interface KindStatsDto {
  kind: OrderKind;
  total: number;
  completed: number;
  failed: number;
  cancelled: number;
  open: number;
  completionRate: number;
  failureRate: number;
  amountFen: number;
  avgCompletionSeconds: number | null;
}

export interface VendorStatsDto {
  vendor: string;
  total: number;
  applied: number;
  rejected: number;
  failed: number;
  errorRate: number;
}

export interface DashboardDto {
  from: string;
  to: string;
  days: string[];
  perDay: DayKindCountDto[];
  kinds: KindStatsDto[];
  vendors: VendorStatsDto[];
  totals: { orders: number; completed: number; failed: number; amountFen: number };
}

export type MerchantRole = 'owner' | 'staff';

export interface MerchantAccountDto {
  id: number;
  username: string;
  role: MerchantRole;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuditLogEntryDto {
  id: number;
  merchantId: number;
  merchantUsername: string;
  action: string;
  target: string;
  details: Record<string, unknown> | null;
  ip: string;
  createdAt: string;
}

export type ExportFormat = 'csv' | 'xlsx';
