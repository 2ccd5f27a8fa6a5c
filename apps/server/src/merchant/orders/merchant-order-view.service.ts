import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { VendorEvent } from '../../callbacks/vendor-event.entity.js';
import { maskPayload, maskPhone } from '../../common/crypto/masking.js';
import type { MerchantOrderSummaryDto } from '../../orders/dto/order.dto.js';
import { OrderEvent } from '../../orders/order-event.entity.js';
import { KIND_LABELS, STATUS_LABELS, type OrderStatus } from '../../orders/order-status.js';
import { OrderStatusRefreshers } from '../../orders/order-status-refresher.js';
import { OrdersService } from '../../orders/orders.service.js';
import { MerchantPaymentsService } from '../../payments/merchant/merchant-payments.service.js';
import { paymentSections } from '../../payments/merchant/payment-sections.js';
import { OrderViewDescribers, type ViewSection } from '../../orders/view/order-view.js';
import { chinaMinute, section, text, yuan } from '../../orders/view/view-format.js';
import { User } from '../../users/user.entity.js';
import { CALLBACK_COLUMNS, toCallbackDto } from '../callback-view.js';
import type { MerchantOrderViewDto, TimelineEntryDto, VendorEventViewDto } from '../dto/order-view.dto.js';
import { ACTOR_LABELS, eventTypeLabel, outcomeLabel, unknownVendorStatus, vendorLabel } from './order-view-labels.js';

/**
 * An order described for the merchant, section by section (see `orders/view/order-view.ts`): the
 * order, its payment and refunds (priced orders), its user, the service's own sections, the
 * timeline, and every vendor event behind it.
 * A vendor event is a callback, or — for kinds whose vendor sends none (annual inspection) or
 * answers synchronously (identity) — an answer to our own query, which is on the timeline as a
 * vendor step without a callback; counting callbacks alone showed 0 beside four vendor steps.
 */
@Injectable()
export class MerchantOrderViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly describers: OrderViewDescribers,
    private readonly refreshers: OrderStatusRefreshers,
    private readonly payments: MerchantPaymentsService,
  ) {}

  async view(orderId: number): Promise<MerchantOrderViewDto> {
    const { order, events } = await this.orders.getForMerchant(orderId);
    const describer = this.describers.get(order.kind);
    const vendorStatus = (raw: string | null) =>
      raw === null || raw === '' ? null : (describer?.vendorStatusLabel(raw) ?? unknownVendorStatus(raw));
    const [user, kindSections, vendorEvents, payment] = await Promise.all([
      this.userSection(order.userId),
      describer ? describer.sections(orderId) : Promise.resolve([]),
      this.vendorEvents(orderId),
      this.payments.forOrder(orderId),
    ]);
    const timeline: TimelineEntryDto[] = events.map((event) => ({
      id: event.id,
      at: chinaMinute(event.createdAt),
      actor: ACTOR_LABELS[event.actor] ?? '系统',
      text: event.message || eventTypeLabel(event.type),
      status: event.toStatus ? STATUS_LABELS[event.toStatus] : null,
      vendorStatus: vendorStatus(event.vendorStatus),
    }));
    return {
      order,
      heading: `${KIND_LABELS[order.kind]} · ${STATUS_LABELS[order.status]}`,
      sections: [
        this.overview(order, vendorStatus(order.vendorStatus)),
        ...(payment ? paymentSections(payment) : []),
        user,
        ...kindSections,
      ],
      timeline,
      vendorEvents,
      canRefreshStatus: this.refreshers.has(order.kind),
      payment,
    };
  }

  private overview(order: MerchantOrderSummaryDto, vendorStatus: string | null): ViewSection {
    return section('order', '订单信息', [
      text('订单号', order.orderNo),
      text('业务', KIND_LABELS[order.kind]),
      text('标题', order.title),
      text('状态', STATUS_LABELS[order.status], toneOf(order.status)),
      text('服务商状态', vendorStatus),
      text('服务商单号', order.vendorRef),
      text('金额', yuan(order.amountFen)),
      text('下单时间', chinaMinute(order.createdAt)),
      text('最后更新', chinaMinute(order.updatedAt)),
    ]);
  }

  private async userSection(userId: number): Promise<ViewSection> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) return section('user', '下单用户', [text('用户编号', userId), text('状态', '用户已注销')]);
    return section('user', '下单用户', [
      text('昵称', user.nickname),
      text('用户编号', user.id),
      text('手机号', maskPhone(user.phone) ?? '未绑定'),
      text('注册时间', chinaMinute(user.createdAt)),
    ]);
  }

  private async vendorEvents(orderId: number): Promise<MerchantOrderViewDto['vendorEvents']> {
    const [callbacks, queried] = await Promise.all([
      this.dataSource
        .getRepository(VendorEvent)
        .find({ where: { orderId }, select: CALLBACK_COLUMNS, order: { id: 'ASC' } }),
      this.dataSource.getRepository(OrderEvent).find({
        where: { orderId, actor: 'vendor', vendorEventId: IsNull() },
        order: { id: 'ASC' },
      }),
    ]);
    const items = [...callbacks.map(callbackItem), ...queried.map(queryItem)].sort((a, b) =>
      a.sortAt === b.sortAt ? a.key.localeCompare(b.key) : a.sortAt - b.sortAt,
    );
    const total = items.length;
    return {
      total,
      callbacks: callbacks.length,
      queries: queried.length,
      title: `服务商事件（${total}）`,
      items: items.map(({ sortAt: _sortAt, ...item }) => item),
    };
  }
}

type SortableItem = VendorEventViewDto & { sortAt: number };

function callbackItem(row: VendorEvent): SortableItem {
  const dto = toCallbackDto(row);
  const tone = row.status === 'applied' ? 'success' : row.status === 'rejected' ? 'danger' : 'warning';
  return {
    key: `cb-${row.id}`,
    callbackId: row.id,
    source: '回调',
    at: chinaMinute(row.receivedAt),
    sortAt: row.receivedAt.getTime(),
    title: `${vendorLabel(row.vendor)}回调`,
    verification: dto.verified ? '验签通过' : '验签失败',
    result: outcomeLabel(row),
    tone,
    fields: [
      text('重复推送', `${dto.repeatCount} 次`),
      text('处理次数', `${dto.attempts} 次`),
      dto.reason ? text('原因', dto.reason, tone) : null,
      text('最后处理', chinaMinute(row.updatedAt)),
    ].filter((field) => field !== null),
    replayable: dto.replayable,
    payload: JSON.stringify(dto.payload, null, 2),
  };
}

function queryItem(event: OrderEvent): SortableItem {
  let payload: unknown = {};
  try {
    payload = event.payload ? maskPayload(JSON.parse(event.payload)) : {};
  } catch {
    payload = {};
  }
  return {
    key: `ev-${event.id}`,
    callbackId: null,
    source: '查询',
    at: chinaMinute(event.createdAt),
    sortAt: event.createdAt.getTime(),
    title: event.message || eventTypeLabel(event.type),
    verification: '主动查询（无需验签）',
    result: event.toStatus ? `订单状态：${STATUS_LABELS[event.toStatus]}` : eventTypeLabel(event.type),
    tone: event.type === 'vendor_error' ? 'danger' : 'normal',
    fields: [],
    replayable: false,
    payload: JSON.stringify(payload, null, 2),
  };
}

function toneOf(status: OrderStatus): 'success' | 'warning' | 'danger' | 'normal' {
  if (status === 'completed') return 'success';
  if (status === 'failed') return 'danger';
  if (status === 'action_required') return 'warning';
  return 'normal';
}
