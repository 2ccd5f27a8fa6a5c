import { isDocloudError } from '@banshi/vendor-clients/docloud';
import { AppError } from '../common/errors/app-error.js';
import type { OrderStep } from '../orders/order-status.js';

/**
 * 《确认订单接口》 carries no key of ours and Docloud has no way to list a user's orders, so a create
 * call whose answer was lost (a 5xx or a timeout after the vendor took it) leaves an order we cannot
 * look up. Such an attempt is stored at once, without the vendor's orderId, and the user's retry
 * sends it again: Docloud refuses a second open order for a car (1142, pinned down by the client's
 * contract tests), so the resend either creates the only order or proves the first one exists. Then the order is "待核实": the
 * vendor has it and is handling it, and its id is found by the merchant with Docloud's support.
 */
export const STEP_UNCONFIRMED: OrderStep = { status: 'pending', vendorStatus: '待确认', progress: 5 };
export const STEP_UNKNOWN_ID: OrderStep = { status: 'processing', vendorStatus: '待核实', progress: 8 };

/** 1142 on create: the car already has an open order at the vendor. */
export function isOpenOrderRefusal(error: unknown): boolean {
  return isDocloudError(error, '1142');
}

export function unconfirmedError(): AppError {
  return AppError.vendorUnavailable(
    '年检服务响应超时，暂时无法确认是否下单成功；订单已保存，请稍后重试提交，重试不会重复下单',
  );
}

export const UNKNOWN_ID_MESSAGE = '服务商已受理该车辆的年检订单但未返回订单号，客服将核实办理进度';
