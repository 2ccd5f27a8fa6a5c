import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderStatus } from './order-status.js';
import type { Order } from './order.entity.js';

/** What a service may tell the user about a change, instead of the generic text. */
export interface UserNotice {
  title: string;
  body: string;
  link?: string;
}

export interface OrderStatusChange {
  order: Order;
  from: OrderStatus;
  to: OrderStatus;
  /** Who moved it: a user's own action is not announced back to them. */
  actor: string;
  /** The timeline event's message (for the merchant; may hold vendor words). */
  message: string;
  notice?: UserNotice;
}

export interface OrderStatusListener {
  /** Runs inside the transaction of the change: what it writes commits or rolls back with it. */
  statusChanged(manager: EntityManager, change: OrderStatusChange): Promise<void>;
}

/**
 * The one place every order's status change is announced: `OrdersService.applyStep` calls it in the
 * change's transaction, so whatever a listener stores (an outbox row, a message) exists exactly when
 * the change does. Listeners register themselves; orders knows nothing of them.
 */
@Injectable()
export class OrderStatusEvents {
  private readonly listeners: OrderStatusListener[] = [];

  register(listener: OrderStatusListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, change: OrderStatusChange): Promise<void> {
    for (const listener of this.listeners) await listener.statusChanged(manager, change);
  }
}
