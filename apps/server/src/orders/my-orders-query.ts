import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { MY_ORDER_TAB_STATUSES, type MyOrderTab } from './dto/order.dto.js';
import type { OrderPayables } from './order-payables.js';
import { Order } from './order.entity.js';

/**
 * The user's orders in one tab of 我的订单, newest first, keyset-paged on the id. 待支付 is not an
 * order status (the order is `pending` while its payment is open), so that tab joins the payment.
 */
export function myOrdersQuery(
  dataSource: DataSource,
  payables: OrderPayables,
  userId: number,
  tab: MyOrderTab | undefined,
  before: number | undefined,
): SelectQueryBuilder<Order> {
  const query = dataSource.getRepository(Order).createQueryBuilder('o').where('o.user_id = :userId', { userId });
  if (tab === 'awaiting_payment') {
    payables.onlyAwaitingPayment(query);
  } else if (tab) {
    query.andWhere('o.status IN (:...statuses)', { statuses: MY_ORDER_TAB_STATUSES[tab] });
  }
  if (before !== undefined) query.andWhere('o.id < :before', { before });
  return query.orderBy('o.id', 'DESC');
}
