import { DOCLOUD_ORDER_STATUS_ORDER, type DocloudOrderStatusCode } from '@banshi/vendor-clients/docloud';
import type { OrderStep } from '../../orders/order-status.js';
import { lifecycleOf } from '../../orders/vendor-lifecycle.js';

/** Docloud's status order decides between its statuses; our own (提交中, 待核实, 未受理) go by progress. */
const DOCLOUD_LIFECYCLE = lifecycleOf(DOCLOUD_ORDER_STATUS_ORDER);

/**
 * A violation-payment order's lifecycle as `progress` numbers (they only ever grow):
 * 10 stored, before the vendor is called → 20 created at the vendor (1) → 30 paid (2) →
 * 40 done (3) or closed (4), or 40 refused before anything was ordered.
 */
export const STEP_SUBMITTING: OrderStep = { status: 'pending', vendorStatus: '提交中', progress: 10 };
/** The vendor has an order under our number but never told us its id (1117 after a lost answer). */
export const STEP_UNKNOWN: OrderStep = { status: 'processing', vendorStatus: '待核实', progress: 15 };
export const STEP_REFUSED: OrderStep = { status: 'failed', vendorStatus: '未受理', progress: 40 };

/** `prepaid`: the user paid us before the order was placed (credit mode with VIOLATION_PREPAY). */
export function stepForVendorStatus(
  status: DocloudOrderStatusCode,
  paymentMode: 'credit' | 'online',
  prepaid = false,
): OrderStep {
  return { ...vendorStep(status, paymentMode, prepaid), lifecycle: DOCLOUD_LIFECYCLE };
}

function vendorStep(status: DocloudOrderStatusCode, paymentMode: 'credit' | 'online', prepaid: boolean): OrderStep {
  switch (status) {
    case 1:
      // Credit (挂账) orders pay themselves a moment later; online ones wait for the user on payUrl.
      // A prepaid order is already paid (processing): it does not go back to pending.
      if (paymentMode === 'online') return { status: 'action_required', vendorStatus: '1', progress: 20 };
      return { status: prepaid ? 'processing' : 'pending', vendorStatus: '1', progress: 20 };
    case 2:
      return { status: 'processing', vendorStatus: '2', progress: 30 };
    case 3:
      return { status: 'completed', vendorStatus: '3', progress: 40 };
    case 4:
      return { status: 'cancelled', vendorStatus: '4', progress: 40 };
  }
}

/** What the timeline says for each vendor status. */
export function messageForVendorStatus(status: DocloudOrderStatusCode, paymentMode: 'credit' | 'online'): string {
  switch (status) {
    case 1:
      return paymentMode === 'online' ? '订单已创建，请完成支付' : '订单已创建，正在从代缴账户付款';
    case 2:
      // On credit the user has paid nothing to Docloud: the merchant's account paid.
      return paymentMode === 'online' ? '已支付，服务商正在办理' : '代缴账户已付款，服务商正在办理';
    case 3:
      return '违章办理完成';
    case 4:
      return '订单已关闭';
  }
}
