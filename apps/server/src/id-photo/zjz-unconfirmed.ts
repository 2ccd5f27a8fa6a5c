import { HttpStatus } from '@nestjs/common';
import { VendorApiError } from '@banshi/vendor-clients';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import type { OrderStep } from '../orders/order-status.js';
import type { OrdersService } from '../orders/orders.service.js';
import { IdPhotoOrder } from './entities/id-photo-order.entity.js';
import { IdPhotoSession } from './entities/photo-session.entity.js';
import { ZjzSubmission } from './entities/zjz-submission.entity.js';
import type { IdPhotoFiles } from './id-photo-files.js';
import { progressOf } from './zjz-steps.js';

/**
 * zjzapi has no idempotency key and no way to look an order up: a submit whose answer was lost (a
 * 5xx or a timeout after the vendor took it) may have made an order we cannot ask about, and
 * sending it again could make a second one that is charged too. So such a submission is kept as
 * "unconfirmed" (its row keeps the order id but no vendor order number) and never sent again
 * blindly: the vendor's first callback to its notice_url proves it arrived and is adopted; only a
 * silence longer than this window lets the user send it again. The vendor calls back when review
 * starts (9:00–18:00, about 15 minutes), so a silence of a day means it never arrived. Whether the
 * answer is still awaited is read from the submission's outgoing-call ledger entry (ZjzCalls), so a
 * person's 已受理/未受理 in the console decides it too.
 */
export const ZJZ_UNCONFIRMED_WINDOW_MS = 24 * 3_600_000;

/** The vendor order number of an order whose first submission is unconfirmed. */
export const UNCONFIRMED_ORDER_NO = '';

/** Below round 1's 待处理, so the first callback (or a confirmed resend) moves the order on. */
export const UNCONFIRMED_STEP: OrderStep = {
  status: 'pending',
  vendorStatus: '待确认',
  progress: progressOf(1, 'submitted') - 5,
};

/** 订单未被审核驳回，无法再次提交: the order has left "rejected", e.g. through our lost resubmission. */
export function isNotResubmittable(error: unknown): boolean {
  return error instanceof VendorApiError && !error.retryable && /未被审核驳回|无法再次提交/.test(error.message);
}

export function submitUnconfirmedError(): AppError {
  return AppError.vendorUnavailable(
    '证件照服务响应超时，暂时无法确认订单是否提交成功；订单已保存，请稍后在「我的订单」中查看，无需重新上传',
  );
}

export function stillUnconfirmedError(): AppError {
  return new AppError(HttpStatus.CONFLICT, {
    code: 'SUBMIT_UNCONFIRMED',
    message: '订单提交结果确认中（服务商开始审核时会通知我们），请稍后在「我的订单」中查看，无需重复提交',
    retryable: true,
  });
}

export function resubmitUnconfirmedError(): AppError {
  return AppError.vendorUnavailable('证件照服务响应超时，暂时无法确认是否已重新提交，请稍后刷新订单或再试一次');
}

export function resubmitPendingError(): AppError {
  return AppError.conflict('RESUBMIT_PENDING', '上次重新提交已被服务商受理，正在等待审核，请稍后刷新订单查看进度');
}

/**
 * A callback to the notice_url of an unconfirmed submission: the vendor did take it. Records its
 * order number (and, for a resubmission, the round and photo it carried) before the callback's
 * step is applied. The params of a lost resubmission are not known here: the order keeps the
 * previous ones, and the timeline says so.
 */
export async function adoptSubmission(
  manager: EntityManager,
  submission: ZjzSubmission,
  orderNo: string,
  deps: { orders: OrdersService; files: IdPhotoFiles },
): Promise<void> {
  const orderId = submission.orderId as number;
  const detail = await manager.findOneByOrFail(IdPhotoOrder, { orderId });
  if (detail.vendorOrderNo !== UNCONFIRMED_ORDER_NO && detail.vendorOrderNo !== orderNo) {
    throw new Error(`zjz callback for order ${orderId} carries another vendor order number`);
  }
  const now = new Date();
  const patch: Partial<IdPhotoOrder> = { vendorOrderNo: orderNo, updatedAt: now };
  if (submission.round > detail.round) {
    Object.assign(patch, { round: submission.round, sessionId: submission.sessionId, rejectMsg: null });
    if (submission.sessionId !== detail.sessionId) {
      const session = await manager.findOneByOrFail(IdPhotoSession, { id: submission.sessionId });
      await manager.update(IdPhotoSession, { id: session.id }, { orderId, updatedAt: now });
      await deps.files.attachSession(manager, session, orderId);
    }
  }
  await manager.update(IdPhotoOrder, { id: detail.id }, patch);
  await deps.orders.recordVendorRef(manager, orderId, orderNo);
  await manager.update(ZjzSubmission, { id: submission.id }, { vendorOrderNo: orderNo });
  submission.vendorOrderNo = orderNo;
  const what = submission.round > 1 ? `第${submission.round}次提交（以该次提交的信息为准）` : '订单';
  await deps.orders.note(manager, orderId, 'vendor_confirmed', {
    actor: 'vendor',
    message: `服务商已收到此前未确认的${what}`,
    payload: { orderNo, round: submission.round },
  });
}
