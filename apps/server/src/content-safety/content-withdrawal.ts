import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StoredFile } from '../common/storage/stored-file.entity.js';
import { NoticesService } from '../notifications/messages/notices.service.js';
import { FINAL_STATUSES } from '../orders/order-status.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import type { MediaCheck } from './media-check.entity.js';

/**
 * Beyond every vendor step: a withdrawn image stops its order for good, and no late vendor callback
 * can move it out of `failed` again.
 */
const WITHDRAWN_PROGRESS = 1_000_000_000;

/**
 * What happens to a flagged image: its file is deleted (at once for viewers: an expired file is not
 * served; its bytes by the retention job), its order, if still running, is stopped, and the user is
 * told why on the order's timeline and in the message centre.
 */
@Injectable()
export class ContentWithdrawal {
  constructor(
    private readonly orders: OrdersService,
    private readonly notices: NoticesService,
  ) {}

  /** Answers the order it stopped or noted, if any. */
  async withdraw(manager: EntityManager, check: MediaCheck, what: string): Promise<number | null> {
    await manager.update(StoredFile, { id: check.fileId }, { deleteAfter: new Date(0) });
    const body = `您上传的${what}未通过微信内容安全检测，已删除。请重新上传清晰、合规的${what}。`;
    const title = `${what}未通过内容安全检测`;
    const orderId = check.orderId ?? (await manager.findOneBy(StoredFile, { id: check.fileId }))?.orderId ?? null;
    const order = orderId ? await manager.findOneBy(Order, { id: orderId }) : null;
    if (order && !FINAL_STATUSES.has(order.status)) {
      // The status change announces itself (message centre, subscribe message) with this notice.
      await this.orders.applyStep(
        manager,
        order.id,
        { status: 'failed', vendorStatus: 'content_flagged', progress: WITHDRAWN_PROGRESS },
        { actor: 'system', message: `${title}，订单已停止`, notice: { title, body } },
      );
      return order.id;
    }
    if (order) await this.orders.note(manager, order.id, 'content_withdrawn', { actor: 'system', message: title });
    await this.notices.add(manager, {
      userId: check.userId,
      kind: 'content_withdrawn',
      title,
      body,
      link: order ? `/pages/order/index?id=${order.id}&open=service` : null,
      dedupeKey: `content:${check.id}`,
    });
    return order?.id ?? null;
  }
}
