import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskIdNumber, maskName, maskText } from '../common/crypto/masking.js';
import { piiCipher } from '../common/crypto/pii-cipher.js';
import { AppError, type ErrorBody } from '../common/errors/app-error.js';
import { normaliseImage } from '../common/images/image-normaliser.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { Transactions } from '../database/transactions.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import type { OrderStep } from '../orders/order-status.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { Payment } from '../payments/entities/payment.entity.js';
import { FulfilmentService } from '../payments/fulfilment.service.js';
import { PaidServices, type FulfilmentResult, type PaidService } from '../payments/paid-services.js';
import { yuan } from '../payments/payment-steps.js';
import { PaymentWorker } from '../payments/payment-worker.js';
import { PaymentsService } from '../payments/payments.service.js';
import { PricesService } from '../payments/prices.service.js';
import type { CertificationResultDto } from './dto/certification.dto.js';
import type { AttemptState, IdentityAttemptDto, StartIdentityAttemptDto } from './dto/paid-attempt.dto.js';
import { IdentityCertification } from './entities/identity-certification.entity.js';
import { IdentityPaidAttempt } from './entities/identity-paid-attempt.entity.js';
import { wipe } from './face-upload.js';
import { IdentityRecords, toCertificationDto } from './identity-records.service.js';
import { checkIdentity, FACE_LIMITS, IdentityService } from './identity.service.js';
import { FACE_WINDOW_MS, STEP_PHOTO_EXPIRED, STEP_REFUSED } from './paid-steps.js';

const REFUND_REASON = '实名认证未能进行，全额退款';

/**
 * 实名认证 as a paid service (see docs/identity-payment-reading.md). The attempt is created 待支付
 * with the identity to check; once the payment is known the user takes the face photo and only
 * then is Zhima called. A verdict, pass or fail, is the service delivered; Zhima refusing the
 * request, or no photo within `FACE_WINDOW_MS`, refunds in full. The photo lives only in the
 * request, as in the free flow.
 */
@Injectable()
export class IdentityPaidService implements PaidService, OnModuleInit {
  readonly kind = 'identity' as const;

  constructor(
    private readonly paidServices: PaidServices,
    private readonly identity: IdentityService,
    private readonly records: IdentityRecords,
    private readonly prices: PricesService,
    private readonly payments: PaymentsService,
    private readonly fulfilment: FulfilmentService,
    private readonly worker: PaymentWorker,
    private readonly orders: OrdersService,
    private readonly transactions: Transactions,
    private readonly dataSource: DataSource,
    private readonly ledger: OutgoingCallLedger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.paidServices.register(this);
  }

  /** 提交: the attempt 待支付, at the price the user was shown; it counts against the daily limit. */
  async start(userId: number, input: StartIdentityAttemptDto): Promise<IdentityAttemptDto> {
    const { name, idNumber } = checkIdentity(input);
    const amountFen = await this.prices.priceOf('identity');
    if (amountFen === 0) throw AppError.conflict('NOT_PRICED', '实名认证当前免费，请直接拍照提交');
    if (input.amountFen !== amountFen) {
      throw AppError.conflict('PRICE_CHANGED', `实名认证费用为${yuan(amountFen)}，请确认后重新提交`);
    }
    const certNoIndex = piiCipher().blindIndex(idNumber);
    const orderId = await this.identity.exclusive(userId, async () => {
      await this.identity.refuseBeforeVendor(userId, certNoIndex);
      if (await this.records.openAttempt(userId)) {
        throw AppError.conflict(
          'IDENTITY_ATTEMPT_OPEN',
          '您有一次实名认证尚未完成，请先完成支付和拍照，或取消后再提交',
        );
      }
      return this.transactions.run(async (manager) => {
        const masked = maskName(name) ?? '';
        const order = await this.payments.createPricedOrder(
          manager,
          { kind: 'identity', userId, title: `实名认证 ${masked}`, amountFen },
          {
            actor: 'user',
            message: `提交实名认证：${masked}，身份证 ${maskIdNumber(idNumber)}，待支付 ${yuan(amountFen)}`,
          },
        );
        const now = new Date();
        await manager.save(
          manager.create(IdentityPaidAttempt, {
            orderId: order.id,
            userId,
            certName: name,
            certNo: idNumber,
            certNoIndex,
            faceDueAt: new Date(now.getTime() + FACE_WINDOW_MS),
            refusedReason: null,
            createdAt: now,
          }),
        );
        return order.id;
      });
    });
    return this.view(userId, orderId);
  }

  /** The paid user's face photo: Zhima is called now, never for an attempt not (yet) paid. */
  async submitFace(userId: number, orderId: number, face: Buffer | undefined): Promise<CertificationResultDto> {
    if (!face?.length) {
      throw AppError.badRequest('FACE_REQUIRED', '请拍摄一张本人正脸照片后再提交', { face: '请拍摄本人正脸照片' });
    }
    const photo = await normaliseImage(face, FACE_LIMITS);
    try {
      return await this.identity.exclusive(userId, () => this.certify(userId, orderId, photo.buffer));
    } finally {
      wipe(photo.buffer);
    }
  }

