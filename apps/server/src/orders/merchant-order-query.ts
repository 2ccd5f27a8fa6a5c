import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { User } from '../users/user.entity.js';
import { chinaDayStart } from './china-day.js';
import type { MerchantOrderSort } from './dto/order.dto.js';
import type { OrderKind, OrderStatus } from './order-status.js';
import { Order } from './order.entity.js';

/** Every filter of the merchant's order list; the counts and the export take the same ones. */
export interface MerchantOrderFilter {
  kind?: OrderKind;
  status?: OrderStatus;
  /** First China day, `YYYY-MM-DD`. */
  from?: string;
  /** Last China day, inclusive. */
  to?: string;
  orderNo?: string;
  vendorRef?: string;
  phoneLast4?: string;
  minAmountFen?: number;
  maxAmountFen?: number;
  /** Only these orders (a selection to export). */
  ids?: number[];
}

/** Where a page ended: the last row's creation time and id, in the list's direction. */
export interface OrderKeyset {
  createdAt: Date;
  id: number;
}

/**
 * The list's rows matching a filter, with the indexes that serve each one (migration
 * 1763900005000): kind / status / kind+status → `(kind|status|kind,status, created_at, id)`, the
 * phone's last four → `users.phone_last4` then `(user_id, created_at, id)`, the vendor reference →
 * `(vendor_ref)`, the order number → its unique key, the amount range → `(amount_fen, created_at, id)`
 * (migration 1764000100000), a selection → the primary key, no filter → `(created_at, id)`.
 */
export function filteredOrders(dataSource: DataSource, filter: MerchantOrderFilter): SelectQueryBuilder<Order> {
  const query = dataSource.getRepository(Order).createQueryBuilder('o');
  if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
  if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
  if (filter.from) query.andWhere('o.created_at >= :from', { from: chinaDayStart(filter.from) });
  if (filter.to) query.andWhere('o.created_at < :to', { to: chinaDayStart(filter.to, 1) });
  const orderNo = filter.orderNo?.trim();
  if (orderNo) query.andWhere('o.order_no = :orderNo', { orderNo });
  const vendorRef = filter.vendorRef?.trim();
  if (vendorRef) query.andWhere('o.vendor_ref = :vendorRef', { vendorRef });
  if (filter.minAmountFen !== undefined)
    query.andWhere('o.amount_fen >= :minAmount', { minAmount: filter.minAmountFen });
  if (filter.maxAmountFen !== undefined)
    query.andWhere('o.amount_fen <= :maxAmount', { maxAmount: filter.maxAmountFen });
  if (filter.ids) query.andWhere('o.id IN (:...ids)', { ids: filter.ids.length > 0 ? filter.ids : [0] });
  if (filter.phoneLast4) {
    query.innerJoin(User, 'u', 'u.id = o.user_id').andWhere('u.phone_last4 = :phoneLast4', {
      phoneLast4: filter.phoneLast4,
    });
  }
  return query;
}

/**
 * Orders the rows by time (newest or oldest first; the id breaks ties) and starts after a keyset.
 * `created_at <= t` is stated on its own so both databases bound the index range by it.
 */
export function orderedAfter(
  query: SelectQueryBuilder<Order>,
  sort: MerchantOrderSort,
  after: OrderKeyset | undefined,
): SelectQueryBuilder<Order> {
  const direction = sort === 'asc' ? 'ASC' : 'DESC';
  if (after) {
    const [bound, strict] = sort === 'asc' ? ['>=', '>'] : ['<=', '<'];
    query
      .andWhere(`o.created_at ${bound} :afterAt`, { afterAt: after.createdAt })
      .andWhere(`(o.created_at ${strict} :afterAt OR o.id ${strict} :afterId)`, { afterId: after.id });
  }
  return query.orderBy('o.created_at', direction).addOrderBy('o.id', direction);
}

/**
 * The list's cursor: direction, creation time in ms and id, opaque to clients. A cursor made for
 * one direction is refused in the other. A cursor of the earlier id-only list (`id:<n>`, newest
 * first) is still understood.
 */
export function encodeOrderCursor(sort: MerchantOrderSort, last: OrderKeyset): string {
  return Buffer.from(`t:${sort}:${last.createdAt.getTime()}:${last.id}`).toString('base64url');
}

export async function decodeOrderCursor(
  dataSource: DataSource,
  cursor: string | undefined,
  sort: MerchantOrderSort,
): Promise<OrderKeyset | undefined> {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const keyset = /^t:(asc|desc):(\d{1,15}):(\d{1,12})$/.exec(text);
  if (keyset) {
    if (keyset[1] !== sort) throw badCursor();
    return { createdAt: new Date(Number(keyset[2])), id: Number(keyset[3]) };
  }
  const legacy = /^id:(\d{1,12})$/.exec(text);
  if (legacy && sort === 'desc') {
    const row = await dataSource
      .getRepository(Order)
      .findOne({ where: { id: Number(legacy[1]) }, select: { id: true, createdAt: true } });
    if (row) return { createdAt: row.createdAt, id: row.id };
  }
  throw badCursor();
}

function badCursor(): AppError {
  return AppError.badRequest('BAD_CURSOR', '分页参数无效，请刷新列表后重试');
}

/** Counts per status of the rows matching a filter (one GROUP BY over the same indexes). */
export async function countByStatus(
  dataSource: DataSource,
  filter: MerchantOrderFilter,
): Promise<{ total: number; byStatus: Partial<Record<OrderStatus, number>> }> {
  const rows = await filteredOrders(dataSource, filter)
    .select('o.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .groupBy('o.status')
    .getRawMany<{ status: OrderStatus; count: string | number }>();
  const byStatus: Partial<Record<OrderStatus, number>> = {};
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    byStatus[row.status] = count;
    total += count;
  }
  return { total, byStatus };
}
