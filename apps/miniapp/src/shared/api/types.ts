/**
 * Hand-written types of the server's HTTP contract. They will be re-pointed at the types generated from the
 * server's OpenAPI document (`schema.d.ts`, `pnpm run api-types`); keep the names, pages depend on them.
 */

export type OrderKind = 'id_photo' | 'invoice_scan' | 'identity' | 'violation_payment' | 'inspection';

export type OrderStatus = 'pending' | 'processing' | 'action_required' | 'completed' | 'failed' | 'cancelled';

export type OrderEventActor = 'user' | 'vendor' | 'system' | 'merchant';

/** Every error answer of the server: a non-2xx status with this body. */
export interface ApiErrorBody {
  code: string;
  message: string;
}

export interface MeDto {
  id: number;
  nickname: string;
  /** Already masked by the server, e.g. `138****0000`. */
  phone: string | null;
  verified: boolean;
  createdAt: string;
}

export interface SandboxCodeDto {
  code: string;
}

export interface WechatLoginDto {
  token: string;
  user: MeDto;
}

export interface OrderSummaryDto {
  id: number;
  orderNo: string;
  kind: OrderKind;
  status: OrderStatus;
  vendorStatus: string | null;
  title: string;
  amountFen: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderPageDto {
  items: OrderSummaryDto[];
  nextCursor: string | null;
}

export interface OrderEventDto {
  id: number;
  actor: OrderEventActor;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  vendorStatus: string | null;
  message: string;
  createdAt: string;
}

export type OrderDetailDto = OrderSummaryDto & { events: OrderEventDto[] };

export interface MerchantDto {
  id: number;
  username: string;
  role: 'owner' | 'staff';
}

export interface MerchantLoginDto {
  token: string;
  merchant: MerchantDto;
}

export type MerchantOrderSummaryDto = OrderSummaryDto & { userId: number; vendorRef: string | null };

export interface MerchantOrderPageDto {
  items: MerchantOrderSummaryDto[];
  nextCursor: string | null;
}

export interface MerchantOrderDetailDto {
  order: MerchantOrderSummaryDto;
  events: OrderEventDto[];
}

/** Query of `GET /api/merchant/orders`; absent keys are not sent. */
export interface MerchantOrderQuery {
  kind?: OrderKind;
  status?: OrderStatus;
  /** Inclusive first day, `YYYY-MM-DD`. */
  from?: string;
  /** Inclusive last day, `YYYY-MM-DD`. */
  to?: string;
  orderNo?: string;
}
