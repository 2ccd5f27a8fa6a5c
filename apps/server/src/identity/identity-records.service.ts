import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { maskIdNumber, maskName } from '../common/crypto/masking.js';
import { AppError } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/keyset.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { Order } from '../orders/order.entity.js';
import { PricesService } from '../payments/prices.service.js';
import type { VerificationStatusSource } from '../users/verification-status.js';
import type { CertificationDto, IdentityStatusDto } from './dto/certification.dto.js';
import { IdentityCertification } from './entities/identity-certification.entity.js';
import { adviceForFailure } from './failure-advice.js';
import { UNSERVED_VENDOR_STATUSES } from './paid-steps.js';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Midnight in China (no daylight saving: a fixed +08:00) of the day `now` falls in. */
export function chinaDayStart(now: Date): Date {
  const shifted = now.getTime() + CHINA_OFFSET_MS;
  return new Date(shifted - (shifted % DAY_MS) - CHINA_OFFSET_MS);
}

/**
 * Reads of the identity records: whether a user is verified (for `/api/me` and other services,
 * through `VERIFICATION_STATUS`), their status and history, masked, and the counts the cost
 * guard needs. A user only ever reads their own rows.
 */
@Injectable()
export class IdentityRecords implements VerificationStatusSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prices: PricesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get dailyLimit(): number {
    return this.config.identityDailyLimit;
  }

  async isVerified(userId: number): Promise<boolean> {
    return (await this.firstPass(userId)) !== null;
  }

  async status(userId: number, now = new Date()): Promise<IdentityStatusDto> {
    const [pass, attemptsToday, priceFen, open] = await Promise.all([
      this.firstPass(userId),
      this.attemptsToday(userId, now),
      this.prices.priceOf('identity'),
      this.openAttempt(userId),
    ]);
    return {
      verified: pass !== null,
      verifiedAt: pass?.createdAt.toISOString() ?? null,
      name: pass ? maskName(pass.certName) : null,
      idNumber: pass ? maskIdNumber(pass.certNo) : null,
      dailyLimit: this.dailyLimit,
      attemptsToday,
      attemptsLeftToday: Math.max(0, this.dailyLimit - attemptsToday),
      priceFen,
      openAttemptId: open?.id ?? null,
    };
  }

  /**
   * Attempts since midnight, China time, free or paid: the identity orders of the day (a free
   * attempt has one once Zhima answered; a priced one from 待支付 on), except those closed unpaid
   * or cancelled, and paid ones that Zhima refused or whose photo never came (refunded in full).
   */
  async attemptsToday(
    userId: number,
    now = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return manager.count(Order, {
      where: {
        userId,
        kind: 'identity',
        createdAt: MoreThanOrEqual(chinaDayStart(now)),
        status: Not('cancelled'),
        vendorStatus: Not(In(UNSERVED_VENDOR_STATUSES)),
      },
    });
  }

  /** 429 with when the user may try again (the next midnight, China time) once the day's attempts are used. */
  async refuseOverDailyLimit(userId: number, now = new Date()): Promise<void> {
    const limit = this.dailyLimit;
    if ((await this.attemptsToday(userId, now)) < limit) return;
    throw AppError.tooManyRequests(
      'IDENTITY_DAILY_LIMIT',
      `今日实名认证次数已达上限（${limit}次），请于明天 00:00（北京时间）后再试`,
    );
  }

  /** A priced attempt not finished yet (待支付, or paid and waiting for the photo): one at a time. */
  async openAttempt(userId: number): Promise<Order | null> {
    return this.dataSource.getRepository(Order).findOne({
      where: { userId, kind: 'identity', status: In(['pending', 'processing']) },
      select: { id: true },
    });
  }

  /** Whether another account already passed with this ID number (looked up by its blind index). */
  async verifiedByAnotherUser(userId: number, certNoIndex: string): Promise<boolean> {
    const other = await this.dataSource
      .getRepository(IdentityCertification)
      .findOne({ where: { certNoIndex, passed: true, userId: Not(userId) }, select: { id: true } });
    return other !== null;
  }

  async list(userId: number, cursor?: string, limit = 20): Promise<Page<CertificationDto>> {
    const before = decodeCursor(cursor);
    const rows = await this.dataSource.getRepository(IdentityCertification).find({
      where: { userId, ...(before !== undefined ? { id: LessThan(before) } : {}) },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const orderNos = await this.orderNumbers(rows.map((row) => row.orderId));
    return toPage(rows, limit, (row) => toCertificationDto(row, orderNos.get(row.orderId) ?? ''));
  }

  /** Someone else's attempt is "not found", not "forbidden". */
  async get(userId: number, id: number): Promise<CertificationDto> {
    return this.one({ id, userId });
  }

  /** The attempt behind one of the user's orders, for 我的订单. */
  async getForOrder(userId: number, orderId: number): Promise<CertificationDto> {
    return this.one({ orderId, userId });
  }

  private async one(where: { id: number; userId: number } | { orderId: number; userId: number }) {
    const row = await this.dataSource.getRepository(IdentityCertification).findOneBy(where);
    if (!row) throw AppError.notFound('找不到该认证记录');
    const orderNos = await this.orderNumbers([row.orderId]);
    return toCertificationDto(row, orderNos.get(row.orderId) ?? '');
  }

  private async firstPass(userId: number): Promise<IdentityCertification | null> {
    return this.dataSource
      .getRepository(IdentityCertification)
      .findOne({ where: { userId, passed: true }, order: { id: 'ASC' } });
  }

  private async orderNumbers(orderIds: number[]): Promise<Map<number, string>> {
    if (orderIds.length === 0) return new Map();
    const orders = await this.dataSource
      .getRepository(Order)
      .find({ where: { id: In(orderIds) }, select: { id: true, orderNo: true } });
    return new Map(orders.map((order) => [order.id, order.orderNo]));
  }
}

export function toCertificationDto(row: IdentityCertification, orderNo: string): CertificationDto {
  return {
    id: row.id,
    orderId: row.orderId,
    orderNo,
    passed: row.passed,
    name: maskName(row.certName) ?? '',
    idNumber: maskIdNumber(row.certNo) ?? '',
    failedReason: row.passed ? null : row.failedReason,
    advice: row.passed ? null : adviceForFailure(row.failedReason),
    createdAt: row.createdAt.toISOString(),
  };
}
