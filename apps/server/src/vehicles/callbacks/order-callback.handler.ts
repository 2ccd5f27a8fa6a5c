import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  DOCLOUD_CALLBACK_ACK,
  verifyOrderStatusCallback,
  type DocloudOrderStatusEvent,
} from '@banshi/vendor-clients/docloud';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import type { CallbackHandler } from '../../callbacks/callback-handler.js';
import { CallbackInbox } from '../../callbacks/callback-inbox.service.js';
import type { RawCallback } from '../../callbacks/vendor-event.entity.js';
import { findRow } from '../../database/row-statements.js';
import { LeaseService } from '../../common/locks/lease.service.js';
import { OrdersService } from '../../orders/orders.service.js';
import { OutgoingCallLedger } from '../../outgoing-calls/outgoing-call-ledger.service.js';
import { PaymentWorker } from '../../payments/payment-worker.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { OrderUpdatesService } from '../orders/order-updates.service.js';
import { createLeaseName } from '../orders/create-lease.js';
import { VIOLATION_ORDER_OPERATION } from '../orders/violation-order-calls.js';
import { DOCLOUD_ANSWERS, DOCLOUD_CALLBACK_CREDENTIALS, type DocloudCredentials } from './docloud-credentials.js';

/** A status for an order whose creation has not been committed yet: the vendor should try again. */
class OrderNotReadyError extends Error {}

/**
 * 《订单状态变更通知》 at `POST /api/callbacks/docloud/order`: paid, done (maybe partly refunded),
 * closed. One event per order and status; applied once through the inbox.
 */
@Injectable()
export class OrderCallbackHandler implements CallbackHandler<DocloudOrderStatusEvent>, OnModuleInit {
  readonly vendor = 'docloud';
  readonly topic = 'order';

  constructor(
    private readonly inbox: CallbackInbox,
    private readonly updates: OrderUpdatesService,
    private readonly orders: OrdersService,
    private readonly leases: LeaseService,
    private readonly ledger: OutgoingCallLedger,
    private readonly payments: PaymentWorker,
    @Inject(DOCLOUD_CALLBACK_CREDENTIALS) private readonly credentials: DocloudCredentials,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this);
  }

  verify(raw: RawCallback) {
    const event = verifyOrderStatusCallback({ rawQuery: raw.query, rawBody: raw.body }, this.credentials);
    return {
      dedupeKey: `docloud:order:${event.orderId}:${event.orderStatus}`,
      event,
      summary: { orderId: event.orderId, orderStatus: event.orderStatus, refundMoneyFen: event.refundMoneyFen },
    };
  }

  async apply(
    event: DocloudOrderStatusEvent,
    { manager, vendorEventId }: { manager: EntityManager; vendorEventId: number },
  ) {
    const detail =
      (await findRow(manager, ViolationOrder, { vendorOrderId: event.orderId })) ??
      (await this.adoptLostOrder(manager, event, vendorEventId));
    if (!detail) {
      // Credit orders are paid moments after they are created: this may be ours, not yet committed.
      if (await creatingRecently(manager)) throw new OrderNotReadyError(`order ${event.orderId} is not recorded yet`);
      return { outcome: 'no_order' };
    }
    const result = await this.updates.apply(manager, detail, event, {
      actor: 'vendor',
      vendorEventId,
      source: '服务商通知',
    });
    return {
      orderId: detail.orderId,
      outcome: result.applied ? 'transitioned' : result.reason,
      // A prepaid order that ended may owe the user a refund, recorded with the update: sent now.
      // Only then: a tick of the payments worker per callback would be most of the route's work.
      afterCommit: result.refundRecorded ? () => this.payments.kick() : undefined,
    };
  }

  /**
   * An order whose create answer was lost (1117 on the resend, or no resend yet) has no vendor id
   * here, and Docloud cannot be asked for it by our number. Its callbacks carry the violations'
   * codes, which are unique and which the vendor orders only once (1104), so the one attempt of
   * ours for exactly those codes is that order: it takes the vendor's id and follows it from now on.
   * Not while that attempt's create call is still under way: the vendor (a credit order is paid at
   * once) can call back before its answer to the create reaches us, and that answer will record the
   * id; the vendor is asked to retry, and its retry finds the order by its id.
   */
  private async adoptLostOrder(
    manager: EntityManager,
    event: DocloudOrderStatusEvent,
    vendorEventId: number,
  ): Promise<ViolationOrder | null> {
    const codes = new Set(event.violations.map((v) => v.code));
    if (codes.size === 0) return null;
    const lost = await manager.find(ViolationOrder, {
      where: { state: In(['unknown', 'creating']), vendorOrderId: IsNull() },
    });
    const matches = lost.filter(
      (candidate) => candidate.items.length === codes.size && candidate.items.every((item) => codes.has(item.code)),
    );
    if (matches.length !== 1) return null;
    const [detail] = matches;
    if (
      detail.state === 'creating' &&
      (await this.leases.isHeld(manager, createLeaseName(detail.userId, detail.idempotencyKey)))
    ) {
      throw new OrderNotReadyError(`order ${event.orderId} is being created: its answer is on its way`);
    }
    await manager.update(
      ViolationOrder,
      { id: detail.id },
      { state: 'created', vendorOrderId: event.orderId, updatedAt: new Date() },
    );
    await this.orders.recordVendorRef(manager, detail.orderId, event.orderId);
    Object.assign(detail, { state: 'created', vendorOrderId: event.orderId });
    await this.ledger.settleSubject(
      manager,
      {
        vendor: 'docloud',
        subjectKind: 'order',
        subjectId: detail.outOrderNo,
        operations: [VIOLATION_ORDER_OPERATION],
      },
      { result: 'succeeded', summary: { vendorOrderId: event.orderId } },
    );
    await this.orders.note(manager, detail.orderId, 'vendor_confirmed', {
      actor: 'vendor',
      message: '服务商确认已收到订单',
      payload: { vendorOrderId: event.orderId },
      vendorEventId,
    });
    return detail;
  }

  acknowledge() {
    return { status: 200, body: DOCLOUD_CALLBACK_ACK };
  }

  failure(reason: string) {
    return DOCLOUD_ANSWERS.failure(reason);
  }

  rejection(reason: string, error?: unknown) {
    return DOCLOUD_ANSWERS.rejection(reason, error);
  }
}

function creatingRecently(manager: EntityManager): Promise<boolean> {
  const since = new Date(Date.now() - 5 * 60_000);
  return manager.getRepository(ViolationOrder).existsBy({ state: 'creating', createdAt: MoreThan(since) });
}
