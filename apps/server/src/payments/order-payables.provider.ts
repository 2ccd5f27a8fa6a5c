import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThan, type SelectQueryBuilder } from 'typeorm';
import type { PayableDto } from '../orders/dto/order.dto.js';
import { ORDER_PAYABLES, type OrderPayables } from '../orders/order-payables.js';
import type { Order } from '../orders/order.entity.js';
import { Payment, type PaymentStatus } from './entities/payment.entity.js';

/** A payment the user can still make: not paid, not closed, not past its `time_expire`. */
const UNPAID: PaymentStatus[] = ['created', 'paying'];

/** 我的订单's view of payments: the 待支付 tab joins the open payment, the cards show what is left to pay. */
@Injectable()
export class PaymentOrderPayables implements OrderPayables {
  constructor(private readonly dataSource: DataSource) {}

  onlyAwaitingPayment(query: SelectQueryBuilder<Order>): void {
    query.innerJoin(Payment, 'p', 'p.order_id = o.id AND p.status IN (:...unpaid) AND p.expires_at > :now', {
      unpaid: UNPAID,
      now: new Date(),
    });
  }

  async payablesOf(orderIds: number[]): Promise<Map<number, PayableDto>> {
    if (orderIds.length === 0) return new Map();
    const open = await this.dataSource.getRepository(Payment).find({
      where: { orderId: In(orderIds), status: In(UNPAID), expiresAt: MoreThan(new Date()) },
      select: { orderId: true, amountFen: true, expiresAt: true },
    });
    return new Map(open.map((p) => [p.orderId, { amountFen: p.amountFen, expiresAt: p.expiresAt.toISOString() }]));
  }
}

export const orderPayablesProvider = { provide: ORDER_PAYABLES, useClass: PaymentOrderPayables };
