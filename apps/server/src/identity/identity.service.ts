import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  makeTransactionId,
  ZHIMA_STATUS_ORDER,
  ZhimaClient,
  type CertifyMaterialResult,
} from '@banshi/vendor-clients/zhima';
import type { EntityManager } from 'typeorm';
import { maskIdNumber, maskName, maskText } from '../common/crypto/masking.js';
import { piiCipher } from '../common/crypto/pii-cipher.js';
import { AppError } from '../common/errors/app-error.js';
import { normaliseImage, type ImageLimits } from '../common/images/image-normaliser.js';
import { LeaseService } from '../common/locks/lease.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { Transactions } from '../database/transactions.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import type { OrderStep } from '../orders/order-status.js';
import { lifecycleOf } from '../orders/vendor-lifecycle.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { yuan } from '../payments/payment-steps.js';
import { PricesService } from '../payments/prices.service.js';
import type { CertificationResultDto } from './dto/certification.dto.js';
import { IdentityCertification } from './entities/identity-certification.entity.js';
import { wipe } from './face-upload.js';
import { adviceForFailure } from './failure-advice.js';
import { checkIdentityNumber, checkName } from './identity-input.js';
import { IdentityRecords, toCertificationDto } from './identity-records.service.js';
import { CERTIFY_OPERATION } from './identity-call-keys.js';
import { certifyFailure, type CertifyFailure } from './vendor-failure.js';

/**
 * The vendor takes `materials` of at most 204,800 characters: base64 of about 150 KB. 140 KB of
 * JPEG leaves room for the JSON around it; 1200 px is far more than a face comparison needs.
 */
export const FACE_LIMITS: ImageLimits = { maxBytes: 140 * 1024, maxSide: 1200, minSide: 200, format: 'jpeg' };

/** Zhima's status order: either answer is final (a new attempt is a new order). */
const lifecycle = lifecycleOf(ZHIMA_STATUS_ORDER);

/** The vendor answers at once: one step, and the order is created already in its final status. */
export const PASSED: OrderStep = { status: 'completed', vendorStatus: '认证通过', progress: 20, lifecycle };
export const NOT_PASSED: OrderStep = { status: 'failed', vendorStatus: '认证未通过', progress: 20, lifecycle };

export interface CertifyInput {
  name: string;
  idNumber: string;
}

/** The normalised name and ID number (the DTO checked both already: read them from the same functions). */
export function checkIdentity(input: CertifyInput): CertifyInput {
  const name = checkName(input.name);
  const idNumber = checkIdentityNumber(input.idNumber);
  if (!name.valid) throw AppError.badRequest('VALIDATION', name.message, { name: name.message });
  if (!idNumber.valid) throw AppError.badRequest('VALIDATION', idNumber.message, { idNumber: idNumber.message });
  return { name: name.name, idNumber: idNumber.idNumber };
}

/**
 * Identity verification: name + ID number + face photo, checked by Zhima (`FACE_API`, a still
 * photo compared with the ID card's photo, no liveness). Everything that can be refused for free
 * is refused before the vendor is called; each vendor answer becomes an `identity` order with its
 * detail row, written in one transaction; no answer (vendor down, slow, unsure) stores nothing.
 */
@Injectable()
export class IdentityService {
  private readonly logger = new Logger(IdentityService.name);
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly zhima: ZhimaClient,
    private readonly records: IdentityRecords,
    private readonly orders: OrdersService,
    private readonly transactions: Transactions,
    private readonly leases: LeaseService,
    private readonly prices: PricesService,
    private readonly ledger: OutgoingCallLedger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async certify(userId: number, input: CertifyInput, face: Buffer | undefined): Promise<CertificationResultDto> {
    const { name, idNumber } = checkIdentity(input);
    const priceFen = await this.prices.priceOf('identity');
    if (priceFen > 0) {
      // Priced: the attempt is created 待支付 first (identity-paid.service.ts); Zhima only after paying.
      throw AppError.conflict('PAYMENT_REQUIRED', `实名认证每次${yuan(priceFen)}，请确认金额并支付后再拍照认证`);
    }
    if (!face?.length) {
      throw AppError.badRequest('FACE_REQUIRED', '请拍摄一张本人正脸照片后再提交', { face: '请拍摄本人正脸照片' });
    }
    const photo = await normaliseImage(face, FACE_LIMITS);
    try {
      return await this.exclusive(userId, () => this.attempt(userId, name, idNumber, photo.buffer));
    } finally {
      wipe(photo.buffer);
    }
  }

  /**
   * One attempt at a time per user, so that the daily count stays exact and a double tap is not
   * paid twice: a set within this process (leases are re-entrant for their holder), a lease in
   * the database across server instances.
   */
  async exclusive<T>(userId: number, run: () => Promise<T>): Promise<T> {
    if (this.inFlight.has(userId)) throw inProgress();
    this.inFlight.add(userId);
    try {
      const attempt = await this.leases.runIfFree(
        `identity:certify:${userId}`,
        this.config.zhimaTimeoutMs + 30_000,
        run,
      );
      if (!attempt.ran) throw inProgress();
      return attempt.value;
    } finally {
      this.inFlight.delete(userId);
    }
  }

