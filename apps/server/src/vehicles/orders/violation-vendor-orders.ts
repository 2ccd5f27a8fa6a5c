import { Injectable, Logger } from '@nestjs/common';
import { VendorError } from '@banshi/vendor-clients';
import { DocloudClient, DocloudDuplicateOrderError } from '@banshi/vendor-clients/docloud';
import { DataSource, IsNull } from 'typeorm';
import type { AppError } from '../../common/errors/app-error.js';
import { Transactions } from '../../database/transactions.js';
import { OrdersService } from '../../orders/orders.service.js';
import { OutgoingCallLedger } from '../../outgoing-calls/outgoing-call-ledger.service.js';
import { docloudToAppError } from '../docloud-errors.js';
import { VehicleCar } from '../entities/car.entity.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { OrderUpdatesService } from './order-updates.service.js';
import { STEP_REFUSED, STEP_UNKNOWN } from './order-steps.js';
import { violationOrderIntent } from './violation-order-calls.js';

/**
 * What one create call at Docloud came to, once recorded: `created` (it has the order, id known),
 * `lost` (1117: it has an order under our number, id unknown: marked 待核实), `unavailable` (no
 * answer or a retryable error: nothing recorded, the same outOrderNo may be sent again), `refused`
 * (recorded as refused, nothing was ordered).
 */
export type SubmitOutcome =
  | { kind: 'created' }
  | { kind: 'lost' }
  | { kind: 'unavailable'; error: AppError }
  | { kind: 'refused'; error: AppError };

/**
 * The Docloud side of a violation-payment order (《创建代缴订单》): sends the stored attempt under
 * its fixed `outOrderNo` and records the answer. Used by the create request (free and online
 * orders) and by the paid service (prepaid credit orders, once their payment is known).
 */
@Injectable()
export class ViolationVendorOrders {
  private readonly logger = new Logger(ViolationVendorOrders.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly updates: OrderUpdatesService,
    private readonly docloud: DocloudClient,
    private readonly ledger: OutgoingCallLedger,
  ) {}

  /** `refusedNote` is added to the refusal's timeline message (e.g. that the payment goes back). */
  async submit(detail: ViolationOrder, refusedNote = ''): Promise<SubmitOutcome> {
    const car = await this.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: detail.carId });
    const input = {
      token: detail.vendorToken ?? '',
      violationCodes: detail.items.map((item) => item.code),
      totalPriceFen: detail.totalFen,
      outOrderNo: detail.outOrderNo,
      carType: car.carType,
    };
    // outOrderNo is Docloud's idempotency key: a resend is the same ledger entry, and settles it.
    const call = await this.ledger.record(violationOrderIntent(detail));
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
      // 1117: Docloud has the order under our number (an earlier answer was lost): it did arrive.
      if (error instanceof DocloudDuplicateOrderError) await this.ledger.succeeded(call, { duplicate: '1117' });
      else await this.ledger.threw(call, error);
      return this.recordFailure(detail, error, refusedNote);
    }
    // The order's id first: its callbacks may be on their way already.
    await this.recordCreated(detail, vendorOrderId);
    await this.ledger.succeeded(call, { vendorOrderId });
    if (detail.paymentMode === 'online') await this.fetchPayUrl(detail);
    return { kind: 'created' };
  }

  private async recordCreated(detail: ViolationOrder, vendorOrderId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const now = new Date();
      await manager.update(ViolationOrder, { id: detail.id }, { state: 'created', vendorOrderId, updatedAt: now });
      await this.orders.recordVendorRef(manager, detail.orderId, vendorOrderId);
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

  private async recordFailure(detail: ViolationOrder, error: unknown, refusedNote: string): Promise<SubmitOutcome> {
    if (error instanceof DocloudDuplicateOrderError) {
      await this.markLost(detail);
      return { kind: 'lost' };
    }
    const appError = docloudToAppError(error);
    if (error instanceof VendorError && error.retryable) return { kind: 'unavailable', error: appError };
    const body = appError.getResponse() as { code: string; message: string };
    await this.transactions.run(async (manager) => {
      const now = new Date();
      await manager.update(
        ViolationOrder,
        { id: detail.id },
        { state: 'refused', failureCode: body.code, failureMessage: body.message.slice(0, 255), updatedAt: now },
      );
      await this.orders.applyStep(manager, detail.orderId, STEP_REFUSED, {
        actor: 'vendor',
        message: `${body.message}${refusedNote}`,
      });
    });
    return { kind: 'refused', error: appError };
  }

  /**
   * 1117: the vendor has an order under our number, from an attempt whose answer was lost. It has
   * no lookup by outOrderNo, so the order cannot be followed automatically: say so, never "failed".
   */
  private async markLost(detail: ViolationOrder): Promise<void> {
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
  }

  /** Online payment: the vendor's pay page, from the order detail (a failure is retried by "refresh"). */
  async fetchPayUrl(detail: ViolationOrder): Promise<void> {
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
