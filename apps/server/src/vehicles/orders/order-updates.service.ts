import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  DocloudClient,
  type DocloudOrderStatusCode,
  type DocloudOrderViolationStatus,
} from '@banshi/vendor-clients/docloud';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { JobScheduler } from '../../common/locks/job-scheduler.service.js';
import { findRow, updateRows } from '../../database/row-statements.js';
import { Transactions } from '../../database/transactions.js';
import { FINAL_STATUSES } from '../../orders/order-status.js';
import { Order } from '../../orders/order.entity.js';
import { OrdersService, type EventMeta, type TransitionResult } from '../../orders/orders.service.js';
import { formatFen } from '../money.js';
import { docloudToAppError } from '../docloud-errors.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { maskPlate } from '../garage/plate.js';
import type { UserNotice } from '../../orders/order-status-events.js';
import { applyOrderStatuses } from '../violations/violation-store.js';
import { messageForVendorStatus, stepForVendorStatus } from './order-steps.js';
import { Exclusive } from '../exclusive.service.js';
import { Payment } from '../../payments/entities/payment.entity.js';
import { REFUND_KEYS } from '../../payments/refund-keys.js';
import { PaymentWorker } from '../../payments/payment-worker.js';
import { RefundsService } from '../../payments/refunds.service.js';
import { undeliveredFen } from './violation-pricing.js';

export const ORDER_POLL_JOB = 'vehicles-order-status';
/** An open order the vendor has been quiet about for this long is asked about (《查询订单状态》). */
export const QUIET_AFTER_MS = 2 * 60_000;
const POLL_BATCH = 50;

export interface VendorOrderUpdate {
  orderStatus: DocloudOrderStatusCode;
  violations: DocloudOrderViolationStatus[];
  refundMoneyFen?: number;
  cancelReason?: string;
}

/**
 * Everything that moves a violation-payment order after it was created: the vendor's callbacks
 * (through the inbox) and, for orders whose callback is late or lost, the status query, run by a
 * job over quiet orders and on the user's "refresh". Both go through `apply`, so an update counts
 * once whichever way it arrives, and never moves an order backwards.
 */
