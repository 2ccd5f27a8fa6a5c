import { In, MoreThan, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { Payment, type PaymentStatus } from '../payments/entities/payment.entity.js';
import { MY_ORDER_TAB_STATUSES, type MyOrderTab, type PayableDto } from './dto/order.dto.js';
import { Order } from './order.entity.js';

/** A payment the user can still make: not paid, not closed, not past its `time_expire`. */
const UNPAID: PaymentStatus[] = ['created', 'paying'];

/**
 * The user's orders in one tab of 我的订单, newest first, keyset-paged on the id. 待支付 is not an
 * order status (the order is `pending` while its payment is open), so that tab joins the payment.
 */
export function myOrdersQuery(
  dataSource: DataSource,
  userId: number,
  tab: MyOrderTab | undefined,
  before: number | undefined,
): SelectQueryBuilder<Order> {
  const query = dataSource.getRepository(Order).createQueryBuilder('o').where('o.user_id = :userId', { userId });
  if (tab === 'awaiting_payment') {
    query.innerJoin(Payment, 'p', 'p.order_id = o.id AND p.status IN (:...unpaid) AND p.expires_at > :now', {
      unpaid: UNPAID,
      now: new Date(),
    });
  } else if (tab) {
    query.andWhere('o.status IN (:...statuses)', { statuses: MY_ORDER_TAB_STATUSES[tab] });
  }
  if (before !== undefined) query.andWhere('o.id < :before', { before });
  return query.orderBy('o.id', 'DESC');
}

/** What is still to pay on each of these orders (the cards show 待支付 ¥… and 去支付). */
export async function payablesOf(dataSource: DataSource, orderIds: number[]): Promise<Map<number, PayableDto>> {
  if (orderIds.length === 0) return new Map();
  const open = await dataSource.getRepository(Payment).find({
    where: { orderId: In(orderIds), status: In(UNPAID), expiresAt: MoreThan(new Date()) },
    select: { orderId: true, amountFen: true, expiresAt: true },
  });
  return new Map(open.map((p) => [p.orderId, { amountFen: p.amountFen, expiresAt: p.expiresAt.toISOString() }]));
}
