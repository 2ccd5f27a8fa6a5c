import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Transactions } from '../../database/transactions.js';
import { OrdersService } from '../../orders/orders.service.js';
import { PaidServices, type FulfilmentResult, type PaidService } from '../../payments/paid-services.js';
import { ViolationOrder } from '../entities/violation-order.entity.js';
import { Exclusive } from '../exclusive.service.js';
import { createLeaseName, CREATE_LEASE_MS } from './create-lease.js';
import { ViolationVendorOrders } from './violation-vendor-orders.js';

/**
 * 违章代缴 in credit mode as a paid service: the order is placed at Docloud only once the user has
 * paid for it, under the order's own `outOrderNo` (so a resend after a lost answer cannot make a
 * second one). Accepted → delivered (Docloud's later news may still refund the violations it could
 * not pay, see OrderUpdatesService); refused → failed, refunded in full; no answer → tried again.
 */
@Injectable()
export class ViolationPaidService implements PaidService, OnModuleInit {
  readonly kind = 'violation_payment' as const;
  private readonly logger = new Logger(ViolationPaidService.name);

  constructor(
    private readonly paidServices: PaidServices,
    private readonly vendorOrders: ViolationVendorOrders,
    private readonly orders: OrdersService,
    private readonly transactions: Transactions,
    private readonly leases: Exclusive,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.paidServices.register(this);
  }

  async onPaid(orderId: number): Promise<FulfilmentResult> {
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneByOrFail({ orderId });
    // The create lease: a callback for this order waits while the create call is under way, and a
    // repeated create request with the same key does not race this one (see createLeaseName).
    const run = await this.leases.runIfFree(
      createLeaseName(detail.userId, detail.idempotencyKey),
      CREATE_LEASE_MS,
      () => this.place(orderId),
    );
    return run.ran ? run.value : { outcome: 'retry', reason: 'the order is being placed elsewhere' };
  }

  private async place(orderId: number): Promise<FulfilmentResult> {
    const detail = await this.dataSource.getRepository(ViolationOrder).findOneByOrFail({ orderId });
    if (detail.state === 'created' || detail.state === 'unknown') return { outcome: 'delivered' };
    if (detail.state === 'refused') return { outcome: 'failed', reason: '服务商未受理，全额退款' };
    const first = detail.state === 'priced';
    if (first) {
      // From now on the attempt may be at Docloud: a callback for it can be matched (adoptLostOrder).
      await this.dataSource
        .getRepository(ViolationOrder)
        .update({ id: detail.id, state: 'priced' }, { state: 'creating', updatedAt: new Date() });
      detail.state = 'creating';
    }
    const outcome = await this.vendorOrders.submit(detail, '；已为您申请全额退款');
    switch (outcome.kind) {
      case 'created':
      case 'lost':
        return { outcome: 'delivered' };
      case 'refused':
        return { outcome: 'failed', reason: '服务商未受理，全额退款' };
      case 'unavailable':
        this.logger.warn(`paid violation order ${orderId} not placed yet: ${outcome.error.message}`);
        if (first) await this.note(orderId, '服务商暂时无法受理，正在自动重试（不会重复下单）');
        return { outcome: 'retry', reason: outcome.error.message };
    }
  }

  private note(orderId: number, message: string): Promise<unknown> {
    return this.transactions.run((manager) =>
      this.orders.note(manager, orderId, 'vendor_error', { actor: 'system', message }),
    );
  }
}
