import { defineStatusOrder } from '../core/status-order.js';
import { DOCLOUD_VENDOR } from './errors.js';
import type { DocloudOrderStatusCode } from './types/violations.js';

/**
 * 《订单状态字典》 of a violation-payment order (1 已创建, 2 已支付, 3 已完成, 4 已关闭), in the order
 * 《业务流程》 gives: created, then paid (by the user online or on credit), then done or closed
 * ("订单处理完成或订单处理失败"). An unpaid order can be closed too (《关闭订单》 refuses a paid one
 * only on our side: the vendor may still close it and refund). 3 is final even with a partial
 * refund (`refundMoney` on a 3).
 */
export const DOCLOUD_ORDER_STATUS_ORDER = defineStatusOrder<DocloudOrderStatusCode>({
  vendor: DOCLOUD_VENDOR,
  lifecycle: '订单状态变更通知',
  initial: 1,
  next: [
    [1, [2, 4]],
    [2, [3, 4]],
    [3, []],
    [4, []],
  ],
});
