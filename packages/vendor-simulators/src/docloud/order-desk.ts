import { randomBytes } from 'node:crypto';
import type { DeskContext } from './types.js';
import { chinaTime, type SimViolation } from './data/violation-gen.js';
import { callbackItem, orderCallbackData, priceOf } from './render.js';
import { fail } from './route-kit.js';
import type { SimOrder, ViolationToken } from './state.js';

/** How the next paid order ends: handled, closed with a reason, or handled with some violations refunded. */
export type DocloudOrderOutcome =
  { kind: 'done' } | { kind: 'close'; cancelReason?: string } | { kind: 'partial-refund'; refundCount?: number };

export const DEFAULT_CANCEL_REASON = '交管系统暂不支持办理该违章，订单已关闭并退款';

/**
 * Violation orders: created (1) → paid (2, at once with credit payment, on the pay page online)
 * → done (3, maybe partly refunded) or closed (4). Every change is called back, and the
 * violations' processStatus follows: 2 while ordered, 3 when handled, 1 again when refunded.
 */
export class OrderDesk {
  private readonly outcomes: DocloudOrderOutcome[] = [];

  constructor(private readonly ctx: DeskContext) {}

  setNextOutcome(outcome: DocloudOrderOutcome): void {
    this.outcomes.push(outcome);
  }

  create(token: ViolationToken, list: SimViolation[], outOrderNo: string, deductSelf: boolean): SimOrder {
    const { state, clock, timings } = this.ctx;
    const now = chinaTime(clock.now());
    const order: SimOrder = {
      orderId: state.orderIds.next(),
      token: token.token,
      plateNumber: token.plateNumber,
      codes: list.map((v) => v.code),
      priceFen: priceOf(list, deductSelf),
      outOrderNo,
      deductSelf,
      status: 1,
      createTime: now,
      modifyTime: now,
      payKey: randomBytes(8).toString('hex'),
    };
    for (const v of list) v.processStatus = 2;
    state.orders.set(order.orderId, order);
    state.outOrderNos.add(outOrderNo);
    if (this.ctx.paymentMode === 'credit') this.ctx.schedule(timings.creditPayDelayMs, () => this.markPaid(order));
    announceViolations(this.ctx, order.plateNumber);
    return order;
  }

  find(orderId: number): SimOrder {
    const order = this.ctx.state.orders.get(orderId);
    if (!order) throw fail('1001', `请求参数错误：订单${orderId}不存在`);
    return order;
  }

  payUrl(order: SimOrder): string {
    return `${this.ctx.host.url}/violation/pay?orderId=${order.orderId}&key=${order.payKey}`;
  }

  /** What the online pay page does: 1120 once paid, 1121 once closed. */
  pay(orderId: number): SimOrder {
    const order = this.find(orderId);
    if (order.status === 2 || order.status === 3) throw fail('1120');
    if (order.status === 4) throw fail('1121');
    this.markPaid(order);
    return order;
  }

  /** Ends a paid order now, with `outcome` or the next one queued (done by default). */
  complete(orderId: number, outcome?: DocloudOrderOutcome): SimOrder {
    const order = this.find(orderId);
    if (order.status !== 2) throw fail('1142', `操作失败：订单状态为${order.status}，只有已支付的订单可以完成`);
    const chosen = outcome ?? this.outcomes.shift() ?? { kind: 'done' };
    if (chosen.kind === 'close') return this.close(orderId, chosen.cancelReason);
    const list = this.violationsOf(order);
    const refundCount = chosen.kind === 'partial-refund' ? Math.min(chosen.refundCount ?? 1, list.length) : 0;
    const refunded = list.slice(list.length - refundCount);
    for (const v of list) {
      const back = refunded.includes(v);
      v.processStatus = back ? 1 : 3;
      v.paymentStatus = back ? 1 : 2;
    }
    if (refunded.length) order.refundFen = priceOf(refunded, order.deductSelf);
    this.move(order, 3);
    return order;
  }

  /** Closes an order that is not done yet; a paid one is refunded in full. */
  close(orderId: number, cancelReason = DEFAULT_CANCEL_REASON): SimOrder {
    const order = this.find(orderId);
    if (order.status === 3 || order.status === 4) throw fail('1142', '操作失败：订单已结束');
    for (const v of this.violationsOf(order)) v.processStatus = 1;
    if (order.status === 2) order.refundFen = order.priceFen;
    order.cancelReason = cancelReason;
    order.closeTime = chinaTime(this.ctx.clock.now());
    this.move(order, 4);
    return order;
  }

  violationsOf(order: SimOrder): SimViolation[] {
    return this.ctx.state.violationsOf(order.plateNumber).filter((v) => order.codes.includes(v.code));
  }

  private markPaid(order: SimOrder): void {
    if (order.status !== 1) return;
    order.payTime = chinaTime(this.ctx.clock.now());
    this.move(order, 2);
    const processMs = this.ctx.timings.orderProcessMs;
    if (processMs !== null) {
      this.ctx.schedule(processMs, () => {
        if (order.status === 2) this.complete(order.orderId);
      });
    }
  }

  private move(order: SimOrder, status: SimOrder['status']): void {
    order.status = status;
    order.modifyTime = chinaTime(this.ctx.clock.now());
    this.ctx.notifier.order(orderCallbackData(order, this.violationsOf(order), order.modifyTime));
    if (status !== 2) announceViolations(this.ctx, order.plateNumber);
  }
}

/** 《车辆违章信息变更通知》 for a monitored plate: its whole current list, so the receiver can diff by code. */
export function announceViolations(ctx: DeskContext, plateNumber: string): void {
  if (!ctx.state.monitored.has(plateNumber)) return;
  const items = ctx.state.violationsOf(plateNumber).map(callbackItem);
  ctx.notifier.violation({ success: true, data: { plateNumber, items } });
}
