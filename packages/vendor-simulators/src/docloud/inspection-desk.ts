import { createHash } from 'node:crypto';
import type { InspectionOrderStatus } from '@banshi/vendor-clients/docloud';
import type { DeskContext } from './types.js';
import { fail } from './route-kit.js';
import type { InspectionUser, SimInspectionOrder } from './state.js';

/** 《worderStatus》 in the order a 免检 order goes through them; 60 (closed) is off this path. */
export const INSPECTION_STEPS: readonly InspectionOrderStatus[] = [10, 15, 20, 25, 30, 35, 50];

export const BACK_EMS_COMPANY = '顺丰速运';

/**
 * Annual-inspection users and orders. An order waits for payment (10) unless the partner pays
 * on credit or the price is 0, then moves one step per `inspectionStepMs` (or per
 * `advanceInspectionOrder`) to 50; the return shipment is known from 35 on.
 */
export class InspectionDesk {
  constructor(private readonly ctx: DeskContext) {}

  /** The same partner user (`authCode`) always gets the same token, as the document requires. */
  userFor(authCode: string): InspectionUser {
    const token = createHash('sha256').update(`${this.ctx.appKey}:${authCode}`).digest('base64url').slice(0, 34);
    let user = this.ctx.state.inspectionUsers.get(token);
    if (!user) {
      user = { token, authCode };
      this.ctx.state.inspectionUsers.set(token, user);
    }
    return user;
  }

  open(order: SimInspectionOrder): void {
    this.ctx.state.inspectionOrders.set(order.orderId, order);
    if (this.ctx.paymentMode === 'credit' || order.memberPriceFen === 0) this.pay(order.orderId);
  }

  find(orderId: number): SimInspectionOrder {
    const order = this.ctx.state.inspectionOrders.get(orderId);
    if (!order) throw fail('1001', `请求参数错误：订单${orderId}不存在`);
    return order;
  }

  pay(orderId: number): SimInspectionOrder {
    const order = this.find(orderId);
    if (order.status !== 10) throw fail(order.status === 60 ? '1121' : '1120');
    order.paid = true;
    this.step(order);
    return order;
  }

  /** Moves an order one status on; paying it if it still waits for payment. */
  advance(orderId: number): SimInspectionOrder {
    const order = this.find(orderId);
    if (order.status === 10) return this.pay(orderId);
    if (order.status === 50 || order.status === 60) throw fail('1142', '操作失败：订单已结束');
    this.step(order);
    return order;
  }

  close(orderId: number): SimInspectionOrder {
    const order = this.find(orderId);
    if (order.status === 50 || order.status === 60) throw fail('1142', '操作失败：订单已结束');
    order.status = 60;
    return order;
  }

  private step(order: SimInspectionOrder): void {
    order.status = INSPECTION_STEPS[INSPECTION_STEPS.indexOf(order.status) + 1];
    const serial = String(order.orderId).padStart(10, '0');
    if (order.status === 20) order.sendEmsNumber = `SF1${serial}${String(order.carId % 100).padStart(2, '0')}`;
    if (order.status === 35) {
      order.backEmsCompany = BACK_EMS_COMPANY;
      order.backEmsNumber = `SF2${serial}${String(order.carId % 100).padStart(2, '0')}`;
    }
    const stepMs = this.ctx.timings.inspectionStepMs;
    if (stepMs !== null && order.status !== 50) {
      const from = order.status;
      this.ctx.schedule(stepMs, () => {
        // A manual advance or a close in the meantime wins over the timer.
        if (order.status === from) this.step(order);
      });
    }
  }
}
