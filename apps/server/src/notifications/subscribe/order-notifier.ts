import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { fitSubscribeValue } from '@banshi/vendor-clients/wechat';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { insertRow } from '../../database/row-statements.js';
import { isUniqueViolation } from '../../database/transactions.js';
import { OrderStatusEvents, type OrderStatusChange } from '../../orders/order-status-events.js';
import { KIND_LABELS, STATUS_LABELS, type OrderStatus } from '../../orders/order-status.js';
import { NoticesService } from '../messages/notices.service.js';
import { NotificationOutbox } from './outbox.entity.js';

/**
 * The statuses a user wants to hear about: they must act, or the errand is over. "Processing" is
 * left out on purpose: one acceptance allows one message, and it must not be spent on a step that
 * comes seconds after submitting while the result is still to come.
 */
const ANNOUNCED: Partial<Record<OrderStatus, string>> = {
  action_required: '需要您补充信息，请进入小程序查看',
  completed: '已办理完成，点击查看结果',
  failed: '未能办理，点击查看原因',
  cancelled: '订单已关闭，点击查看详情',
};

/** `2026年12月04日 16:30`, China time: the form WeChat's `time` keys accept. */
export function chinaTime(date: Date): string {
  const china = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${china.slice(0, 4)}年${china.slice(5, 7)}月${china.slice(8, 10)}日 ${china.slice(11, 16)}`;
}

export interface OutboxMessage {
  page: string;
  data: Record<string, string>;
}

/**
 * Turns every announced status change into an in-app message and, when the kind has a template, a
 * subscribe message in the outbox, both inside the change's transaction. The outbox's unique key is
 * the change itself, so a change is announced once whatever replays it.
 */
@Injectable()
export class OrderNotifier implements OnModuleInit {
  constructor(
    private readonly events: OrderStatusEvents,
    private readonly notices: NoticesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.register({ statusChanged: (manager, change) => this.announce(manager, change) });
  }

  private async announce(manager: EntityManager, change: OrderStatusChange): Promise<void> {
    const defaultNote = ANNOUNCED[change.to];
    if (!defaultNote || change.actor === 'user') return;
    const { order } = change;
    const key = `order:${order.id}:${change.to}:${order.progress}`;
    const title = `${KIND_LABELS[order.kind]}${STATUS_LABELS[change.to]}`;
    // `open=service`: the app's generic order page forwards to the service's own page for the order
    // (the mini-program's registry knows which); without a service page it shows the timeline.
    const link = change.notice?.link ?? `/pages/order/index?id=${order.id}&open=service`;
    await this.notices.add(manager, {
      userId: order.userId,
      kind: `order_${change.to}`,
      title: change.notice?.title ?? title,
      body: change.notice?.body ?? `${order.title}：${defaultNote}`,
      link,
      dedupeKey: key,
    });
    const templateId = this.config.subscribe.templates[order.kind];
    if (!templateId) return;
    const fields = this.config.subscribe.fields;
    const message: OutboxMessage = {
      page: link.replace(/^\//, ''),
      data: {
        [fields.service]: fitSubscribeValue(fields.service, KIND_LABELS[order.kind]),
        [fields.orderNo]: order.orderNo,
        [fields.status]: STATUS_LABELS[change.to],
        [fields.note]: fitSubscribeValue(fields.note, change.notice?.body ?? defaultNote),
        [fields.time]: chinaTime(new Date()),
      },
    };
    const now = new Date();
    try {
      await insertRow(manager, NotificationOutbox, {
        dedupeKey: key,
        userId: order.userId,
        orderId: order.id,
        templateId,
        message: JSON.stringify(message),
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      // Already queued for this very change: a replay adds nothing.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
