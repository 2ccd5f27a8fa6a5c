/**
 * The merchant pages' side of the server contract, as generated from its OpenAPI document (server:
 * apps/server/src/merchant). `pnpm openapi` regenerates `schema.d.ts`; nothing here is written by hand.
 */
import type { components, operations } from '../../../shared/api/schema';
import type { MerchantOrderDetailDto } from '../../../shared/api/types';

type Schemas = components['schemas'];

/** `GET /api/merchant/orders` and its counts and export take these; absent keys are not sent. */
export type ConsoleOrderQuery = Omit<
  NonNullable<operations['MerchantOrdersController_list']['parameters']['query']>,
  'cursor' | 'limit' | 'minAmountFen' | 'maxAmountFen'
>;
export type OrderSort = NonNullable<ConsoleOrderQuery['sort']>;

/** How many orders match the filters: every status present, 0 when none. */
export type OrderCountsDto = Schemas['MerchantOrderCountsDto'];

/** One vendor callback behind an order, with its verification result and masked payload. */
export type VendorCallbackDto = MerchantOrderDetailDto['callbacks'][number];
export type MerchantOrderUserDto = NonNullable<MerchantOrderDetailDto['user']>;

/**
 * `GET /api/merchant/orders/:id/view`: the order as the server describes it for a person (sections of
 * labelled, formatted values; the timeline; every vendor event). The desk console renders the same.
 */
export type MerchantOrderViewDto = Schemas['MerchantOrderViewDto'];
export type ViewSectionDto = Schemas['ViewSectionDto'];
export type ViewFieldDto = Schemas['ViewFieldDto'];
export type TimelineEntryDto = Schemas['TimelineEntryDto'];
export type VendorEventViewDto = Schemas['VendorEventViewDto'];

export type RefreshedOrderDto = Schemas['RefreshedOrderDto'];
export type ReplayResultDto = Schemas['ReplayResultDto'];
export type StuckOrderDto = Schemas['StuckOrderDto'];
export type StuckOrderPageDto = Schemas['StuckOrderPageDto'];
export type AttentionSummaryDto = Schemas['AttentionSummaryDto'];
export type AttentionCallbackPageDto = Schemas['AttentionCallbackPageDto'];

export type DayKindCountDto = Schemas['DayKindCountDto'];
export type KindStatsDto = Schemas['KindStatsDto'];
export type VendorStatsDto = Schemas['VendorStatsDto'];
export type DashboardDto = Schemas['DashboardDto'];

export type MerchantAccountDto = Schemas['MerchantAccountDto'];
export type MerchantAccountListDto = Schemas['MerchantAccountListDto'];
/** `token`: a new one for the caller's session when they changed their own password. */
export type UpdatedMerchantAccountDto = Schemas['UpdatedMerchantAccountDto'];
export type MerchantRole = MerchantAccountDto['role'];
export type AuditLogEntryDto = Schemas['AuditLogEntryDto'];
export type AuditAction = AuditLogEntryDto['action'];
export type AuditLogPageDto = Schemas['AuditLogPageDto'];

export type ExportFormat = NonNullable<
  NonNullable<operations['MerchantOrdersController_export']['parameters']['query']>['format']
>;
