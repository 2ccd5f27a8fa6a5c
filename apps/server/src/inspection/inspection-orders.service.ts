import { Injectable, Logger } from '@nestjs/common';
import { isDocloudError } from '@banshi/vendor-clients/docloud';
import { DataSource, type EntityManager } from 'typeorm';
import { maskText } from '../common/crypto/masking.js';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { decodeCursor, toPage, type Page } from '../common/keyset.js';
import { LeaseService } from '../common/locks/lease.service.js';
import { Transactions } from '../database/transactions.js';
import type { GarageCar } from '../common/garage/garage-reader.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { isOutcomeUnknown } from '../outgoing-calls/call-outcome.js';
import { yuan } from '../payments/payment-steps.js';
import { PaymentsService } from '../payments/payments.service.js';
import { PricesService } from '../payments/prices.service.js';
import type {
  CreateInspectionOrderDto,
  InspectionOrderDto,
  InspectionOrderSummaryDto,
  MerchantInspectionOrderDto,
} from './dto/order.dto.js';
import { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import type { InspectionVehicle } from './entities/inspection-vehicle.entity.js';
import type { PreOrderSnapshot } from './inspection-types.js';
import { InspectionCars } from './inspection-cars.service.js';
import { InspectionStatus } from './inspection-status.service.js';
import { InspectionVendor, SERVICE_NAME } from './inspection-vendor.service.js';
import { maskPlate, orderView, summaryOf } from './inspection-views.js';
import { stepForWorder } from './worder-steps.js';
import { vendorOrderInput } from './vendor-order-input.js';
import {
  isOpenOrderRefusal,
  STEP_UNCONFIRMED,
  STEP_UNKNOWN_ID,
  UNKNOWN_ID_MESSAGE,
  unconfirmedError,
} from './unconfirmed-orders.js';

/** A quote older than this is asked again before an order is placed with it. */
const QUOTE_FRESH_MS = 10 * 60_000;

/** What one order attempt sends, kept to store it or to resend it. */
interface Attempt {
  userId: number;
  car: GarageCar;
  vehicle: InspectionVehicle;
  quote: PreOrderSnapshot;
  input: CreateInspectionOrderDto;
  area: { province: string; city: string; county: string };
  ownerPhone: string;
}

/**
 * Placing 免检 orders (《确认订单接口》) and reading them. The vendor is asked first and nothing is
 * stored unless it accepted: a refusal or an outage leaves no order and no detail row behind.
 */
@Injectable()
export class InspectionOrders {
  private readonly logger = new Logger(InspectionOrders.name);

  constructor(
    private readonly cars: InspectionCars,
    private readonly vendor: InspectionVendor,
    private readonly status: InspectionStatus,
    private readonly orders: OrdersService,
    private readonly transactions: Transactions,
    private readonly leases: LeaseService,
    private readonly dataSource: DataSource,
    private readonly prices: PricesService,
    private readonly payments: PaymentsService,
  ) {}

  async create(userId: number, input: CreateInspectionOrderDto): Promise<InspectionOrderDto> {
    const car = await this.cars.car(userId, input.garageCarId);
    // One order attempt per car at a time (a double tap, two devices), across server instances.
    const orderId = await this.leases.runExclusive(`inspection:order:${userId}:${car.id}`, 60_000, 30_000, async () => {
      const open = await this.cars.openOrders(userId, [car.id]);
      // An earlier attempt whose answer was lost is resumed; any other open order stops here.
      const pending = open.size > 0 ? await this.unconfirmed(open.get(car.id) as number) : null;
      if (open.size > 0 && !pending) {
        throw AppError.conflict('INSPECTION_ORDER_OPEN', '该车辆已有进行中的年检订单，请在订单中查看进度');
      }
      const vehicle = await this.cars.requireEligibleVehicle(userId, car);
      // A resumed attempt was already checked; a new one for a car that cannot pass is refused.
      const violations = pending ? null : await this.cars.violations(userId, car.id);
      if (violations?.blocking) throw AppError.unprocessable('VIOLATIONS_UNTREATED', violations.message);
      const stale =
        !vehicle.preOrder || !vehicle.preOrderAt || Date.now() - vehicle.preOrderAt.getTime() > QUOTE_FRESH_MS;
      const quote =
        stale || vehicle.plateNumber !== car.plateNumber
          ? await this.cars.quote(userId, car, vehicle)
          : vehicle.preOrder!;
      if (quote.priceFen !== input.priceFen) {
        throw AppError.conflict('PRICE_CHANGED', `服务费已更新为${yuan(quote.priceFen)}，请确认后重新提交`);
      }
      const area = await this.area(userId, input);
      const ownerPhone = input.ownerPhone ?? input.contactPhone;
      const attempt: Attempt = { userId, car, vehicle, quote, input, area, ownerPhone };
      // Priced: the order waits 待支付; the vendor is called once it is paid (InspectionPaidService).
      const amountFen = pending ? 0 : await this.prices.priceOf('inspection');
      if (amountFen > 0) {
        if (input.amountFen !== amountFen) {
          throw AppError.conflict('PRICE_CHANGED', `服务费为${yuan(amountFen)}，请确认后重新提交`);
        }
        return this.transactions.run((manager) => this.store(manager, attempt, null, amountFen));
      }
      let vendorOrderId: string;
      try {
        vendorOrderId = await this.vendor.raw(userId, (token) =>
          this.vendor.client.createInspectionOrder(
            vendorOrderInput({
              shopId: quote.shopId,
              vendorCarId: quote.vendorCarId,
              inspectCityId: quote.inspectionCityId,
              priceFen: quote.priceFen,
              contactName: input.contactName,
              contactPhone: input.contactPhone,
              ownerPhone,
              returnAddress: { ...area, address: input.address },
            }),
            token,
          ),
        );
      } catch (error) {
        this.logger.warn(`inspection order for user ${userId} car ${car.id} refused: ${maskText(String(error))}`);
        if (isOutcomeUnknown(error)) {
          // The vendor may have made it: keep the attempt, so that the retry cannot make a second.
          if (!pending) await this.transactions.run((manager) => this.store(manager, attempt, null));
          throw unconfirmedError();
        }
        if (pending && isOpenOrderRefusal(error)) return this.markUnknownId(pending);
        if (isDocloudError(error, '1105')) {
          await this.cars.quote(userId, car, vehicle).catch(() => undefined);
          throw AppError.conflict('PRICE_CHANGED', '服务费已变化，请返回重新确认价格后提交');
        }
        throw vendorErrorToAppError(error, SERVICE_NAME);
      }
      try {
        return await this.transactions.run(async (manager) => {
          if (!pending) return this.store(manager, attempt, vendorOrderId);
          await this.confirm(manager, pending, attempt, vendorOrderId);
          return pending.orderId;
        });
      } catch (error) {
        // The vendor has the order but we could not record it: say so loudly, for reconciliation.
        this.logger.error(
          `docloud inspection order ${vendorOrderId} of user ${userId} was not stored: ${String(error)}`,
        );
        throw error;
      }
    });
    // On credit the vendor has usually moved on already (15 待取件): show that, if it answers now.
    const detail = await this.detailOf(orderId);
    await this.status.refresh(detail).catch(() => undefined);
    return this.getForUser(userId, orderId);
  }

  /**
   * Stores a new order: accepted by the vendor (`vendorOrderId`), sent without an answer (null), or
   * priced (`amountFen`): not sent yet, waiting for its payment.
   */
  private async store(
    manager: EntityManager,
    attempt: Attempt,
    vendorOrderId: string | null,
    amountFen = 0,
  ): Promise<number> {
    const { userId, car, vehicle, quote, input, area, ownerPhone } = attempt;
    const fields = { kind: 'inspection' as const, userId, title: `年检代办 ${maskPlate(car.plateNumber)}` };
    const meta = {
      actor: 'user' as const,
      message:
        `提交免检代办：${quote.inspectionCityName}，服务费${yuan(amountFen || quote.priceFen)}` +
        (amountFen > 0 ? '，待支付' : vendorOrderId === null ? '；服务商未及时答复，下单结果待确认' : ''),
      payload: { vendorOrderId, city: quote.inspectionCityName, priceFen: quote.priceFen, amountFen },
    };
    const order =
      amountFen > 0
        ? await this.payments.createPricedOrder(manager, { ...fields, amountFen }, meta)
        : await this.orders.create(
            manager,
            {
              ...fields,
              amountFen: quote.priceFen,
              vendorRef: vendorOrderId,
              step: vendorOrderId === null ? STEP_UNCONFIRMED : stepForWorder(10),
            },
            meta,
          );
    const now = new Date();
    await manager.insert(InspectionOrderDetail, {
      orderId: order.id,
      userId,
      garageCarId: car.id,
      vendorOrderId,
      vendorCarId: quote.vendorCarId,
      plateNumber: car.plateNumber,
      useFor: vehicle.useFor,
      priceFen: quote.priceFen,
      inspectCityId: quote.inspectionCityId,
      inspectCityName: quote.inspectionCityName,
      shopId: quote.shopId,
      shopName: null,
      shopAddress: null,
      shopPhone: null,
      materials: quote.materials,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      ownerPhone,
      returnAddress: { ...area, address: input.address },
      worderStatus: vendorOrderId === null ? 0 : 10,
      sendEmsNumber: null,
      backEmsCompany: null,
      backEmsNumber: null,
      checkedAt: null,
      checkError: null,
      createdAt: now,
      updatedAt: now,
    });
    return order.id;
  }

  /** The resent attempt was accepted: the stored order takes the vendor's id and what was sent. */
  private async confirm(
    manager: EntityManager,
    pending: InspectionOrderDetail,
    { quote, input, area, ownerPhone }: Attempt,
    vendorOrderId: string,
  ): Promise<void> {
    await manager.update(
      InspectionOrderDetail,
      { id: pending.id },
      {
        vendorOrderId,
        vendorCarId: quote.vendorCarId,
        priceFen: quote.priceFen,
        inspectCityId: quote.inspectionCityId,
        inspectCityName: quote.inspectionCityName,
        shopId: quote.shopId,
        materials: quote.materials,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        ownerPhone,
        returnAddress: { ...area, address: input.address },
        worderStatus: 10,
        updatedAt: new Date(),
      },
    );
    await this.orders.recordVendorQuote(manager, pending.orderId, vendorOrderId, quote.priceFen);
    await this.orders.applyStep(manager, pending.orderId, stepForWorder(10), {
      actor: 'user',
      message: '重新提交后服务商已受理',
      payload: { vendorOrderId },
    });
  }

  /** The resend met the car's open order: ours, from the attempt whose answer was lost. */
  private async markUnknownId(pending: InspectionOrderDetail): Promise<number> {
    this.logger.error(`docloud inspection order of order ${pending.orderId} exists but its id was lost`);
    await this.transactions.run((manager) =>
      this.orders.applyStep(manager, pending.orderId, STEP_UNKNOWN_ID, {
        actor: 'system',
        message: UNKNOWN_ID_MESSAGE,
      }),
    );
    return pending.orderId;
  }

  /** The order's detail if it is an attempt still waiting for the vendor's answer. */
  private async unconfirmed(orderId: number): Promise<InspectionOrderDetail | null> {
    const detail = await this.dataSource.getRepository(InspectionOrderDetail).findOneBy({ orderId });
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId });
    return detail && detail.vendorOrderId === null && order?.vendorStatus === STEP_UNCONFIRMED.vendorStatus
      ? detail
      : null;
  }

  async listForUser(userId: number, cursor?: string, limit = 20): Promise<Page<InspectionOrderSummaryDto>> {
    const before = decodeCursor(cursor);
    const query = this.dataSource
      .getRepository(InspectionOrderDetail)
      .createQueryBuilder('d')
      .where('d.user_id = :userId', { userId });
    if (before !== undefined) query.andWhere('d.id < :before', { before });
    const rows = await query
      .orderBy('d.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const orders = await this.dataSource.getRepository(Order).findBy(rows.map((row) => ({ id: row.orderId })));
    const byId = new Map(orders.map((order) => [order.id, order]));
    return toPage(rows, limit, (row) => summaryOf(byId.get(row.orderId) as Order, row));
  }

  /** Someone else's order, or another kind's, is "not found". */
  async getForUser(userId: number, orderId: number): Promise<InspectionOrderDto> {
    const detail = await this.dataSource.getRepository(InspectionOrderDetail).findOneBy({ orderId, userId });
    if (!detail) throw AppError.notFound('订单不存在');
    const row = await this.dataSource.getRepository(Order).findOneByOrFail({ id: orderId, userId });
    return orderView(row, detail, await this.orders.timeline(orderId), await this.payments.forOrder(orderId));
  }

  async refreshForUser(userId: number, orderId: number): Promise<InspectionOrderDto> {
    const detail = await this.dataSource.getRepository(InspectionOrderDetail).findOneBy({ orderId, userId });
    if (!detail) throw AppError.notFound('订单不存在');
    try {
      await this.status.refresh(detail);
    } catch (error) {
      throw vendorErrorToAppError(error, SERVICE_NAME);
    }
    return this.getForUser(userId, orderId);
  }

  /** The merchant's view: every personal field masked, plus the vendor's ids and the last polling error. */
  async getForMerchant(orderId: number): Promise<MerchantInspectionOrderDto> {
    const detail = await this.dataSource.getRepository(InspectionOrderDetail).findOneBy({ orderId });
    if (!detail) throw AppError.notFound('订单不存在');
    const { order, events } = await this.orders.getForMerchant(orderId);
    const row = await this.dataSource.getRepository(Order).findOneByOrFail({ id: order.id });
    return {
      ...orderView(row, detail, events, await this.payments.forOrder(orderId)),
      vendorStatus: row.vendorStatus,
      events,
      userId: detail.userId,
      // Empty until the vendor's id is known (the API type stays a string for the merchant pages).
      vendorOrderId: detail.vendorOrderId ?? '',
      vendorCarId: detail.vendorCarId,
      checkError: detail.checkError,
    };
  }

  private detailOf(orderId: number): Promise<InspectionOrderDetail> {
    return this.dataSource.getRepository(InspectionOrderDetail).findOneByOrFail({ orderId });
  }

  /** Province, city and district names from the vendor's own lists, so ids and names agree. */
  private async area(userId: number, input: CreateInspectionOrderDto) {
    const province = (await this.vendor.provinces(userId)).find((p) => p.id === input.provinceId);
    const city = province && (await this.vendor.cities(userId, province.id)).find((c) => c.id === input.cityId);
    const districts = city ? await this.vendor.districts(userId, city.id) : [];
    const county = districts.find((d) => d.id === input.districtId);
    if (!province || !city || (districts.length > 0 && !county)) {
      throw AppError.badRequest('VALIDATION', '请重新选择省、市、区', { districtId: '请重新选择所在地区' });
    }
    return { province: province.name, city: city.name, county: county?.name ?? '' };
  }
}
