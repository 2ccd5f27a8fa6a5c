import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { maskMiddle } from '../../common/crypto/masking.js';
import {
  decodeOrderCursor,
  encodeOrderCursor,
  filteredOrders,
  orderedAfter,
} from '../../orders/merchant-order-query.js';
import { Order } from '../../orders/order.entity.js';
import { userSummaries, type UserSummary } from '../../users/user-summaries.js';
import { Payment } from '../entities/payment.entity.js';
import { Refund } from '../entities/refund.entity.js';
import { automaticRefundCause, refundInitiator } from '../refund-keys.js';
import type {
  MerchantPaymentPageDto,
  MerchantPaymentQueryDto,
  MerchantPaymentRowDto,
  MerchantRefundRowDto,
} from './merchant-payment.dto.js';
import { PAYMENT_STATUS_WORDS, REFUND_STATUS_WORDS } from './payment-words.js';

/**
 * The merchant's payments: every priced order's payment with its refunds. The list is the orders
 * list joined to its payments (one per order), so it pages by the orders' own keyset cursor
 * (creation time, then id; newest first) over the same indexes, and the order filters it shares
 * (kind, days, order number) are the orders list's own.
 */
@Injectable()
export class MerchantPaymentsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: MerchantPaymentQueryDto): Promise<MerchantPaymentPageDto> {
    const limit = query.limit ?? 20;
    const after = await decodeOrderCursor(this.dataSource, query.cursor, 'desc');
    const [orders, totals] = await Promise.all([
      orderedAfter(this.filtered(query), 'desc', after)
        .limit(limit + 1)
        .getMany(),
      this.filtered(query)
        .select('COUNT(*)', 'total')
        .addSelect('COALESCE(SUM(p.paid_fen), 0)', 'paid')
        .addSelect('COALESCE(SUM(p.refunded_fen), 0)', 'refunded')
        .getRawOne<{ total: string | number; paid: string | number; refunded: string | number }>(),
    ]);
    const hasMore = orders.length > limit;
    const pageOrders = hasMore ? orders.slice(0, limit) : orders;
    const items = await this.rows(pageOrders);
    const last = pageOrders[pageOrders.length - 1];
    return {
      items,
      nextCursor: hasMore ? encodeOrderCursor('desc', last) : null,
      total: Number(totals?.total ?? 0),
      paidFen: Number(totals?.paid ?? 0),
      refundedFen: Number(totals?.refunded ?? 0),
    };
  }

  /** One order's payment as a list row, or null when the order is not priced. */
  async forOrder(orderId: number): Promise<MerchantPaymentRowDto | null> {
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId });
    if (!order) return null;
    const [row] = await this.rows([order]);
    return row ?? null;
  }

  /** Orders that have a payment, with the payments' own filters (status, amount). */
  private filtered(query: MerchantPaymentQueryDto): SelectQueryBuilder<Order> {
    const { kind, from, to, orderNo } = query;
    const builder = filteredOrders(this.dataSource, { kind, from, to, orderNo }).innerJoin(
      Payment,
      'p',
      'p.order_id = o.id',
    );
    if (query.status?.length) builder.andWhere('p.status IN (:...statuses)', { statuses: query.status });
    if (query.minAmountFen !== undefined) builder.andWhere('p.amount_fen >= :minPaid', { minPaid: query.minAmountFen });
    if (query.maxAmountFen !== undefined) builder.andWhere('p.amount_fen <= :maxPaid', { maxPaid: query.maxAmountFen });
    return builder;
  }

  /** The rows of a page of orders, in their order; orders without a payment are left out. */
  private async rows(orders: Order[]): Promise<MerchantPaymentRowDto[]> {
    if (orders.length === 0) return [];
    const payments = await this.dataSource
      .getRepository(Payment)
      .findBy({ orderId: In(orders.map((order) => order.id)) });
    const [refunds, users] = await Promise.all([
      payments.length === 0
        ? Promise.resolve([])
        : this.dataSource
            .getRepository(Refund)
            .find({ where: { paymentId: In(payments.map((p) => p.id)) }, order: { id: 'ASC' } }),
      userSummaries(
        this.dataSource,
        orders.map((order) => order.userId),
      ),
    ]);
    const byOrder = new Map(payments.map((payment) => [payment.orderId, payment]));
    return orders.flatMap((order) => {
      const payment = byOrder.get(order.id);
      if (!payment) return [];
      const own = refunds.filter((refund) => refund.paymentId === payment.id);
      return [toRow(order, payment, own, users.get(order.userId))];
    });
  }
}

/** What may still be refunded: paid, less every refund that has not failed (as `RefundsService` counts). */
export function refundableFen(payment: Payment, refunds: Refund[]): number {
  const committed = refunds.filter((r) => r.status !== 'closed').reduce((sum, r) => sum + r.amountFen, 0);
  return Math.max(payment.paidFen - committed, 0);
}

function toRow(
  order: Order,
  payment: Payment,
  refunds: Refund[],
  user: UserSummary | undefined,
): MerchantPaymentRowDto {
  return {
    id: payment.id,
    orderId: order.id,
    orderNo: order.orderNo,
    kind: order.kind,
    title: order.title,
    userId: order.userId,
    userNickname: user?.nickname ?? null,
    userPhoneLast4: user?.phoneLast4 ?? null,
    amountFen: payment.amountFen,
    paidFen: payment.paidFen,
    refundedFen: payment.refundedFen,
    refundableFen: refundableFen(payment, refunds),
    status: payment.status,
    statusLabel: PAYMENT_STATUS_WORDS[payment.status],
    createdAt: payment.createdAt.toISOString(),
    paidAt: payment.paidAt?.toISOString() ?? null,
    transactionId: maskMiddle(payment.transactionId),
    refunds: refunds.map((refund) => toRefundRow(payment, refund)),
  };
}

function toRefundRow(payment: Payment, refund: Refund): MerchantRefundRowDto {
  const initiator = refundInitiator(payment.outTradeNo, refund.outRefundNo);
  const cause = automaticRefundCause(payment.outTradeNo, refund.outRefundNo);
  return {
    outRefundNo: refund.outRefundNo,
    amountFen: refund.amountFen,
    reason: refund.reason,
    status: refund.status,
    statusLabel: REFUND_STATUS_WORDS[refund.status],
    initiator,
    initiatorLabel: initiator === 'merchant' ? '商家退款' : `自动退款${cause ? `（${cause}）` : ''}`,
    createdAt: refund.createdAt.toISOString(),
    succeededAt: refund.succeededAt?.toISOString() ?? null,
  };
}
