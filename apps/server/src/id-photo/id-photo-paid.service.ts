import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maskText } from '../common/crypto/masking.js';
import { AppError } from '../common/errors/app-error.js';
import { Transactions } from '../database/transactions.js';
import type { OrderStep } from '../orders/order-status.js';
import { OrdersService } from '../orders/orders.service.js';
import type { Refund } from '../payments/entities/refund.entity.js';
import { PaidServices, type FulfilmentResult, type PaidService } from '../payments/paid-services.js';
import { REFUND_KEYS } from '../payments/refund-keys.js';
import { RefundsService } from '../payments/refunds.service.js';
import { IdPhotoOrder } from './entities/id-photo-order.entity.js';
import { IdPhotoSession } from './entities/photo-session.entity.js';
import { ZjzSubmission } from './entities/zjz-submission.entity.js';
import { IdPhotoFiles } from './id-photo-files.js';
import { IdPhotoPhotosService, isPicExpired } from './id-photo-photos.service.js';
import { ZjzCalls } from './zjz-calls.js';
import { usablePic, ZjzFirstRound, type FirstRoundSent } from './zjz-first-round.js';
import { progressOf, submittedStep } from './zjz-steps.js';
import { UNCONFIRMED_ORDER_NO, UNCONFIRMED_STEP } from './zjz-unconfirmed.js';

/** Paid, and the vendor would not take the receipt: it ends here and the payment goes back. */
const STEP_REFUSED: OrderStep = { status: 'failed', vendorStatus: '提交失败', progress: UNCONFIRMED_STEP.progress + 1 };

const REFUSED_REASON = '证件照服务商未受理，全额退款';

/** Rejected, and the user gave up rather than resubmit: after every step of that round. */
const abandonedStep = (round: number): OrderStep => ({
  status: 'cancelled',
  vendorStatus: '已放弃',
  progress: progressOf(round, 'cancelled') + 5,
});

/**
 * 证件照回执 as a paid service: the stored order is submitted to zjzapi only once it is paid.
 * Accepted → delivered; refused → the order fails and is refunded in full; no answer → kept
 * unconfirmed (zjz-unconfirmed.ts): the vendor's first callback adopts it, and it is sent again
 * only after the silence window, so it is never submitted twice. A receipt cancelled later (by the
 * user before review, or by the vendor) is refunded in full too (`refundUndelivered`).
 */
@Injectable()
export class IdPhotoPaidService implements PaidService, OnModuleInit {
  readonly kind = 'id_photo' as const;
  private readonly logger = new Logger(IdPhotoPaidService.name);

  constructor(
    private readonly paidServices: PaidServices,
    private readonly firstRound: ZjzFirstRound,
    private readonly calls: ZjzCalls,
    private readonly photos: IdPhotoPhotosService,
    private readonly files: IdPhotoFiles,
    private readonly orders: OrdersService,
    private readonly refunds: RefundsService,
    private readonly transactions: Transactions,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.paidServices.register(this);
  }

  async onPaid(orderId: number): Promise<FulfilmentResult> {
    const detail = await this.dataSource.getRepository(IdPhotoOrder).findOneByOrFail({ orderId });
    if (detail.vendorOrderNo !== UNCONFIRMED_ORDER_NO) return { outcome: 'delivered' };
    if (await this.calls.awaitsCallback(orderId)) {
      // Sent, answer lost: the vendor's callback (if it has the order) adopts it; never sent twice.
      return { outcome: 'retry', reason: 'zjz submission unconfirmed; waiting for its callback' };
    }
    const sessions = this.dataSource.getRepository(IdPhotoSession);
    let session = await sessions.findOneByOrFail({ id: detail.sessionId });
    let sent: FirstRoundSent;
    try {
      // The vendor's pic_id lives 50 minutes and paying may take longer: made again from the kept upload.
      if (isPicExpired(session)) {
        await this.photos.remake(detail.userId, session.id);
        session = await sessions.findOneByOrFail({ id: session.id });
      }
      sent = await this.firstRound.send(session, usablePic(session), {
        param: detail.param,
        isPrint: detail.isPrint,
        printParam: detail.printParam ?? undefined,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const body = error.getResponse() as { message: string; retryable?: boolean };
      this.logger.warn(`paid id-photo order ${orderId} not submitted: ${maskText(body.message)}`);
      // Turned away without looking (rate limit, vendor busy): the order was not taken, try later.
      if (body.retryable) return { outcome: 'retry', reason: body.message };
      await this.step(orderId, STEP_REFUSED, `证件照服务商未受理：${body.message.slice(0, 80)}；已为您申请全额退款`);
      return { outcome: 'failed', reason: REFUSED_REASON };
    }
    if (sent.orderNo === null) {
      await this.dataSource.getRepository(ZjzSubmission).update({ id: sent.submission.id }, { orderId });
      await this.step(orderId, UNCONFIRMED_STEP, '服务商未及时答复，提交结果确认中，请勿重复提交');
      return { outcome: 'retry', reason: 'zjz submit got no answer' };
    }
    const orderNo = sent.orderNo;
    await this.transactions.run(async (manager) => {
      await manager.update(IdPhotoOrder, { id: detail.id }, { vendorOrderNo: orderNo, updatedAt: new Date() });
      await this.orders.recordVendorRef(manager, orderId, orderNo);
      await manager.update(ZjzSubmission, { id: sent.submission.id }, { orderId, vendorOrderNo: orderNo });
      await this.orders.applyStep(manager, orderId, submittedStep(1), {
        actor: 'system',
        message: '已向证件照服务商提交回执订单',
      });
    });
    return { outcome: 'delivered' };
  }

  /** A paid order rejected in review that the user gives up: closed here and refunded in full. */
  async giveUp(orderId: number, round: number): Promise<void> {
    const refund = await this.transactions.run(async (manager) => {
      const applied = await this.orders.applyStep(manager, orderId, abandonedStep(round), {
        actor: 'user',
        message: '审核未通过，您已放弃办理',
      });
      if (!applied.applied) return null;
      await this.files.scheduleOrderDeletion(manager, orderId);
      return this.refundUndelivered(manager, orderId, '已放弃办理');
    });
    if (refund) await this.sendRefund(refund.id);
  }

  /** Closed unpaid: nothing was sent; the photos follow the retention of an ended order. */
  async onClosed(manager: EntityManager, orderId: number): Promise<void> {
    await this.files.scheduleOrderDeletion(manager, orderId);
  }

  /**
   * In the caller's transaction: the receipt will not be made (cancelled by the user or the
   * vendor), so whatever is left of a paid order's payment goes back, once (the fulfilment's key:
   * a refund already made for the same order is the same refund). Null for a free order.
   */
  refundUndelivered(manager: EntityManager, orderId: number, why: string): Promise<Refund | null> {
    return this.refunds.requestRest(manager, orderId, `${why}，全额退款`, REFUND_KEYS.serviceFailed);
  }

  /** Sends a refund recorded by `refundUndelivered` once its transaction committed. */
  async sendRefund(refundId: number): Promise<void> {
    await this.refunds.send(refundId);
  }

  private step(orderId: number, step: OrderStep, message: string): Promise<unknown> {
    return this.transactions.run((manager) =>
      this.orders.applyStep(manager, orderId, step, { actor: 'system', message }),
    );
  }
}