  private async attempt(
    userId: number,
    name: string,
    idNumber: string,
    photo: Buffer,
  ): Promise<CertificationResultDto> {
    const certNoIndex = piiCipher().blindIndex(idNumber);
    await this.refuseBeforeVendor(userId, certNoIndex);
    const call = await this.callZhima(userId, { name, idNumber }, photo);
    if (!call.ok) throw call.failure.error;
    const row = await this.transactions.run((manager) =>
      this.store(manager, { userId, name, idNumber, certNoIndex, ...call }),
    );
    return this.result(userId, row);
  }

  async result(
    userId: number,
    row: { certification: IdentityCertification; orderNo: string },
  ): Promise<CertificationResultDto> {
    const attemptsToday = await this.records.attemptsToday(userId);
    return {
      ...toCertificationDto(row.certification, row.orderNo),
      attemptsLeftToday: Math.max(0, this.records.dailyLimit - attemptsToday),
    };
  }

  /**
   * One certification at Zhima, with a new `transaction_id`: its verdict, or why there is none. It
   * is charged whether or not its answer arrives, so it goes through the ledger (identity-calls.ts):
   * about the paid attempt's order (`orderNo`), or about the user for a free one.
   */
  async callZhima(
    userId: number,
    identity: CertifyInput,
    photo: Buffer,
    orderNo?: string,
  ): Promise<
    { ok: true; transactionId: string; result: CertifyMaterialResult } | { ok: false; failure: CertifyFailure }
  > {
    const transactionId = makeTransactionId('BSID');
    const intent = {
      vendor: 'zhima',
      operation: CERTIFY_OPERATION,
      subjectKind: orderNo ? 'order' : 'user',
      subjectId: orderNo ?? String(userId),
      key: `zhima:certify:${transactionId}`,
      request: { transactionId, certName: maskName(identity.name), certNo: maskIdNumber(identity.idNumber) },
    };
    try {
      const result = await this.ledger.run(
        intent,
        () =>
          this.zhima.certifyMaterial({
            transactionId,
            certName: identity.name,
            certNo: identity.idNumber,
            facePicture: photo,
          }),
        (answer) => ({ bizNo: answer.bizNo, passed: answer.passed }),
      );
      return { ok: true, transactionId, result };
    } catch (error) {
      const failure = certifyFailure(error);
      const line = `certify ${transactionId} for user ${userId} got no verdict: ${failure.summary}`;
      if (failure.operatorProblem) this.logger.error(line);
      else this.logger.warn(line);
      return { ok: false, failure };
    }
  }

  /** Refusals that cost nothing, so they do not count against the daily limit. */
  async refuseBeforeVendor(userId: number, certNoIndex: string): Promise<void> {
    if (await this.records.isVerified(userId)) {
      throw AppError.conflict('ALREADY_VERIFIED', '您已完成实名认证，无需重复认证');
    }
    if (await this.records.verifiedByAnotherUser(userId, certNoIndex)) {
      throw AppError.conflict(
        'IDENTITY_USED_BY_ANOTHER_ACCOUNT',
        '该身份证号已在另一个账号完成实名认证；如非本人操作，请联系客服',
      );
    }
    await this.records.refuseOverDailyLimit(userId);
  }

  /**
   * Stores Zhima's verdict: a new `identity` order in its final step (free), or the priced
   * attempt's order (`orderId`) moved to it from 已支付.
   */
  async store(
    manager: EntityManager,
    attempt: {
      userId: number;
      name: string;
      idNumber: string;
      certNoIndex: string;
      transactionId: string;
      result: CertifyMaterialResult;
      orderId?: number;
    },
  ): Promise<{ certification: IdentityCertification; orderNo: string }> {
    const { result } = attempt;
    const maskedName = maskName(attempt.name) ?? '';
    const failedReason = result.passed ? null : maskText(result.failedReason ?? '认证未通过').slice(0, 255);
    const step = result.passed ? PASSED : NOT_PASSED;
    const submitted = `提交实名认证：${maskedName}，身份证 ${maskIdNumber(attempt.idNumber)}`;
    let order: Order;
    if (attempt.orderId === undefined) {
      order = await this.orders.create(
        manager,
        { kind: 'identity', userId: attempt.userId, title: `实名认证 ${maskedName}`, vendorRef: result.bizNo, step },
        { actor: 'user', message: submitted },
      );
    } else {
      await this.orders.recordVendorRef(manager, attempt.orderId, result.bizNo);
      ({ order } = await this.orders.applyStep(manager, attempt.orderId, step, {
        actor: 'vendor',
        message: result.passed ? '认证通过' : '认证未通过',
      }));
    }
    const advice = failedReason === null ? null : adviceForFailure(failedReason);
    await this.orders.note(manager, order.id, 'vendor_result', {
      actor: 'vendor',
      message: advice ? `认证未通过：${failedReason}。${advice.detail}` : '认证通过：姓名、身份证号与照片中的人一致',
      payload: {
        transaction_id: attempt.transactionId,
        biz_no: result.bizNo,
        passed: result.passed,
        failed_reason: failedReason,
      },
    });
    const certification = await manager.save(
      manager.create(IdentityCertification, {
        orderId: order.id,
        userId: attempt.userId,
        transactionId: attempt.transactionId,
        bizNo: result.bizNo,
        passed: result.passed,
        failedReason,
        certName: attempt.name,
        certNo: attempt.idNumber,
        certNoIndex: attempt.certNoIndex,
        createdAt: new Date(),
      }),
    );
    return { certification, orderNo: order.orderNo };
  }
}

function inProgress(): AppError {
  return AppError.conflict('IDENTITY_IN_PROGRESS', '您有一次认证正在进行，请等待结果后再试');
}
