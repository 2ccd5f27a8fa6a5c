import { Injectable, Logger } from '@nestjs/common';
import { WechatPayClient, type WechatPayRefundStatus } from '@banshi/vendor-clients/wechatpay';
import { DataSource, In, LessThan, LessThanOrEqual, Not, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { PublicUrl } from '../common/http/public-url.js';
import { forUpdate, Transactions } from '../database/transactions.js';
import type { EventActor } from '../orders/order-event.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import { Payment, type PaymentStatus } from './entities/payment.entity.js';
import { Refund, REFUND_FINAL, type RefundStatus } from './entities/refund.entity.js';
import { REFUND_NOTE, yuan } from './payment-steps.js';
import { REFUND_OPERATION, refundCallKey } from './payment-call-keys.js';

/** What a refund's end tells the user on the order's timeline. */
const REFUND_MESSAGES: Partial<Record<RefundStatus, (fen: number) => string>> = {
  success: (fen) => `已退款 ${yuan(fen)}，款项已原路退回`,
  closed: (fen) => `退款 ${yuan(fen)} 未成功，客服将尽快为您处理`,
  abnormal: (fen) => `退款 ${yuan(fen)} 遇到问题（如银行卡已注销），客服将联系您处理`,
};

/** Which refund status may follow which (WeChat Pay: ABNORMAL is not final; SUCCESS and CLOSED are). */
const NEXT: Record<RefundStatus, ReadonlySet<RefundStatus>> = {
  pending: new Set(['processing', 'success', 'closed', 'abnormal']),
  processing: new Set(['success', 'closed', 'abnormal']),
  abnormal: new Set(['success', 'closed']),
  success: new Set(),
  closed: new Set(),
};

/** A processing refund not heard of for this long is asked about (its notification may be lost). */
const QUERY_AFTER_MS = 60_000;

/**
 * Refunds of paid orders. A refund is recorded (under the payment's row lock, never above what is
 * left to refund) before it is sent; `out_refund_no` is WeChat Pay's idempotency key, so sending it
 * again after a lost answer refunds once. Results come by notification, by the send's answer, or by
 * query from the settle job.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly client: WechatPayClient,
    private readonly publicUrl: PublicUrl,
    private readonly ledger: OutgoingCallLedger,
  ) {}

  /**
   * Refunds part or all of an order's payment, once per `key` (a second call with the same key is
   * the same refund), and sends it. Refused above what is left to refund.
   */
  async refund(
    orderId: number,
    amountFen: number,
    reason: string,
    key: string,
    actor: EventActor = 'system',
  ): Promise<Refund> {
    const refund = await this.transactions.run(async (manager) => {
      const payment = await manager.findOne(Payment, { where: { orderId }, ...forUpdate(manager) });
      if (!payment) throw AppError.notFound('该订单没有支付记录');
      return this.request(manager, payment, amountFen, reason, key, actor);
    });
    await this.send(refund.id);
    return this.dataSource.getRepository(Refund).findOneByOrFail({ id: refund.id });
  }

  /** Records a refund inside the caller's transaction; `payment` must be locked by the caller. */
  async request(
    manager: EntityManager,
    payment: Payment,
    amountFen: number,
    reason: string,
    key: string,
    actor: EventActor = 'system',
  ): Promise<Refund> {
    const outRefundNo = `${payment.outTradeNo}R${key}`;
    if (!/^[0-9A-Za-z_\-|*@]{1,64}$/.test(outRefundNo)) throw new Error(`bad refund key ${key}`);
    const known = await manager.findOneBy(Refund, { outRefundNo });
    if (known) return known;
    if (!Number.isInteger(amountFen) || amountFen <= 0) throw AppError.badRequest('VALIDATION', '退款金额不正确');
    const left = await this.leftToRefund(manager, payment);
    if (amountFen > left) {
      throw AppError.conflict('REFUND_EXCEEDS_PAID', `退款金额超过可退金额（可退 ${yuan(Math.max(left, 0))}）`);
    }
    const now = new Date();
    const values = {
      paymentId: payment.id,
      orderId: payment.orderId,
      outRefundNo,
      amountFen,
      reason: reason.slice(0, 80),
      status: 'pending' as const,
      refundId: null,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      succeededAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const saved = await manager.save(manager.create(Refund, values));
    await manager.update(Payment, { id: payment.id }, { status: 'refunding', updatedAt: now });
    await this.orders.note(manager, payment.orderId, REFUND_NOTE, {
      actor,
      message: `退款中 ${yuan(amountFen)}：${reason}`.slice(0, 255),
    });
    return saved;
  }

  /**
   * Records, in the caller's transaction, a refund of whatever is left to refund of an order's
   * payment: null when the order was not paid or nothing is left. The payment is locked here.
   */
  async requestRest(
    manager: EntityManager,
    orderId: number,
    reason: string,
    key: string,
    actor: EventActor = 'system',
  ): Promise<Refund | null> {
    return this.requestUpTo(manager, orderId, Number.POSITIVE_INFINITY, reason, key, actor);
  }

  /**
   * The same for at most `amountFen` (a service's own count of what it did not deliver, which must
   * never fail a vendor's callback for asking more than is left): what is left when that is less.
   */
  async requestUpTo(
    manager: EntityManager,
    orderId: number,
    amountFen: number,
    reason: string,
    key: string,
    actor: EventActor = 'system',
  ): Promise<Refund | null> {
    const payment = await manager.findOne(Payment, { where: { orderId }, ...forUpdate(manager) });
    if (!payment) return null;
    const known = await manager.findOneBy(Refund, { outRefundNo: `${payment.outTradeNo}R${key}` });
    if (known) return known;
    const amount = Math.min(amountFen, await this.leftToRefund(manager, payment));
    return amount > 0 ? this.request(manager, payment, amount, reason, key, actor) : null;
  }

  /** Paid, less every refund that is not closed (those under way count: never refund twice). */
  private async leftToRefund(manager: EntityManager, payment: Payment): Promise<number> {
    const committed = await manager.sum(Refund, 'amountFen', { paymentId: payment.id, status: Not('closed') });
    return Math.max(payment.paidFen - (committed ?? 0), 0);
  }

  /**
   * Sends a recorded refund to WeChat Pay; a failure leaves it pending for the settle job. A resend
   * after a lost answer carries the same out_refund_no (WeChat Pay's idempotency key): it is the
   * same ledger entry, and its answer settles it, as the ledger's 查询单笔退款 would (payment-calls.ts).
   */
  async send(refundId: number): Promise<void> {
    const refund = await this.dataSource.getRepository(Refund).findOneBy({ id: refundId });
    if (!refund || refund.status !== 'pending') return;
    const payment = await this.dataSource.getRepository(Payment).findOneByOrFail({ id: refund.paymentId });
    const intent = {
      vendor: 'wechatpay',
      operation: REFUND_OPERATION,
      subjectKind: 'refund',
      subjectId: refund.outRefundNo,
      key: refundCallKey(refund.outRefundNo),
      request: { outTradeNo: payment.outTradeNo, refundFen: refund.amountFen, totalFen: payment.paidFen },
    };
    try {
      const answer = await this.ledger.run(
        intent,
        () =>
          this.client.refund({
            outTradeNo: payment.outTradeNo,
            outRefundNo: refund.outRefundNo,
            refundFen: refund.amountFen,
            totalFen: payment.paidFen,
            reason: refund.reason,
            notifyUrl: this.publicUrl.api('/callbacks/wechatpay/notify'),
          }),
        (answer) => ({ status: answer.status, refundId: answer.refund_id }),
      );
      await this.transactions.run((manager) =>
        this.applyStatus(manager, refund.outRefundNo, answer.status, { refundId: answer.refund_id }),
      );
    } catch (error) {
      const attempts = refund.attempts + 1;
      const delayMs = Math.min(5_000 * 2 ** Math.min(attempts, 10), 3_600_000);
      this.logger.warn(`refund ${refund.outRefundNo} not accepted yet (attempt ${attempts}): ${String(error)}`);
      await this.dataSource.getRepository(Refund).update(
        { id: refund.id, status: 'pending' },
        {
          attempts,
          lastError: String(error).slice(0, 255),
          nextAttemptAt: new Date(Date.now() + delayMs),
          updatedAt: new Date(),
        },
      );
    }
  }

  /**
   * A refund's status from WeChat Pay (notification, answer or query), applied once and never
   * backwards. The payment's refunded total and status follow; the user's timeline says so.
   */
  async applyStatus(
    manager: EntityManager,
    outRefundNo: string,
    vendorStatus: WechatPayRefundStatus,
    info: { refundId?: string; successTime?: string; vendorEventId?: number } = {},
  ): Promise<string> {
    const refund = await manager.findOne(Refund, { where: { outRefundNo }, ...forUpdate(manager) });
    if (!refund) return 'no_refund';
    const next = vendorStatus.toLowerCase() as RefundStatus;
    if (refund.status === next) return 'repeat';
    if (!NEXT[refund.status].has(next)) return 'stale';
    const payment = await manager.findOne(Payment, { where: { id: refund.paymentId }, ...forUpdate(manager) });
    if (!payment) throw new Error(`refund ${outRefundNo} without its payment`);
    const now = new Date();
    await manager.update(
      Refund,
      { id: refund.id },
      {
        status: next,
        refundId: info.refundId ?? refund.refundId,
        succeededAt: next === 'success' ? (info.successTime ? new Date(info.successTime) : now) : null,
        updatedAt: now,
      },
    );
    const refundedFen = payment.refundedFen + (next === 'success' ? refund.amountFen : 0);
    const open = await manager.count(Refund, {
      where: { paymentId: payment.id, status: In(['pending', 'processing']), id: Not(refund.id) },
    });
    // An abnormal refund is money on its way back that a person must unblock: still refunding.
    const stillOpen = open + (REFUND_FINAL.has(next) ? 0 : 1);
    const status: PaymentStatus =
      refundedFen >= payment.paidFen
        ? 'refunded'
        : stillOpen > 0
          ? 'refunding'
          : refundedFen > 0
            ? 'partially_refunded'
            : 'paid';
    await manager.update(Payment, { id: payment.id }, { refundedFen, status, updatedAt: now });
    const message = REFUND_MESSAGES[next];
    if (message) {
      // WeChat Pay is the payment channel, not the errand's vendor (服务商): the refund's end is the
      // system's news, linked to WeChat Pay's notification when one brought it.
      await this.orders.note(manager, refund.orderId, REFUND_NOTE, {
        actor: 'system',
        message: message(refund.amountFen),
        vendorEventId: info.vendorEventId ?? null,
      });
    }
    return `refund_${next}`;
  }

  /** Sends refunds still pending, and asks about ones whose end was not heard of. */
  async settle(limit = 50): Promise<void> {
    const repository = this.dataSource.getRepository(Refund);
    const due = await repository.find({
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(new Date()) },
      order: { nextAttemptAt: 'ASC' },
      take: limit,
    });
    for (const refund of due) await this.send(refund.id);
    const silent = await repository.find({
      where: { status: In(['processing', 'abnormal']), updatedAt: LessThan(new Date(Date.now() - QUERY_AFTER_MS)) },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
    for (const refund of silent) await this.query(refund);
  }

  /** 查询单笔退款, applied like a notification. */
  async query(refund: Refund): Promise<void> {
    try {
      const answer = await this.client.queryRefund(refund.outRefundNo);
      await this.transactions.run((manager) =>
        this.applyStatus(manager, refund.outRefundNo, answer.status, {
          refundId: answer.refund_id,
          successTime: answer.success_time,
        }),
      );
      // Asked again only after another quiet minute.
      await this.dataSource.getRepository(Refund).update({ id: refund.id }, { updatedAt: new Date() });
    } catch (error) {
      this.logger.warn(`querying refund ${refund.outRefundNo} failed: ${String(error)}`);
    }
  }
}
