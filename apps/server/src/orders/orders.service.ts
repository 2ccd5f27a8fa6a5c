import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maskPayload } from '../common/crypto/masking.js';
import { AppError } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/keyset.js';
import type { MyOrderSummaryDto, MyOrderTab } from './dto/order.dto.js';
import { myOrdersQuery } from './my-orders-query.js';
import { ORDER_PAYABLES, type OrderPayables } from './order-payables.js';
import type {
  MerchantOrderDetailDto,
  MerchantOrderListItemDto,
  MerchantOrderQueryDto,
  MerchantOrderSummaryDto,
  OrderDetailDto,
  OrderEventDto,
  OrderSummaryDto,
  UserOrderEventDto,
} from './dto/order.dto.js';
import { decodeOrderCursor, encodeOrderCursor, filteredOrders, orderedAfter } from './merchant-order-query.js';
import { findRow, insertRow, updateRows } from '../database/row-statements.js';
import { OrderEvent, type EventActor } from './order-event.entity.js';
import { OrderStatusEvents, type UserNotice } from './order-status-events.js';
import { decideTransition, type OrderKind, type OrderStep, type TransitionReason } from './order-status.js';
import { Order } from './order.entity.js';
import { OrderViewDescribers } from './view/order-view.js';
import { userSummaries } from '../users/user-summaries.js';

export interface EventMeta {
  actor: EventActor;
  message: string;
  /** Stored masked. */
  payload?: unknown;
  vendorEventId?: number | null;
  /** What to tell the user when this moves the order to another status (else a generic text). */
  notice?: UserNotice;
}

export interface NewOrder {
  kind: OrderKind;
  userId: number;
  title: string;
  amountFen?: number;
  vendorRef?: string | null;
  step: OrderStep;
}

export type TransitionResult =
  { applied: true; order: Order } | { applied: false; reason: TransitionReason; order: Order };

