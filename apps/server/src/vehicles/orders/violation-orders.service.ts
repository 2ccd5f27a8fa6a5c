import { Inject, Injectable, Logger } from '@nestjs/common';
import { VendorError } from '@banshi/vendor-clients';
import { DocloudClient, DocloudDuplicateOrderError } from '@banshi/vendor-clients/docloud';
import { DataSource, IsNull } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { isUniqueViolation, Transactions } from '../../database/transactions.js';
import { Order } from '../../orders/order.entity.js';
import { OrdersService } from '../../orders/orders.service.js';
import { docloudToAppError } from '../docloud-errors.js';
import { IDEMPOTENCY_KEY, type CreateViolationOrderDto, type VehicleOrderDto } from '../dto/order.dto.js';
import type { QuoteDto } from '../dto/violation.dto.js';
import { VehicleCar } from '../entities/car.entity.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { GarageService } from '../garage/garage.service.js';
import { maskPlate } from '../garage/plate.js';
import { VendorTokenService } from '../garage/vendor-token.service.js';
import { storedViolations } from '../violations/violation-store.js';
import { OrderUpdatesService } from './order-updates.service.js';
import { toVehicleOrderDto } from './order-view.js';
import { STEP_REFUSED, STEP_SUBMITTING, STEP_UNKNOWN } from './order-steps.js';
import { orderedViolations, quoteOf, toQuoteDto, type Quote } from './quote.js';
import { Exclusive } from '../exclusive.service.js';

/**
 * The lease held while an order's attempt is stored and the vendor's create call is under way: a
 * callback for an order not recorded yet reads it to tell a create still in flight (the vendor's
 * answer is on its way) from one whose answer was lost.
 */
export function createLeaseName(userId: number, idempotencyKey: string): string {
  return `vehicles:order-create:${userId}:${idempotencyKey}`;
}

/** Long enough for the vendor's create call with its retries; a second request with the key waits this long. */
const CREATE_LEASE_MS = 60_000;
const CREATE_WAIT_MS = 45_000;

/**
 * Paying violations through a Docloud agency order. One idempotency key from the client is one
 * payment: the attempt (and its `outOrderNo`, the order's own number) is stored before the vendor
 * is called, and the vendor's order id as soon as it answers, so a retried request finds the order
 * instead of making a second one. Requests with the same key wait for each other.
 */
@Injectable()
export class ViolationOrdersService {
  private readonly logger = new Logger(ViolationOrdersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly leases: Exclusive,
    private readonly orders: OrdersService,
    private readonly garage: GarageService,
    private readonly tokens: VendorTokenService,
    private readonly updates: OrderUpdatesService,
    private readonly docloud: DocloudClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get paymentMode(): 'credit' | 'online' {
    return this.config.docloudPaymentMode;
  }

  async quote(userId: number, carId: number, codes: string[]): Promise<QuoteDto> {
    const car = await this.garage.owned(userId, carId);
    const quote = quoteOf(car, await storedViolations(this.dataSource.manager, car.id), codes, this.paymentMode);
    return toQuoteDto(quote, await this.tokens.phoneNeeded(car));
  }

  async create(userId: number, input: CreateViolationOrderDto, headerKey?: string): Promise<VehicleOrderDto> {
    const key = (headerKey ?? input.idempotencyKey ?? '').trim();
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw AppError.badRequest('IDEMPOTENCY_KEY_REQUIRED', '请求缺少有效的请求标识，请返回确认页重新提交');
    }
    const orderId = await this.leases.run(createLeaseName(userId, key), CREATE_LEASE_MS, CREATE_WAIT_MS, async () => {
      const existing = await this.dataSource.getRepository(ViolationOrder).findOneBy({ userId, idempotencyKey: key });
      if (existing) return this.resume(existing, input);
      let detail: ViolationOrder;
      try {
        detail = await this.start(userId, key, input);
      } catch (error) {
        // Another instance stored this key after its lease ran out: the same order, not a second one.
        if (!isUniqueViolation(error)) throw error;
        const raced = await this.dataSource
          .getRepository(ViolationOrder)
          .findOneByOrFail({ userId, idempotencyKey: key });
        return this.resume(raced, input);
      }
      return this.submit(detail);
    });
    return this.view(userId, orderId);
  }

