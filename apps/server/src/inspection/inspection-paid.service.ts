import { isOutcomeUnknown } from '../outgoing-calls/call-outcome.js';
import { OutgoingCallLedger } from '../outgoing-calls/outgoing-call-ledger.service.js';
import { inspectionOrderIntent } from './inspection-calls.js';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { isDocloudError } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { maskText } from '../common/crypto/masking.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { Transactions } from '../database/transactions.js';
import type { OrderStep } from '../orders/order-status.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { PaidServices, type FulfilmentResult, type PaidService } from '../payments/paid-services.js';
import { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import { InspectionStatus } from './inspection-status.service.js';
import { InspectionVendor, SERVICE_NAME } from './inspection-vendor.service.js';
import { isOpenOrderRefusal, STEP_UNKNOWN_ID, UNKNOWN_ID_MESSAGE } from './unconfirmed-orders.js';
import { vendorOrderInput } from './vendor-order-input.js';
import { STEP_PLACED_PAID as STEP_PLACED } from './worder-steps.js';

/** Paid, sent, no answer: the vendor may have the order (the next attempt tells, see unconfirmed-orders.ts). */
const STEP_PAID_UNCONFIRMED: OrderStep = { status: 'processing', vendorStatus: '待确认', progress: 5 };
/** Paid, and the vendor refused the order: it ends here and the payment goes back. */
const STEP_REFUSED: OrderStep = { status: 'failed', vendorStatus: '下单失败', progress: 9 };

/**
 * 年检代办 as a paid service: the stored order is sent to Docloud only once it is paid. Accepted →
 * delivered; refused → the order fails and is refunded in full; no answer → tried again by the
 * fulfilment worker, where Docloud's refusal of a second open order for the car (1142) proves the
 * first one arrived.
 */
@Injectable()
export class InspectionPaidService implements PaidService, OnModuleInit {
  readonly kind = 'inspection' as const;
  private readonly logger = new Logger(InspectionPaidService.name);

  constructor(
    private readonly paidServices: PaidServices,
    private readonly vendor: InspectionVendor,
    private readonly status: InspectionStatus,
    private readonly orders: OrdersService,
    private readonly transactions: Transactions,
    private readonly dataSource: DataSource,
    private readonly ledger: OutgoingCallLedger,
  ) {}

  onModuleInit(): void {
    this.paidServices.register(this);
  }

  async onPaid(orderId: number): Promise<FulfilmentResult> {
    const detail = await this.dataSource.getRepository(InspectionOrderDetail).findOneByOrFail({ orderId });
    if (detail.vendorOrderId !== null) return { outcome: 'delivered' };
    const order = await this.dataSource.getRepository(Order).findOneByOrFail({ id: orderId });
    // The same call each time the worker tries again: one ledger entry, its attempts counted.
    const call = await this.ledger.record(inspectionOrderIntent(order.orderNo, detail));
    let vendorOrderId: string;
    try {
      vendorOrderId = await this.vendor.raw(detail.userId, (token) =>
        this.vendor.client.createInspectionOrder(vendorOrderInput(detail), token),
      );
    } catch (error) {
      // 1142 after a lost answer: the car's open order at Docloud is ours, so the call did arrive.
      const arrived = isOpenOrderRefusal(error) && order.vendorStatus === STEP_PAID_UNCONFIRMED.vendorStatus;
      await (arrived ? this.ledger.succeeded(call, { openOrder: '1142' }) : this.ledger.threw(call, error));
      return this.vendorFailed(order, error);
    }
    await this.ledger.succeeded(call, { vendorOrderId });
    await this.transactions.run(async (manager) => {
      await manager.update(
        InspectionOrderDetail,
        { id: detail.id },
        { vendorOrderId, worderStatus: 10, updatedAt: new Date() },
      );
      await this.orders.recordVendorRef(manager, orderId, vendorOrderId);
      await this.orders.applyStep(manager, orderId, STEP_PLACED, {
        actor: 'system',
        message: '已向年检服务商下单',
        payload: { vendorOrderId },
      });
    });
    // On credit the vendor has usually moved on already (15 待取件): show it if it answers now.
    await this.status.refresh({ ...detail, vendorOrderId, worderStatus: 10 }).catch(() => undefined);
    return { outcome: 'delivered' };
  }

  private async vendorFailed(order: Order, error: unknown): Promise<FulfilmentResult> {
    this.logger.warn(`paid inspection order ${order.id} not placed: ${maskText(String(error))}`);
    if (isOutcomeUnknown(error)) {
      await this.step(order.id, STEP_PAID_UNCONFIRMED, '服务商未及时答复，正在确认下单结果');
      return { outcome: 'retry', reason: String(error) };
    }
    if (isOpenOrderRefusal(error) && order.vendorStatus === STEP_PAID_UNCONFIRMED.vendorStatus) {
      // Our earlier attempt, whose answer was lost, made it: the vendor is handling the order.
      await this.step(order.id, STEP_UNKNOWN_ID, UNKNOWN_ID_MESSAGE);
      return { outcome: 'delivered' };
    }
    const why = isDocloudError(error, '1105')
      ? '服务商的服务费已变化'
      : vendorErrorToAppError(error, SERVICE_NAME).message.slice(0, 60);
    await this.step(order.id, STEP_REFUSED, `年检服务商未受理：${why}；已为您申请全额退款`);
    return { outcome: 'failed', reason: '年检服务商未受理，全额退款' };
  }

  private step(orderId: number, step: OrderStep, message: string): Promise<unknown> {
    return this.transactions.run((manager) =>
      this.orders.applyStep(manager, orderId, step, { actor: 'system', message }),
    );
  }
}
