import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { isUniqueViolation, Transactions } from '../../database/transactions.js';
import { Order } from '../../orders/order.entity.js';
import { OrdersService } from '../../orders/orders.service.js';
import { Payment } from '../../payments/entities/payment.entity.js';
import { yuan } from '../../payments/payment-steps.js';
import { PaymentsService } from '../../payments/payments.service.js';
import { IDEMPOTENCY_KEY, type CreateViolationOrderDto, type VehicleOrderDto } from '../dto/order.dto.js';
import type { QuoteDto } from '../dto/violation.dto.js';
import { VehicleCar } from '../entities/car.entity.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { GarageService } from '../garage/garage.service.js';
import { maskPlate } from '../garage/plate.js';
import { VendorTokenService } from '../garage/vendor-token.service.js';
import { storedViolations } from '../violations/violation-store.js';
import { CREATE_LEASE_MS, CREATE_WAIT_MS, createLeaseName } from './create-lease.js';
import { OrderUpdatesService } from './order-updates.service.js';
import { toVehicleOrderDto } from './order-view.js';
import { STEP_SUBMITTING } from './order-steps.js';
import { orderedViolations, quoteOf, toQuoteDto, type Quote, type ViolationCharge } from './quote.js';
import { Exclusive } from '../exclusive.service.js';
import { ViolationPricing } from './violation-pricing.js';
import { ViolationVendorOrders } from './violation-vendor-orders.js';

/**
 * Paying violations through a Docloud agency order. One idempotency key from the client is one
 * payment: the attempt (and its `outOrderNo`, the order's own number) is stored before the vendor
 * is called, and the vendor's order id as soon as it answers, so a retried request finds the order
 * instead of making a second one. Requests with the same key wait for each other. In credit mode
 * the user pays first (`ViolationPricing`): the order is stored 待支付 and placed at Docloud by
 * `ViolationPaidService` once the payment is known.
 */
@Injectable()
export class ViolationOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly leases: Exclusive,
    private readonly orders: OrdersService,
    private readonly garage: GarageService,
    private readonly tokens: VendorTokenService,
    private readonly updates: OrderUpdatesService,
    private readonly vendorOrders: ViolationVendorOrders,
    private readonly pricing: ViolationPricing,
    private readonly payments: PaymentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get paymentMode(): 'credit' | 'online' {
    return this.config.docloudPaymentMode;
  }

  async quote(userId: number, carId: number, codes: string[]): Promise<QuoteDto> {
    const car = await this.garage.owned(userId, carId);
    const quote = quoteOf(car, await storedViolations(this.dataSource.manager, car.id), codes, this.paymentMode);
    return toQuoteDto(quote, await this.tokens.phoneNeeded(car), await this.pricing.charge(quote));
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
      return detail.state === 'priced' ? detail.orderId : this.submit(detail);
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
    return toVehicleOrderDto(order, detail, summary.events, await this.payments.forOrder(orderId));
  }

  /** "Refresh" on the order page: the vendor's status now, and the pay link if it is still missing. */
  async refresh(userId: number, orderId: number): Promise<VehicleOrderDto> {
    await this.updates.refresh(userId, orderId);
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneBy({ orderId, userId });
    if (detail?.paymentMode === 'online' && detail.vendorStatus === 1 && !detail.payUrl) {
      await this.vendorOrders.fetchPayUrl(detail);
    }
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
    // Not a prepaid order: the payments worker sends that one (ViolationPaidService).
    if (existing.state === 'creating' && !(await this.isPrepaid(existing))) return this.submit(existing);
    return existing.orderId;
  }

  private isPrepaid(detail: ViolationOrder): Promise<boolean> {
    return this.dataSource.getRepository(Payment).existsBy({ orderId: detail.orderId });
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
    const charge = await this.pricing.charge(quote);
    if (charge && input.amountFen !== charge.amountFen) {
      throw AppError.conflict('PRICE_CHANGED', `应付金额已更新为${yuan(charge.amountFen)}，请返回确认后重新提交`);
    }
    const car = await this.tokens.ensure(owned, input.phone);
    this.checkReady(car, quote);
    return this.transactions.run(async (manager) => {
      const order = await this.createOrder(manager, userId, car, quote, input.codes, charge);
      const now = new Date();
      return manager.save(
        manager.create(ViolationOrder, {
          orderId: order.id,
          userId,
          carId: car.id,
          idempotencyKey: key,
          outOrderNo: order.orderNo,
          vendorOrderId: null,
          state: charge ? 'priced' : 'creating',
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

  /** The order row: 待支付 with its payment when the user pays first, else 提交中 before the vendor call. */
  private createOrder(
    manager: EntityManager,
    userId: number,
    car: VehicleCar,
    quote: Quote,
    codes: string[],
    charge: ViolationCharge | null,
  ): Promise<Order> {
    const count = quote.lines.length;
    const fields = {
      kind: 'violation_payment' as const,
      userId,
      title: `违章代缴 ${maskPlate(car.plateNumber)} ${count}条`,
    };
    const meta = {
      actor: 'user' as const,
      message: charge ? `提交代缴 ${count} 条违章，应付 ${yuan(charge.amountFen)}，待支付` : `提交代缴 ${count} 条违章`,
      payload: { codes, vendorTotalFen: quote.totalFen, amountFen: charge?.amountFen ?? 0 },
    };
    return charge
      ? this.payments.createPricedOrder(manager, { ...fields, amountFen: charge.amountFen, lines: charge.lines }, meta)
      : this.orders.create(manager, { ...fields, amountFen: quote.totalFen, step: STEP_SUBMITTING }, meta);
  }

  /** Calls the vendor with the stored attempt and answers the request with what it said. */
  private async submit(detail: ViolationOrder): Promise<number> {
    const outcome = await this.vendorOrders.submit(detail);
    if (outcome.kind === 'refused') throw outcome.error;
    if (outcome.kind === 'unavailable') {
      // Maybe the vendor got it, maybe not: keep the attempt; the same key retries with the same number.
      const body = outcome.error.getResponse() as { code: string; message: string };
      await this.transactions.run((manager) =>
        this.orders.note(manager, detail.orderId, 'vendor_error', {
          actor: 'system',
          message: `服务商暂时无法受理，可稍后重试（不会重复下单）：${body.message}`,
        }),
      );
      throw AppError.vendorUnavailable('违章代缴服务暂时无法下单，请稍后重试；重试不会重复扣款', body.code);
    }
    return detail.orderId;
  }
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a.map((x) => x.trim()));
  const right = new Set(b.map((x) => x.trim()));
  return left.size === right.size && [...left].every((x) => right.has(x));
}
