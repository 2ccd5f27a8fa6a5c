/**
 * The server's HTTP contract, as the types generated from its OpenAPI document (`schema.d.ts`, written by
 * `pnpm openapi`). Pages import these names; a server change that breaks a page breaks its type check.
 */
import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type OrderSummaryDto = Schemas['OrderSummaryDto'];
export type OrderKind = OrderSummaryDto['kind'];
export type OrderStatus = OrderSummaryDto['status'];
/** An order in 我的订单, with what is still to pay (`payable`) while its payment is open. */
export type MyOrderSummaryDto = Schemas['MyOrderSummaryDto'];
export type OrderPageDto = Schemas['OrderPageDto'];
/** A timeline step as a user sees it (no vendor codes). */
export type UserOrderEventDto = Schemas['UserOrderEventDto'];
/** The merchant's: with the vendor's own status code. */
export type OrderEventDto = Schemas['OrderEventDto'];
export type OrderEventActor = OrderEventDto['actor'];
export type OrderDetailDto = Schemas['OrderDetailDto'];

/** Every error answer of the server: a non-2xx status with this body. */
export type ApiErrorBody = Schemas['ErrorBodyDto'];

export type MeDto = Schemas['MeDto'];
export type SandboxCodeDto = Schemas['SandboxCodeDto'];
export type WechatLoginDto = Schemas['UserTokenDto'];

export type MerchantDto = Schemas['MerchantProfileDto'];
export type MerchantLoginDto = Schemas['MerchantTokenDto'];
export type MerchantOrderSummaryDto = Schemas['MerchantOrderSummaryDto'];
export type MerchantOrderPageDto = Schemas['MerchantOrderPageDto'];
export type MerchantOrderDetailDto = Schemas['MerchantConsoleOrderDetailDto'];

/** Query of `GET /api/merchant/orders` (the mini-program's filters); absent keys are not sent. */
export type MerchantOrderQuery = Pick<
  NonNullable<operations['MerchantOrdersController_list']['parameters']['query']>,
  'kind' | 'status' | 'from' | 'to' | 'orderNo'
>;

/** An order's payment (priced services): 待支付 / 已支付 / 退款中 / 已退款 with amounts in fen. */
export type PaymentViewDto = Schemas['PaymentViewDto'];
/** One line of what a payment is made of (罚款, 服务费 …). */
export type PaymentLineDto = Schemas['PaymentLineDto'];
export type PaymentStartDto = Schemas['PaymentStartDto'];
export type PriceDto = Schemas['PriceDto'];
export type PriceListDto = Schemas['PriceListDto'];
