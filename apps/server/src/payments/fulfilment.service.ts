import { Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import pLimit from 'p-limit';
import { LeaseService } from '../common/locks/lease.service.js';
import { forUpdate, Transactions } from '../database/transactions.js';
import { Order } from '../orders/order.entity.js';
import { Payment } from './entities/payment.entity.js';
import { PaidServices, type FulfilmentResult } from './paid-services.js';
import { RefundsService } from './refunds.service.js';
import { REFUND_KEYS } from './refund-keys.js';

/** A service's vendor call is never made twice at once for one order (across instances). */
const FULFIL_LEASE_MS = 5 * 60_000;
/** Paid orders handed to their services at the same time, per tick and instance. */
const FULFIL_CONCURRENCY = 4;

/**
 * Paid orders whose service is still owed: each is handed to its service's `onPaid`, under a lease
 * per payment, until the service says delivered or failed. A failure refunds what the service
 * says was not delivered (all of it by default), once (`out_refund_no` = order number + `F`).
 */
@Injectable()
export class FulfilmentService {
  private readonly logger = new Logger(FulfilmentService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly leases: LeaseService,
    private readonly services: PaidServices,
    private readonly refunds: RefundsService,
  ) {}

  async runDue(limit = 20): Promise<number> {
    const due = await this.dataSource.getRepository(Payment).find({
      where: { fulfilment: 'due', fulfilNextAt: LessThanOrEqual(new Date()) },
      order: { fulfilNextAt: 'ASC' },
      take: limit,
    });
    // A few at once: each waits mostly on its vendor, and one after another the 20th paid order of a
    // busy minute waited for 19 vendor calls (the payments bench's notification → vendor call p99).
    // Each runs under its own lease, so other instances and the next tick never take the same one.
    const atOnce = pLimit(FULFIL_CONCURRENCY);
    const runs = await Promise.all(
      due.map((payment) =>
        atOnce(() =>
          this.leases.runIfFree(`payment:fulfil:${payment.id}`, FULFIL_LEASE_MS, () => this.fulfil(payment.id)),
        ),
      ),
    );
    return runs.filter((run) => run.ran).length;
  }

  private async fulfil(paymentId: number): Promise<void> {
    // Read again under the lease: another instance may have finished it since the list was read.
    const payment = await this.dataSource.getRepository(Payment).findOneBy({ id: paymentId });
    if (!payment || payment.fulfilment !== 'due') return;
    const order = await this.dataSource.getRepository(Order).findOneByOrFail({ id: payment.orderId });
    let result: FulfilmentResult;
    try {
      result = await this.services.get(order.kind).onPaid(order.id);
    } catch (error) {
      this.logger.error({ err: error, orderId: order.id }, 'paid service threw; trying again later');
      result = { outcome: 'retry', reason: String(error) };
    }
    if (result.outcome === 'retry') return this.later(payment);
    if (result.outcome === 'awaiting_user') {
      await this.dataSource
        .getRepository(Payment)
        .update({ id: payment.id, fulfilment: 'due' }, { fulfilNextAt: result.until, updatedAt: new Date() });
      return;
    }
    if (result.outcome === 'delivered') {
      await this.dataSource.getRepository(Payment).update({ id: payment.id }, { fulfilment: 'done' });
      return;
    }
    const refund = await this.transactions.run(async (manager) => {
      const locked = await manager.findOne(Payment, { where: { id: payment.id }, ...forUpdate(manager) });
      if (!locked || locked.fulfilment !== 'due') return null;
      const amount = Math.min(result.refundFen ?? locked.paidFen, locked.paidFen - locked.refundedFen);
      const whole = amount >= locked.paidFen;
      await manager.update(Payment, { id: locked.id }, { fulfilment: whole ? 'refunded' : 'done' });
      if (amount <= 0) return null;
      return this.refunds.request(manager, locked, amount, result.reason, REFUND_KEYS.serviceFailed);
    });
    if (refund) await this.refunds.send(refund.id);
  }

  /** The service has news for a paid order (the user did their part): its `onPaid` is asked now. */
  async wake(orderId: number): Promise<void> {
    await this.dataSource
      .getRepository(Payment)
      .update({ orderId, fulfilment: 'due' }, { fulfilNextAt: new Date(), updatedAt: new Date() });
  }

  private async later(payment: Payment): Promise<void> {
    const attempts = payment.fulfilAttempts + 1;
    const delayMs = Math.min(10_000 * 2 ** Math.min(attempts, 8), 30 * 60_000);
    await this.dataSource
      .getRepository(Payment)
      .update(
        { id: payment.id },
        { fulfilAttempts: attempts, fulfilNextAt: new Date(Date.now() + delayMs), updatedAt: new Date() },
      );
  }
}
