/**
 * The server's contract for the console: every type is one generated from the server's OpenAPI
 * document (the mini-program's `schema.d.ts`, written by `pnpm openapi`), never written by hand.
 */
import type { components } from '@miniapp-shared/api/schema';

type Schemas = components['schemas'];

export type OrderKind = Schemas['OrderSummaryDto']['kind'];
export type OrderStatus = Schemas['OrderSummaryDto']['status'];
export type MerchantProfile = Schemas['MerchantProfileDto'];
export type MerchantToken = Schemas['MerchantTokenDto'];
export type OrderRow = Schemas['MerchantOrderListItemDto'];
export type OrderPage = Schemas['MerchantOrderPageDto'];
export type OrderCounts = Schemas['MerchantOrderCountsDto'];
export type OrderView = Schemas['MerchantOrderViewDto'];
export type ViewSection = Schemas['ViewSectionDto'];
export type ViewField = Schemas['ViewFieldDto'];
export type VendorEventView = Schemas['VendorEventViewDto'];
export type ReplayResult = Schemas['ReplayResultDto'];
export type RefreshedOrder = Schemas['RefreshedOrderDto'];
export type AttentionSummary = Schemas['AttentionSummaryDto'];
export type PendingCall = Schemas['PendingCallDto'];
export type PendingCallPage = Schemas['PendingCallPageDto'];
export type CallbackPage = Schemas['AttentionCallbackPageDto'];
export type VendorCallback = Schemas['VendorCallbackDto'];
export type StuckOrderPage = Schemas['StuckOrderPageDto'];
export type Dashboard = Schemas['DashboardDto'];
export type MerchantAccount = Schemas['MerchantAccountDto'];
export type MerchantAccountList = Schemas['MerchantAccountListDto'];
export type AuditLogPage = Schemas['AuditLogPageDto'];
export type AuditLogEntry = Schemas['AuditLogEntryDto'];
export type PaymentRow = Schemas['MerchantPaymentRowDto'];
export type PaymentStatus = Schemas['MerchantPaymentRowDto']['status'];
export type PaymentPage = Schemas['MerchantPaymentPageDto'];
export type RefundRow = Schemas['MerchantRefundRowDto'];
export type Price = Schemas['PriceDto'];
export type PriceList = Schemas['PriceListDto'];
export type MerchantRefund = Schemas['MerchantRefundDto'];
export type ReconciliationRun = Schemas['ReconciliationRunDto'];
export type ReconciliationRunPage = Schemas['ReconciliationRunPageDto'];
export type ReconciliationMismatch = Schemas['ReconciliationMismatchDto'];
export type ReconciliationMismatchPage = Schemas['ReconciliationMismatchPageDto'];
