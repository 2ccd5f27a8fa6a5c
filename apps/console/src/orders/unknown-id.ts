import type { OrderView } from '../api/types';

/** The vendor status of an inspection order Docloud has but whose id was lost (see the server's unconfirmed-orders.ts). */
export const UNKNOWN_ID_STATUS = '待核实';

/**
 * Whether the drawer offers 填写供应商单号 / 关闭订单: a 待核实 inspection order still open, to an
 * owner (the server refuses staff: closing refunds money).
 */
export function canSettleUnknownId(order: OrderView['order'], role: string | undefined): boolean {
  return (
    role === 'owner' &&
    order.kind === 'inspection' &&
    order.vendorStatus === UNKNOWN_ID_STATUS &&
    !['completed', 'failed', 'cancelled'].includes(order.status)
  );
}

/** The same rules as the server's form check, so a typo is caught before the request. */
export const VENDOR_ORDER_ID_RULES = [
  { required: true, whitespace: true, message: '请填写供应商单号' },
  { pattern: /^\s*\d{1,32}\s*$/, message: '供应商单号应为数字（最多 32 位），请核对' },
];

export const CLOSE_REASON_RULES = [
  { required: true, whitespace: true, message: '请填写关闭原因' },
  { min: 2, message: '请填写关闭原因' },
  { max: 60, message: '关闭原因最多 60 个字' },
];

/** What the owner is told before closing: the server refunds whatever of a payment is not yet refunded. */
export const CLOSE_WARNING =
  '关闭后订单结束；如用户已支付，尚未退还的款项将原路全额退回。请先与服务商确认该订单不会继续办理。';
