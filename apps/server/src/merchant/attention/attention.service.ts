import { Inject, Injectable, Logger } from '@nestjs/common';
import { Brackets, DataSource, MoreThanOrEqual, type SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import { CallbackInbox } from '../../callbacks/callback-inbox.service.js';
import { VendorEvent } from '../../callbacks/vendor-event.entity.js';
import { AppError } from '../../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../../common/keyset.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { Transactions } from '../../database/transactions.js';
import { FINAL_STATUSES, ORDER_KINDS, ORDER_STATUSES, type OrderKind } from '../../orders/order-status.js';
import { OrderStatusRefreshers } from '../../orders/order-status-refresher.js';
import { Order } from '../../orders/order.entity.js';
import { OrdersService, toMerchantSummary } from '../../orders/orders.service.js';
import { PendingCallsService } from '../../outgoing-calls/pending-calls.service.js';
import { ReconciliationQueries } from '../../payments/reconciliation/reconciliation-queries.js';
import { MerchantAuditService } from '../audit/merchant-audit.service.js';
import { CALLBACK_COLUMNS, toCallbackDto } from '../callback-view.js';
import type { VendorCallbackDto } from '../dto/callback.dto.js';
import type {
  AttentionCallbackQueryDto,
  AttentionSummaryDto,
  ReplayResultDto,
  StuckOrderDto,
  StuckOrderQueryDto,
} from './attention.dto.js';
import { decodeStuckCursor, encodeStuckCursor } from './stuck-cursor.js';

const OPEN_STATUSES = ORDER_STATUSES.filter((status) => !FINAL_STATUSES.has(status));
const WEEK_MS = 7 * 86_400_000;

/**
 * What needs the merchant: callbacks that were rejected or failed while applying, stuck orders, and
 * (counted here, listed by `reconciliation/` and `outgoing-calls/`) the differences of the daily
 * reconciliation and the vendor calls whose outcome only a person can settle.
 */
@Injectable()
export class AttentionService {
  private readonly logger = new Logger(AttentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly inbox: CallbackInbox,
    private readonly orders: OrdersService,
    private readonly refreshers: OrderStatusRefreshers,
    private readonly audit: MerchantAuditService,
    private readonly reconciliation: ReconciliationQueries,
    private readonly pendingCalls: PendingCallsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Rejected and failed callbacks, newest first (index `(status, id)`). */
  async callbacks(query: AttentionCallbackQueryDto): Promise<Page<VendorCallbackDto>> {
    const limit = query.limit ?? 20;
    const before = decodeCursor(query.cursor);
    const builder = this.dataSource
      .getRepository(VendorEvent)
      .createQueryBuilder('e')
      .select(Object.keys(CALLBACK_COLUMNS).map((property) => `e.${property}`))
      .where('e.status IN (:...statuses)', { statuses: query.status ? [query.status] : ['failed', 'rejected'] });
    if (query.vendor) builder.andWhere('e.vendor = :vendor', { vendor: query.vendor });
    if (before !== undefined) builder.andWhere('e.id < :before', { before });
    const rows = await builder
      .orderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toCallbackDto);
  }

  /** Orders past their kind's threshold in a non-final status, longest waiting first. */
  async stuckOrders(query: StuckOrderQueryDto): Promise<Page<StuckOrderDto>> {
    const limit = query.limit ?? 20;
    const after = decodeStuckCursor(query.cursor);
    const now = new Date();
    const builder = this.stuck(now, query.kind);
    if (after) {
      builder
        .andWhere('o.status_changed_at >= :afterAt', { afterAt: after.at })
        .andWhere('(o.status_changed_at > :afterAt OR o.id > :afterId)', { afterId: after.id });
    }
    const rows = await builder
      .orderBy('o.status_changed_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    const hasMore = rows.length > limit;
    const pageRows = hasMore ? rows.slice(0, limit) : rows;
    const last = pageRows[pageRows.length - 1];
    return {
      items: pageRows.map((order) => ({
        ...toMerchantSummary(order),
        statusChangedAt: order.statusChangedAt.toISOString(),
        stuckMinutes: Math.floor((now.getTime() - order.statusChangedAt.getTime()) / 60_000),
        thresholdMinutes: this.config.stuckOrderMinutes[order.kind],
        canRefreshStatus: this.refreshers.has(order.kind),
      })),
      nextCursor: hasMore ? encodeStuckCursor({ at: last.statusChangedAt, id: last.id }) : null,
    };
  }

  async summary(): Promise<AttentionSummaryDto> {
    const events = this.dataSource.getRepository(VendorEvent);
    const [failedCallbacks, rejectedCallbacks, stuckOrders, reconciliationMismatches, unknownCalls] = await Promise.all(
      [
        events.countBy({ status: 'failed' }),
        events.countBy({ status: 'rejected', receivedAt: MoreThanOrEqual(new Date(Date.now() - WEEK_MS)) }),
        this.stuck(new Date()).getCount(),
        this.reconciliation.count(),
        this.pendingCalls.count(),
      ],
    );
    return {
      failedCallbacks,
      rejectedCallbacks,
      stuckOrders,
      reconciliationMismatches,
      unknownCalls,
      thresholds: { ...this.config.stuckOrderMinutes },
    };
  }

  /**
   * Applies a failed callback again through the inbox (once: a second replay finds it applied and
   * is refused), notes it on the order's timeline and in the audit log.
   */
  async replay(merchant: AuthenticatedMerchant, eventId: number, ip: string): Promise<ReplayResultDto> {
    const target = `vendor_event:${eventId}`;
    let stored: VendorEvent;
    try {
      stored = await this.inbox.replay(eventId);
    } catch (error) {
      const refusal = this.replayError(error);
      await this.audit.recordFor(
        merchant,
        'callback_replay',
        target,
        { ok: false, refusal: refusal.getResponse() },
        ip,
      );
      throw refusal;
    }
    const applied = stored.status === 'applied';
    if (stored.orderId !== null) {
      const message = applied
        ? `商户重放了服务商回调 #${eventId}，已处理`
        : `商户重放了服务商回调 #${eventId}，仍然处理失败`;
      await this.transactions.run((manager) =>
        this.orders.note(manager, stored.orderId as number, 'merchant_replay', { actor: 'merchant', message }),
      );
    }
    await this.audit.recordFor(
      merchant,
      'callback_replay',
      target,
      { ok: applied, vendor: stored.vendor, topic: stored.topic, status: stored.status, orderId: stored.orderId },
      ip,
    );
    const row = await this.dataSource
      .getRepository(VendorEvent)
      .findOneOrFail({ where: { id: eventId }, select: CALLBACK_COLUMNS });
    return { applied, callback: toCallbackDto(row) };
  }

  private replayError(error: unknown): AppError {
    if (error instanceof AppError) return error;
    // The stored request no longer passes the vendor's checks, or its files could not be fetched again.
    this.logger.warn({ err: error }, 'replay could not start');
    return AppError.conflict('REPLAY_FAILED', '重放失败：该回调无法再次校验或准备，请稍后重试或等待服务商重发');
  }

  /** Non-final orders whose status has not changed for longer than their kind's threshold. */
  private stuck(now: Date, kind?: OrderKind): SelectQueryBuilder<Order> {
    const kinds = kind ? [kind] : [...ORDER_KINDS];
    // Per kind `kind = ? AND status IN (…) AND status_changed_at < ?`: ranges of `idx_orders_stuck`.
    const builder = this.dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .where('o.status IN (:...open)', { open: OPEN_STATUSES });
    return builder.andWhere(
      new Brackets((any) => {
        kinds.forEach((each, index) => {
          const since = new Date(now.getTime() - this.config.stuckOrderMinutes[each] * 60_000);
          any.orWhere(`(o.kind = :stuckKind${index} AND o.status_changed_at < :stuckSince${index})`, {
            [`stuckKind${index}`]: each,
            [`stuckSince${index}`]: since,
          });
        });
      }),
    );
  }
}
