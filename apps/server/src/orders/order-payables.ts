import type { SelectQueryBuilder } from 'typeorm';
import type { PayableDto } from './dto/order.dto.js';
import type { Order } from './order.entity.js';

/**
 * What 我的订单 needs to know about payments: which orders still wait for one, and how much. The
 * payments module provides it (`ORDER_PAYABLES`), because payments builds on orders and orders may
 * not import it back.
 */
export interface OrderPayables {
  /** Narrows a query of orders (aliased `o`) to those with a payment the user can still make. */
  onlyAwaitingPayment(query: SelectQueryBuilder<Order>): void;
  /** What is still to pay on each of these orders. */
  payablesOf(orderIds: number[]): Promise<Map<number, PayableDto>>;
}

export const ORDER_PAYABLES = Symbol('ORDER_PAYABLES');
