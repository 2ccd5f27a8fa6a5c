import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  DOCLOUD_CALLBACK_ACK,
  verifyOrderStatusCallback,
  type DocloudOrderStatusEvent,
} from '@banshi/vendor-clients/docloud';
import { MoreThan, type EntityManager } from 'typeorm';
import type { CallbackHandler } from '../../callbacks/callback-handler.js';
import { CallbackInbox } from '../../callbacks/callback-inbox.service.js';
import type { RawCallback } from '../../callbacks/vendor-event.entity.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { OrderUpdatesService } from '../orders/order-updates.service.js';
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
    const detail = await manager.findOne(ViolationOrder, { where: { vendorOrderId: event.orderId } });
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
    return { orderId: detail.orderId, outcome: result.applied ? 'transitioned' : result.reason };
  }

  acknowledge() {
    return { status: 200, body: DOCLOUD_CALLBACK_ACK };
  }

  failure(reason: string) {
    return DOCLOUD_ANSWERS.failure(reason);
  }

  rejection() {
    return DOCLOUD_ANSWERS.rejection();
  }
}

function creatingRecently(manager: EntityManager): Promise<boolean> {
  const since = new Date(Date.now() - 5 * 60_000);
  return manager.getRepository(ViolationOrder).existsBy({ state: 'creating', createdAt: MoreThan(since) });
}
