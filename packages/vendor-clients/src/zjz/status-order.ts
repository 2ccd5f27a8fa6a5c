import { defineStatusOrder } from '../core/status-order.js';
import { ZJZ_VENDOR } from './types.js';

/**
 * 《订单状态通知》's `status` within one submission round: "2=审核中,3=办理完成,4=打印发货,
 * -1=审核失败,-2=取消完成". The document never numbers 待处理 (the state after 《提交订单》); it
 * is 1 here, as in the simulator. A rejected round ends at -1 (the user resubmits: a new round).
 * 4 comes only for print orders, after 3. -2 only confirms our 《订单取消》, which
 * "订单待处理的状态下才可以取消": it may follow nothing but 1.
 */
export const ZJZ_STATUS_ORDER = defineStatusOrder<1 | 2 | 3 | 4 | -1 | -2>({
  vendor: ZJZ_VENDOR,
  lifecycle: '订单状态通知',
  initial: 1,
  next: [
    [1, [2, -2]],
    [2, [3, -1]],
    [3, [4]],
    [4, []],
    [-1, []],
    [-2, []],
  ],
  confirms: [[-2, '订单取消: 订单待处理的状态下才可以取消']],
});

export type ZjzStatus = (typeof ZJZ_STATUS_ORDER.statuses)[number];
