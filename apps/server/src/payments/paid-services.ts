import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderKind } from '../orders/order-status.js';

/**
 * What a service says about one paid order once its vendor call has been tried:
 * `delivered` (the vendor has it; the money stays), `failed` (the vendor refused or cannot do it:
 * `refundFen` goes back, all of it when absent), `retry` (no answer: try again later, which the
 * service must make safe, e.g. with the vendor's idempotency key or its own unconfirmed-order rule),
 * `awaiting_user` (the user's part comes after paying, e.g. the face photo of an identity check: asked
 * again at `until`, or sooner when the service calls `FulfilmentService.wake`).
 */
export type FulfilmentResult =
  | { outcome: 'delivered' }
  | { outcome: 'failed'; reason: string; refundFen?: number }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'awaiting_user'; until: Date };

/**
 * A priced service plugs into payments with this: when the order's payment is known, the
 * fulfilment worker calls `onPaid` (outside any transaction, at most one call per order at a time)
 * until it answers `delivered` or `failed`. The vendor is never called before that.
 */
export interface PaidService {
  readonly kind: OrderKind;
  onPaid(orderId: number): Promise<FulfilmentResult>;
  /**
   * Optional: the unpaid order was closed (expired or given up), inside the closing transaction,
   * e.g. to schedule the deletion of what the user uploaded for it.
   */
  onClosed?(manager: EntityManager, orderId: number): Promise<void>;
}

/** Services register themselves at start-up (as callback handlers do with the inbox). */
@Injectable()
export class PaidServices {
  private readonly services = new Map<OrderKind, PaidService>();

  register(service: PaidService): void {
    this.services.set(service.kind, service);
  }

  find(kind: OrderKind): PaidService | undefined {
    return this.services.get(kind);
  }

  get(kind: OrderKind): PaidService {
    const service = this.services.get(kind);
    if (!service) throw new Error(`no paid service registered for ${kind}`);
    return service;
  }
}