  async view(userId: number, orderId: number): Promise<VehicleOrderDto> {
    // The order before its detail: a step commits both at once, so a detail read after the order is
    // never older than it (read the other way round, a "completed" order could show "订单已支付").
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId, userId });
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneBy({ orderId, userId });
    if (!detail || !order) throw AppError.notFound('订单不存在');
    const summary = await this.orders.getForUser(userId, orderId);
    return toVehicleOrderDto(order, detail, summary.events);
  }

  /** "Refresh" on the order page: the vendor's status now, and the pay link if it is still missing. */
  async refresh(userId: number, orderId: number): Promise<VehicleOrderDto> {
    await this.updates.refresh(userId, orderId);
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneBy({ orderId, userId });
    if (detail?.paymentMode === 'online' && detail.vendorStatus === 1 && !detail.payUrl) await this.fetchPayUrl(detail);
    return this.view(userId, orderId);
  }

  /** The same key again: the same order, never a second one; a refusal is answered the same way. */
  private async resume(existing: ViolationOrder, input: CreateViolationOrderDto): Promise<number> {
    const same =
      existing.carId === input.carId &&
      sameSet(
        existing.items.map((item) => item.code),
        input.codes,
      );
    if (!same) {
      throw AppError.conflict('IDEMPOTENCY_KEY_REUSED', '该请求标识已用于另一笔订单，请返回确认页重新提交');
    }
    if (existing.state === 'refused') {
      throw AppError.vendorRefused(existing.failureCode ?? 'ORDER_REFUSED', existing.failureMessage ?? '下单失败');
    }
    // Stored but the vendor's answer never came (a crash or a timeout): send it again, same outOrderNo.
    if (existing.state === 'creating') return this.submit(existing);
    return existing.orderId;
  }

  /**
   * Checks the choice and price, then stores the order and its attempt before the order call. A
   * car queried without a phone gets its token first (《获取token》, free, and safe to repeat).
   */
  private async start(userId: number, key: string, input: CreateViolationOrderDto): Promise<ViolationOrder> {
    const owned = await this.garage.owned(userId, input.carId);
    const stored = await storedViolations(this.dataSource.manager, owned.id);
    const quote = quoteOf(owned, stored, input.codes, this.paymentMode);
    if (input.expectedTotalFen !== undefined && input.expectedTotalFen !== quote.totalFen) {
      throw AppError.conflict('PRICE_CHANGED', '违章费用已更新，请返回确认新的金额后再支付');
    }
    const car = await this.tokens.ensure(owned, input.phone);
    this.checkReady(car, quote);
    const plate = maskPlate(car.plateNumber);
    return this.transactions.run(async (manager) => {
      const order = await this.orders.create(
        manager,
        {
          kind: 'violation_payment',
          userId,
          title: `违章代缴 ${plate} ${quote.lines.length}条`,
          amountFen: quote.totalFen,
          step: STEP_SUBMITTING,
        },
        { actor: 'user', message: `提交代缴 ${quote.lines.length} 条违章`, payload: { codes: input.codes } },
      );
      const now = new Date();
      return manager.save(
        manager.create(ViolationOrder, {
          orderId: order.id,
          userId,
          carId: car.id,
          idempotencyKey: key,
          outOrderNo: order.orderNo,
          vendorOrderId: null,
          state: 'creating',
          deductSelf: quote.deductSelf,
          paymentMode: this.paymentMode,
          plateNumber: car.plateNumber,
          vendorToken: car.vendorToken,
          items: orderedViolations(quote),
          fineFen: quote.fineFen,
          serviceFeeFen: quote.serviceFeeFen,
          markFeeFen: quote.markFeeFen,
          totalFen: quote.totalFen,
          refundFen: 0,
          payUrl: null,
          cancelReason: null,
          failureCode: null,
          failureMessage: null,
          vendorStatus: null,
          lastVendorUpdateAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
  }

  private checkReady(car: VehicleCar, quote: Quote): void {
    if (!car.vendorToken) throw AppError.conflict('QUERY_FIRST', '请先刷新违章列表，再选择要缴纳的违章');
    if (!quote.deductSelf) return;
    if (!car.deductSelfAt || !car.driveNum || !car.fileNum) {
      throw AppError.conflict('DEDUCT_SELF_REQUIRED', '扣分违章需先完成“自扣分验证”（驾驶证号和档案编号）');
    }
    if (quote.chosen.some((v) => v.needTravelLicense) && !car.licenseUploadedAt) {
      throw AppError.conflict('TRAVEL_LICENSE_REQUIRED', '所选违章需要行驶证照片，请先上传行驶证正页和副页');
    }
  }

  /** Calls the vendor with the stored attempt and records what it answered. */
  private async submit(detail: ViolationOrder): Promise<number> {
    const car = await this.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: detail.carId });
    const input = {
      token: detail.vendorToken ?? '',
      violationCodes: detail.items.map((item) => item.code),
      totalPriceFen: detail.totalFen,
      outOrderNo: detail.outOrderNo,
      carType: car.carType,
    };
    let vendorOrderId: string;
    try {
      const created = detail.deductSelf
        ? await this.docloud.createDeductSelfOrder({
            ...input,
            driveNum: car.driveNum ?? '',
            fileNum: car.fileNum ?? '',
          })
        : await this.docloud.createOrder(input);
      vendorOrderId = created.orderId;
    } catch (error) {
      // Throws for refusals and for a vendor that is down; returns for an order whose id was lost.
      await this.recordFailure(detail, error);
      return detail.orderId;
    }
    await this.recordCreated(detail, vendorOrderId);
    if (detail.paymentMode === 'online') await this.fetchPayUrl(detail);
    return detail.orderId;
  }

  private async recordCreated(detail: ViolationOrder, vendorOrderId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const now = new Date();
      await manager.update(ViolationOrder, { id: detail.id }, { state: 'created', vendorOrderId, updatedAt: now });
      await manager.update(Order, { id: detail.orderId }, { vendorRef: vendorOrderId });
      Object.assign(detail, { state: 'created', vendorOrderId });
      // The vendor created it (status 1): the same path as any later status, so it is never applied twice.
      await this.updates.apply(
        manager,
        detail,
        { orderStatus: 1, violations: detail.items.map((item) => ({ code: item.code, processStatus: 2 })) },
        { actor: 'vendor', source: `服务商单号 ${vendorOrderId}` },
      );
    });
  }

  private async recordFailure(detail: ViolationOrder, error: unknown): Promise<void> {
    if (error instanceof DocloudDuplicateOrderError) {
      // 1117: the vendor has an order under our number, from an attempt whose answer was lost. It has
      // no lookup by outOrderNo, so the order cannot be followed automatically: say so, never "failed".
      this.logger.error({ orderId: detail.orderId, outOrderNo: detail.outOrderNo }, 'docloud order id lost (1117)');
      await this.transactions.run(async (manager) => {
        // Unless a callback has already told us the id (see OrderCallbackHandler.adoptLostOrder).
        const marked = await manager.update(
          ViolationOrder,
          { id: detail.id, vendorOrderId: IsNull() },
          { state: 'unknown', updatedAt: new Date() },
        );
        if (!marked.affected) return;
        await this.orders.applyStep(manager, detail.orderId, STEP_UNKNOWN, {
          actor: 'system',
          message: '服务商已受理该订单但未返回订单号，客服将核实办理结果',
        });
      });
      return;
    }
    const appError = docloudToAppError(error);
    const body = appError.getResponse() as { code: string; message: string };
    if (error instanceof VendorError && error.retryable) {
      // Maybe the vendor got it, maybe not: keep the attempt; the same key retries with the same number.
      await this.transactions.run((manager) =>
        this.orders.note(manager, detail.orderId, 'vendor_error', {
          actor: 'system',
          message: `服务商暂时无法受理，可稍后重试（不会重复下单）：${body.message}`,
        }),
      );
      throw AppError.vendorUnavailable('违章代缴服务暂时无法下单，请稍后重试；重试不会重复扣款', body.code);
    }
    await this.transactions.run(async (manager) => {
      const now = new Date();
      await manager.update(
        ViolationOrder,
        { id: detail.id },
        { state: 'refused', failureCode: body.code, failureMessage: body.message.slice(0, 255), updatedAt: now },
      );
      await this.orders.applyStep(manager, detail.orderId, STEP_REFUSED, { actor: 'vendor', message: body.message });
    });
    throw appError;
  }

  /** Online payment: the vendor's pay page, from the order detail (a failure is retried by "refresh"). */
  private async fetchPayUrl(detail: ViolationOrder): Promise<void> {
    try {
      const full = await this.docloud.getOrderDetail({
        token: detail.vendorToken ?? '',
        orderId: detail.vendorOrderId ?? '',
      });
      if (full.payUrl) {
        await this.dataSource.getRepository(ViolationOrder).update({ id: detail.id }, { payUrl: full.payUrl });
      }
    } catch (error) {
      this.logger.warn({ err: error, orderId: detail.orderId }, 'could not fetch the pay URL');
    }
  }
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a.map((x) => x.trim()));
  const right = new Set(b.map((x) => x.trim()));
  return left.size === right.size && [...left].every((x) => right.has(x));
}