@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statusEvents: OrderStatusEvents,
    private readonly describers: OrderViewDescribers,
    @Inject(ORDER_PAYABLES) private readonly payables: OrderPayables,
  ) {}

  /** Creates an order and its first timeline event, inside the caller's transaction. */
  async create(manager: EntityManager, input: NewOrder, meta: EventMeta): Promise<Order> {
    const now = new Date();
    const order = await manager.save(
      manager.create(Order, {
        orderNo: newOrderNo(now),
        kind: input.kind,
        status: input.step.status,
        vendorStatus: input.step.vendorStatus,
        progress: input.step.progress,
        vendorRef: input.vendorRef ?? null,
        amountFen: input.amountFen ?? 0,
        title: input.title,
        userId: input.userId,
        createdAt: now,
        updatedAt: now,
        statusChangedAt: now,
      }),
    );
    await this.recordEvent(
      manager,
      order.id,
      { type: 'created', fromStatus: null, toStatus: order.status, vendorStatus: order.vendorStatus },
      meta,
    );
    return order;
  }

  /**
   * Moves an order to a new step if that step is ahead of where it is; otherwise the step is
   * recorded on the timeline as ignored and nothing changes. The row is locked for the decision
   * (MySQL `FOR UPDATE`; SQLite transactions are already serialised).
   */
  async applyStep(
    manager: EntityManager,
    orderId: number,
    step: OrderStep,
    meta: EventMeta,
  ): Promise<TransitionResult> {
    const order = await this.lockOrder(manager, orderId);
    const decision = decideTransition(order, step);
    if (!decision.apply) {
      await this.recordEvent(
        manager,
        order.id,
        {
          type: `${IGNORED}${decision.reason}`,
          fromStatus: order.status,
          toStatus: order.status,
          vendorStatus: step.vendorStatus,
        },
        meta,
      );
      return { applied: false, reason: decision.reason, order };
    }
    const now = new Date();
    const from = order.status;
    const patch = {
      status: step.status,
      vendorStatus: step.vendorStatus,
      progress: step.progress,
      updatedAt: now,
      ...(from !== step.status ? { statusChangedAt: now } : {}),
    };
    await updateRows(manager, Order, { id: order.id }, patch);
    Object.assign(order, patch);
    await this.recordEvent(
      manager,
      order.id,
      { type: 'status_changed', fromStatus: from, toStatus: step.status, vendorStatus: step.vendorStatus },
      meta,
    );
    if (from !== step.status) {
      await this.statusEvents.emit(manager, {
        order,
        from,
        to: step.status,
        actor: meta.actor,
        message: meta.message,
        notice: meta.notice,
      });
    }
    return { applied: true, order };
  }

  /** Adds a timeline entry that changes no status (a note, a vendor error, a merchant action). */
  async note(manager: EntityManager, orderId: number, type: string, meta: EventMeta): Promise<void> {
    await this.recordEvent(manager, orderId, { type, fromStatus: null, toStatus: null, vendorStatus: null }, meta);
  }

  /**
   * Records the vendor's own order number, inside the caller's transaction (beside the detail row
   * that stores it too). Every write to `orders` goes through this service.
   */
  async recordVendorRef(manager: EntityManager, orderId: number, vendorRef: string): Promise<void> {
    await manager.update(Order, { id: orderId }, { vendorRef });
  }

  /** The vendor's order number and the price it quoted, recorded together when the vendor takes the order. */
  async recordVendorQuote(
    manager: EntityManager,
    orderId: number,
    vendorRef: string,
    amountFen: number,
  ): Promise<void> {
    await manager.update(Order, { id: orderId }, { vendorRef, amountFen });
  }

  /** Renames the order (the title every list shows), inside the caller's transaction. */
  async retitle(manager: EntityManager, orderId: number, title: string): Promise<void> {
    await manager.update(Order, { id: orderId }, { title });
  }

  async lockOrder(manager: EntityManager, orderId: number): Promise<Order> {
    const order = await findRow(manager, Order, { id: orderId }, { lock: true });
    if (!order) throw AppError.notFound('订单不存在');
    return order;
  }

  async findByVendorRef(manager: EntityManager, kind: OrderKind, vendorRef: string): Promise<Order | null> {
    return manager.findOne(Order, { where: { kind, vendorRef } });
  }

  async listForUser(userId: number, cursor?: string, limit = 20, tab?: MyOrderTab): Promise<Page<MyOrderSummaryDto>> {
    const rows = await myOrdersQuery(this.dataSource, this.payables, userId, tab, decodeCursor(cursor))
      .limit(limit + 1)
      .getMany();
    const payables = await this.payables.payablesOf(rows.slice(0, limit).map((row) => row.id));
    return toPage(rows, limit, (order) => ({ ...toSummary(order), payable: payables.get(order.id) ?? null }));
  }

  /** A user sees only their own orders; anyone else's is "not found", not "forbidden". */
  async getForUser(userId: number, orderId: number): Promise<OrderDetailDto> {
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId, userId });
    if (!order) throw AppError.notFound('订单不存在');
    // A vendor status that changed nothing (a repeat, a late one, one refused by its status order
    // such as a -2 after 办理完成) is for the merchant's eyes: the user would read "订单已取消" under
    // an order that is not, and a timeline that depends on the order the vendor's notices came in.
    const events = (await this.timeline(order.id)).filter((event) => !event.type.startsWith(IGNORED));
    return { ...toSummary(order), events: events.map(toUserEvent) };
  }

  /**
   * Every order of every user, newest (or oldest) first by time, keyset-paged; the filters and
   * their indexes are in `merchant-order-query.ts` (the counts and the export use the same).
   */
  async listForMerchant(filter: MerchantOrderQueryDto): Promise<Page<MerchantOrderListItemDto>> {
    const limit = filter.limit ?? 20;
    const sort = filter.sort ?? 'desc';
    const after = await decodeOrderCursor(this.dataSource, filter.cursor, sort);
    const rows = await orderedAfter(filteredOrders(this.dataSource, filter), sort, after)
      .limit(limit + 1)
      .getMany();
    const hasMore = rows.length > limit;
    const pageRows = hasMore ? rows.slice(0, limit) : rows;
    const last = pageRows[pageRows.length - 1];
    const users = await userSummaries(
      this.dataSource,
      pageRows.map((row) => row.userId),
    );
    const items = pageRows.map((row) => ({
      ...toMerchantSummary(row),
      userNickname: users.get(row.userId)?.nickname ?? null,
      userPhoneLast4: users.get(row.userId)?.phoneLast4 ?? null,
      vendorStatusLabel: row.vendorStatus
        ? (this.describers.get(row.kind)?.vendorStatusLabel(row.vendorStatus) ?? null)
        : null,
    }));
    return { items, nextCursor: hasMore ? encodeOrderCursor(sort, last) : null };
  }

  async getForMerchant(orderId: number): Promise<MerchantOrderDetailDto> {
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId });
    if (!order) throw AppError.notFound('订单不存在');
    return { order: toMerchantSummary(order), events: await this.timeline(order.id) };
  }

  /** Every step of an order, oldest first, with the vendor's codes (the merchant's view). */
  async timeline(orderId: number): Promise<OrderEventDto[]> {
    const events = await this.dataSource.getRepository(OrderEvent).find({ where: { orderId }, order: { id: 'ASC' } });
    return events.map((event) => ({
      id: event.id,
      actor: event.actor,
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      vendorStatus: event.vendorStatus,
      message: event.message,
      createdAt: event.createdAt.toISOString(),
    }));
  }

  private async recordEvent(
    manager: EntityManager,
    orderId: number,
    change: Pick<OrderEvent, 'type' | 'fromStatus' | 'toStatus' | 'vendorStatus'>,
    meta: EventMeta,
  ): Promise<void> {
    await insertRow(manager, OrderEvent, {
      orderId,
      actor: meta.actor,
      ...change,
      message: meta.message.slice(0, 255),
      payload: meta.payload === undefined ? null : JSON.stringify(maskPayload(meta.payload)),
      vendorEventId: meta.vendorEventId ?? null,
      createdAt: new Date(),
    });
  }
}

/** The user's view of a step: only the fields a user reads (the merchant's carry vendor codes too). */
export function toUserEvent(event: UserOrderEventDto): UserOrderEventDto {
  const { id, type, actor, fromStatus, toStatus, message, createdAt } = event;
  return { id, type, actor, fromStatus, toStatus, message, createdAt };
}

/** The prefix of the timeline entries of a vendor status that changed nothing. */
const IGNORED = 'ignored_';

function toSummary(order: Order): OrderSummaryDto {
  return {
    id: order.id,
    orderNo: order.orderNo,
    kind: order.kind,
    status: order.status,
    title: order.title,
    amountFen: order.amountFen,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

export function toMerchantSummary(order: Order): MerchantOrderSummaryDto {
  return { ...toSummary(order), vendorStatus: order.vendorStatus, userId: order.userId, vendorRef: order.vendorRef };
}

/** `BS` + date (China) + 10 random digits: readable on the phone, unguessable enough, unique by index. */
function newOrderNo(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
  return `BS${day}${String(randomInt(0, 1e10)).padStart(10, '0')}`;
}
