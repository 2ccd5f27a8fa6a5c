import { FINAL_STATUSES, type OrderStatus, type OrderStep } from '../orders/order-status.js';

/**
 * 《免检订单详情》's `worderStatus`, onto our order statuses. The vendor's numbers already grow
 * along the lifecycle, so they are the order's `progress` too; 60 (closed) is above every open
 * step, so a close always applies, and after 50 nothing does.
 */
export const WORDER_STEPS = [10, 15, 20, 25, 30, 35, 50] as const;
export const WORDER_CLOSED = 60;

export const WORDER_LABELS: Readonly<Record<number, string>> = {
  10: '已创建，待支付',
  15: '待取件',
  20: '送件中',
  25: '办理中',
  30: '办理完成，待寄回',
  35: '办理完成，寄回中',
  50: '已收件，办理完成',
  60: '已关闭',
};

/** What each step means for the user (shown under the step on the order page). */
export const WORDER_HINTS: Readonly<Record<number, string>> = {
  10: '订单已提交，等待支付',
  15: '请备齐材料，快递员将上门取件',
  20: '材料正在寄往检测站',
  25: '检测站正在办理年检',
  30: '年检已办好，等待寄回材料和检验标志',
  35: '材料和检验标志正在寄回',
  50: '您已收到寄回的材料，年检办理完成',
  60: '订单已关闭，如有疑问请联系客服',
};

/** Paid orders are being handled from the vendor's first step on (10 is 待支付 only for unpaid ones). */
export const STEP_PLACED_PAID: OrderStep = { ...stepForWorder(10), status: 'processing' };

/** Closed by the merchant before the vendor's id was known: above every open step, like the vendor's 60. */
export const STEP_CLOSED_BY_MERCHANT: OrderStep = {
  status: 'cancelled',
  vendorStatus: '已关闭',
  progress: WORDER_CLOSED,
};

export function isKnownWorderStatus(status: number): boolean {
  return status in WORDER_LABELS;
}

export function stepForWorder(worderStatus: number): OrderStep {
  const status =
    worderStatus === 10
      ? 'pending'
      : worderStatus === 50
        ? 'completed'
        : worderStatus === WORDER_CLOSED
          ? 'cancelled'
          : 'processing';
  return { status, vendorStatus: String(worderStatus), progress: worderStatus };
}

export function worderLabel(worderStatus: number): string {
  return WORDER_LABELS[worderStatus] ?? `状态 ${worderStatus}`;
}

/**
 * Whether a vendor status is news for an order: ahead of it, and the order not ended. A poll that
 * repeats what we know must not add "ignored" lines to the timeline every minute; and a vendor
 * that reported an order done (50) cannot close it afterwards.
 */
export function isNews(order: { status: OrderStatus; progress: number }, worderStatus: number): boolean {
  return !FINAL_STATUSES.has(order.status) && worderStatus > order.progress && isKnownWorderStatus(worderStatus);
}