@Injectable()
export class OrderUpdatesService implements OnModuleInit {
  private readonly logger = new Logger(OrderUpdatesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly leases: Exclusive,
    private readonly scheduler: JobScheduler,
    private readonly docloud: DocloudClient,
    private readonly refunds: RefundsService,
    private readonly worker: PaymentWorker,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: ORDER_POLL_JOB,
      intervalMs: 60_000,
      run: async () => void (await this.pollQuietOrders()),
    });
  }

  /** Applies what the vendor says about an order, inside the caller's transaction. */
  async apply(
    manager: EntityManager,
    detail: ViolationOrder,
    update: VendorOrderUpdate,
    meta: Omit<EventMeta, 'message'> & { source: string },
  ): Promise<TransitionResult & { refundRecorded: boolean }> {
    const now = new Date();
    // A prepaid order (the user paid us first): what Docloud does not deliver goes back to the user.
    const payment = await findRow(manager, Payment, { orderId: detail.orderId });
    const step = stepForVendorStatus(update.orderStatus, detail.paymentMode, payment !== null);
    const byCode = new Map(update.violations.map((v) => [v.code, v.processStatus]));
    const items = detail.items.map((item) => ({ ...item, processStatus: byCode.get(item.code) ?? item.processStatus }));
    // The status query carries no refund: handled orders whose violations are back to 未处理 were refunded.
    const refund = payment
      ? userRefundOf(payment, detail, items, update)
      : (update.refundMoneyFen ?? refundOf(detail, items, update.orderStatus));
    const result = await this.orders.applyStep(manager, detail.orderId, step, {
      ...meta,
      message: messageForVendorStatus(update.orderStatus, detail.paymentMode),
      // Where the news came from (callback, query, the create answer) is the merchant's to read.
      payload: { ...update, source: meta.source },
      // What the message centre and the subscribe message say when the order ends.
      notice: FINAL_STATUSES.has(step.status) ? finishedNotice(detail, update, refund, payment !== null) : undefined,
    });
    const patch: Partial<ViolationOrder> = { lastVendorUpdateAt: now, updatedAt: now };
    let refundRecorded = false;
    if (result.applied) {
      Object.assign(patch, { vendorStatus: update.orderStatus, items });
      if (update.cancelReason) patch.cancelReason = update.cancelReason.slice(0, 255);
      if (refund) patch.refundFen = refund;
      await applyOrderStatuses(manager, detail.carId, update.violations, now);
      // The refund through WeChat Pay says on the timeline when it is under way and when it is done.
      if (payment) refundRecorded = await this.refundUser(manager, detail, update.orderStatus, refund);
      else if (update.orderStatus === 3 && refund) {
        await this.orders.note(manager, detail.orderId, 'partial_refund', {
          actor: meta.actor,
          message: `部分违章未能办理，已退款 ${formatFen(refund)}`,
          vendorEventId: meta.vendorEventId,
        });
      }
    }
    await updateRows(manager, ViolationOrder, { id: detail.id }, patch);
    Object.assign(detail, patch);
    return { ...result, refundRecorded };
  }

  /**
   * Records the refund of a prepaid order that ended: the violations Docloud could not pay, or all
   * that is left when it closed the order. Sent by the payments worker; once per order and cause
   * (`out_refund_no`), and never above what is left of the payment. Answers whether it asked for one.
   */
  private async refundUser(
    manager: EntityManager,
    detail: ViolationOrder,
    orderStatus: DocloudOrderStatusCode,
    refundFen: number,
  ): Promise<boolean> {
    if (orderStatus === 4) {
      await this.refunds.requestRest(manager, detail.orderId, '服务商已关闭订单，全额退款', REFUND_KEYS.vendorClosed);
      return true;
    }
    if (orderStatus === 3 && refundFen > 0) {
      const reason = '部分违章未能办理，退还相应款项';
      await this.refunds.requestUpTo(manager, detail.orderId, refundFen, reason, REFUND_KEYS.undelivered);
      return true;
    }
    return false;
  }

  /** The user's "refresh": asks the vendor now (one request per order at a time). */
  async refresh(userId: number, orderId: number): Promise<void> {
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneBy({ orderId, userId });
    if (!detail) throw AppError.notFound('订单不存在');
    if (detail.state !== 'created') return;
    await this.leases.runIfFree(`vehicles:order-status:${orderId}`, 30_000, () => this.askVendor(detail, 'user'));
  }

  /** The fallback for late or lost callbacks: open orders the vendor has been quiet about. */
  async pollQuietOrders(): Promise<number> {
    const quiet = await this.dataSource.getRepository(ViolationOrder).find({
      where: { state: 'created', lastVendorUpdateAt: LessThan(new Date(Date.now() - QUIET_AFTER_MS)) },
      order: { lastVendorUpdateAt: 'ASC' },
      take: POLL_BATCH * 4,
    });
    if (quiet.length === 0) return 0;
    const open = await this.dataSource
      .getRepository(Order)
      .find({ where: { id: In(quiet.map((d) => d.orderId)) }, select: { id: true, status: true } });
    const openIds = new Set(open.filter((o) => !FINAL_STATUSES.has(o.status)).map((o) => o.id));
    let asked = 0;
    for (const detail of quiet.filter((d) => openIds.has(d.orderId)).slice(0, POLL_BATCH)) {
      try {
        await this.askVendor(detail, 'system');
        asked++;
      } catch (error) {
        this.logger.warn({ err: error, orderId: detail.orderId }, 'order status query failed');
      }
    }
    return asked;
  }

  private async askVendor(detail: ViolationOrder, actor: 'user' | 'system'): Promise<void> {
    if (!detail.vendorOrderId || !detail.vendorToken) return;
    const ref = { token: detail.vendorToken, orderId: detail.vendorOrderId };
    let update: VendorOrderUpdate;
    try {
      const status = await this.docloud.getOrderStatus(ref);
      update = { orderStatus: status.orderStatus, violations: status.violations };
      // Only the order detail says why an order was closed.
      if (status.orderStatus === 4) {
        const full = await this.docloud.getOrderDetail(ref).catch(() => undefined);
        if (full?.cancelReason) update.cancelReason = full.cancelReason;
      }
    } catch (error) {
      throw docloudToAppError(error);
    }
    await this.transactions.run(async (manager) => {
      const fresh = await manager.findOneByOrFail(ViolationOrder, { id: detail.id });
      await this.apply(manager, fresh, update, { actor, source: '主动查询' });
    });
    // A refund the update recorded (a prepaid order that ended) is sent now, not at the next tick.
    this.worker.kick();
  }
}

/** What the user is told when a violation-payment order ends (the message centre and WeChat). */
function finishedNotice(
  detail: ViolationOrder,
  update: VendorOrderUpdate,
  refund: number,
  prepaid: boolean,
): UserNotice {
  const plate = maskPlate(detail.plateNumber);
  const count = detail.items.length;
  const done = update.orderStatus === 3;
  // A prepaid order's refund is only under way now (WeChat Pay tells when it is done).
  const refunded = prepaid ? `相应款项 ${formatFen(refund)} 将原路退回` : `已退款 ${formatFen(refund)}`;
  return {
    title: done ? '违章代缴已完成' : '违章代缴订单已关闭',
    body: done
      ? `${plate} 的 ${count} 条违章已办理完成${refund ? `，其中部分未能办理，${refunded}` : ''}。`
      : `${plate} 的违章代缴订单已关闭${update.cancelReason ? `：${update.cancelReason}` : ''}` +
        `${prepaid ? '，已付款项将原路退回' : ''}。`,
    link: `/vehicles/pages/order/index?id=${detail.orderId}`,
  };
}

/** A prepaid order: the undelivered part when done, all that was paid when closed (capped when sent). */
function userRefundOf(
  payment: Payment,
  detail: ViolationOrder,
  items: ViolationOrder['items'],
  update: VendorOrderUpdate,
): number {
  if (update.orderStatus === 4) return payment.paidFen;
  return update.orderStatus === 3 ? undeliveredFen(payment, detail, items, update.refundMoneyFen) : 0;
}

function refundOf(detail: ViolationOrder, items: ViolationOrder['items'], orderStatus: DocloudOrderStatusCode): number {
  // 《订单状态变更通知》: a closed order that had been paid is refunded in full.
  if (orderStatus === 4) return (detail.vendorStatus ?? 1) >= 2 ? detail.totalFen : 0;
  if (orderStatus !== 3) return 0;
  return items
    .filter((item) => item.processStatus === 1)
    .reduce((sum, item) => sum + item.fineFen + item.serviceFeeFen + item.markFeeFen, 0);
}