  private async certify(userId: number, orderId: number, photo: Buffer): Promise<CertificationResultDto> {
    const attempt = await this.attemptOf(userId, orderId);
    const state = await this.stateOf(attempt);
    if (state === 'awaiting_payment') throw AppError.conflict('PAYMENT_REQUIRED', '请先完成支付，再拍照认证');
    if (state !== 'awaiting_photo') throw AppError.conflict('ATTEMPT_CLOSED', '这次实名认证已结束，请查看结果');
    if (Date.now() >= attempt.faceDueAt.getTime()) {
      throw AppError.conflict('ATTEMPT_CLOSED', '已超过拍照认证时限，费用将原路退回');
    }
    const identity = { name: attempt.certName, idNumber: attempt.certNo };
    const { orderNo } = await this.dataSource.getRepository(Order).findOneByOrFail({ id: orderId });
    const call = await this.identity.callZhima(userId, identity, photo, orderNo);
    if (!call.ok) {
      const body = call.failure.error.getResponse() as ErrorBody;
      // No answer (busy, slow, unsure): the paid attempt stays open, the user may take the photo again.
      if (body.retryable) throw call.failure.error;
      await this.refuse(attempt, body.message);
      throw new AppError(call.failure.error.getStatus(), {
        code: body.code,
        message: `${body.message}。本次费用将原路全额退回`,
        fields: body.fields,
      });
    }
    const row = await this.transactions.run((manager) =>
      this.identity.store(manager, { userId, ...identity, certNoIndex: attempt.certNoIndex, ...call, orderId }),
    );
    await this.served(orderId);
    return this.identity.result(userId, row);
  }

  /**
   * The fulfilment worker's question, once paid and again whenever the attempt changes: a verdict
   * is delivered; a refusal or a photo that never came is refunded in full; else the user's photo
   * is awaited. The photo deadline here is later than the one `certify` enforces by a Zhima call's
   * length, so a verdict arriving at the deadline is never refunded.
   */
  async onPaid(orderId: number): Promise<FulfilmentResult> {
    const attempt = await this.dataSource.getRepository(IdentityPaidAttempt).findOneByOrFail({ orderId });
    if (await this.hasVerdict(orderId)) return { outcome: 'delivered' };
    if (attempt.refusedReason !== null) return { outcome: 'failed', reason: REFUND_REASON };
    const until = new Date(attempt.faceDueAt.getTime() + this.config.zhimaTimeoutMs + 60_000);
    if (Date.now() < until.getTime()) return { outcome: 'awaiting_user', until };
    // A certification whose verdict was lost may have been delivered: not refunded before it is settled.
    const { orderNo } = await this.dataSource.getRepository(Order).findOneByOrFail({ id: orderId });
    if (await this.ledger.hasOpen({ vendor: 'zhima', subjectKind: 'order', subjectId: orderNo })) {
      return { outcome: 'retry', reason: 'a Zhima verdict was lost; waiting for the ledger to settle it' };
    }
    await this.step(orderId, STEP_PHOTO_EXPIRED, '支付后24小时内未拍照认证，已为您申请全额退款');
    return { outcome: 'failed', reason: REFUND_REASON };
  }

  async view(userId: number, orderId: number): Promise<IdentityAttemptDto> {
    const attempt = await this.attemptOf(userId, orderId);
    const order = await this.dataSource.getRepository(Order).findOneByOrFail({ id: orderId });
    const payment = await this.payments.forOrder(orderId);
    const certification = await this.dataSource.getRepository(IdentityCertification).findOneBy({ orderId });
    const state = await this.stateOf(attempt);
    return {
      orderId,
      orderNo: order.orderNo,
      name: maskName(attempt.certName) ?? '',
      idNumber: maskIdNumber(attempt.certNo) ?? '',
      state,
      label: state === 'awaiting_photo' ? '已支付，待拍照认证' : (order.vendorStatus ?? ''),
      faceDueAt: attempt.faceDueAt.toISOString(),
      refusedReason: attempt.refusedReason,
      payment: payment!,
      certification: certification ? toCertificationDto(certification, order.orderNo) : null,
    };
  }

  private async stateOf(attempt: IdentityPaidAttempt): Promise<AttemptState> {
    if (await this.hasVerdict(attempt.orderId)) return 'done';
    if (attempt.refusedReason !== null) return 'refused';
    const order = await this.dataSource.getRepository(Order).findOneByOrFail({ id: attempt.orderId });
    if (order.vendorStatus === STEP_PHOTO_EXPIRED.vendorStatus) return 'expired';
    if (order.status === 'cancelled') return 'closed';
    const payment = await this.dataSource.getRepository(Payment).findOneByOrFail({ orderId: attempt.orderId });
    if (payment.status === 'created' || payment.status === 'paying') return 'awaiting_payment';
    return payment.fulfilment === 'due' ? 'awaiting_photo' : 'closed';
  }

  /** Zhima refused the request, so the user could not verify: the attempt ends, refunded in full. */
  private async refuse(attempt: IdentityPaidAttempt, message: string): Promise<void> {
    const reason = maskText(message).slice(0, 255);
    await this.transactions.run(async (manager) => {
      await manager.update(IdentityPaidAttempt, { id: attempt.id }, { refusedReason: reason });
      await this.orders.applyStep(manager, attempt.orderId, STEP_REFUSED, {
        actor: 'vendor',
        message: `认证服务未受理：${reason}；已为您申请全额退款`,
      });
    });
    await this.served(attempt.orderId);
  }

  /** The attempt has an outcome: the worker settles the payment now rather than at the deadline. */
  private async served(orderId: number): Promise<void> {
    await this.fulfilment.wake(orderId);
    this.worker.kick();
  }

  private async hasVerdict(orderId: number): Promise<boolean> {
    return (await this.dataSource.getRepository(IdentityCertification).countBy({ orderId })) > 0;
  }

  private async attemptOf(userId: number, orderId: number): Promise<IdentityPaidAttempt> {
    const attempt = await this.dataSource.getRepository(IdentityPaidAttempt).findOneBy({ orderId, userId });
    if (!attempt) throw AppError.notFound('找不到该认证记录');
    return attempt;
  }

  private step(orderId: number, step: OrderStep, message: string): Promise<unknown> {
    return this.transactions.run((manager) =>
      this.orders.applyStep(manager, orderId, step, { actor: 'system', message }),
    );
  }
}
