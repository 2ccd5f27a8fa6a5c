import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallbackRouter } from '../callbacks/callback-router.js';
import { OrderCallbackHandler } from './callbacks/order-callback.handler.js';
import { ViolationCallbackHandler } from './callbacks/violation-callback.handler.js';

/**
 * Docloud's two callback URLs (set once in its console): order status changes and monitored
 * violation changes. Verified, stored, applied and only then acknowledged, by the inbox.
 */
@Injectable()
export class VehiclesCallbackRoutes implements OnModuleInit {
  constructor(
    private readonly router: CallbackRouter,
    private readonly orders: OrderCallbackHandler,
    private readonly violations: ViolationCallbackHandler,
  ) {}

  onModuleInit(): void {
    // A refund an order update records is sent by the handler's `afterCommit`.
    this.router.mount({ path: 'docloud/order', handler: this.orders });
    this.router.mount({ path: 'docloud/violation', handler: this.violations });
  }
}
