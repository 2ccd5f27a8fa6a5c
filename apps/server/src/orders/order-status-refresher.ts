import { Injectable, Logger } from '@nestjs/common';
import type { OrderKind } from './order-status.js';

/**
 * Asks a vendor for the current status of one order and applies what it says. Only kinds whose
 * vendor has a query API provide one; the merchant console offers "ask the vendor" for those.
 *
 * `refresh` runs outside any transaction: it calls the vendor, then applies the answer in a
 * transaction of its own through `OrdersService.applyStep` (a status never moves backwards, so a
 * query racing a callback is harmless). It throws an `AppError` a person can act on when the vendor
 * cannot answer (`vendorErrorToAppError(error, '服务名')`), and `AppError.notFound` when the order
 * has no details of this kind.
 */
export interface OrderStatusRefresher {
  readonly kind: OrderKind;
  refresh(orderId: number): Promise<void>;
}

/**
 * The refreshers of every kind that has one. Services call `register()` in their `onModuleInit`;
 * no service module is imported by the merchant console, it only asks this registry.
 */
@Injectable()
export class OrderStatusRefreshers {
  private readonly logger = new Logger(OrderStatusRefreshers.name);
  private readonly byKind = new Map<OrderKind, OrderStatusRefresher>();

  register(refresher: OrderStatusRefresher): void {
    if (this.byKind.has(refresher.kind) && this.byKind.get(refresher.kind) !== refresher) {
      this.logger.warn({ kind: refresher.kind }, 'a second status refresher replaces the first');
    }
    this.byKind.set(refresher.kind, refresher);
  }

  get(kind: OrderKind): OrderStatusRefresher | undefined {
    return this.byKind.get(kind);
  }

  has(kind: string): boolean {
    return this.byKind.has(kind as OrderKind);
  }

  kinds(): OrderKind[] {
    return [...this.byKind.keys()];
  }
}
