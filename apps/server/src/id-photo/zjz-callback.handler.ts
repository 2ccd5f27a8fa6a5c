import { Inject, Injectable } from '@nestjs/common';
import { SignatureVerificationError } from '@banshi/vendor-clients';
import {
  verifyZjzCallback,
  ZJZ_CALLBACK_ACK,
  zjzCallbackFailure,
  type ZjzCallbackEvent,
} from '@banshi/vendor-clients/zjz';
import type { EntityManager } from 'typeorm';
import {
  isMalformedCallback,
  type ApplyResult,
  type CallbackAnswer,
  type CallbackHandler,
  type VerifiedCallback,
} from '../callbacks/callback-handler.js';
import type { RawCallback } from '../callbacks/vendor-event.entity.js';
import { maskText } from '../common/crypto/masking.js';
import { decideTransition, FINAL_STATUSES, type OrderStep } from '../orders/order-status.js';
import type { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../vendors/vendor-settings.js';
import { IdPhotoOrder } from './entities/id-photo-order.entity.js';
import { ZjzSubmission } from './entities/zjz-submission.entity.js';
import { IdPhotoFiles } from './id-photo-files.js';
import { IdPhotoPaidService } from './id-photo-paid.service.js';
import { ZjzFiles, type VendorImage } from './vendor-files.js';
import { callbackMessage, stepForCallback } from './zjz-steps.js';
import { tokenHashOf, ZjzSubmissions } from './zjz-submissions.js';
import { ZjzCalls } from './zjz-calls.js';
import { adoptSubmission } from './zjz-unconfirmed.js';

export interface ZjzNotice {
  callback: ZjzCallbackEvent;
  submissionId: number;
}

/** The result files of a done order, fetched before the transaction (the vendor's URLs expire). */
export interface ZjzResultFiles {
  receipt: VendorImage;
  photo?: VendorImage;
  print?: VendorImage;
}

/**
 * 《订单状态通知》 to `/api/callbacks/zjz/<token>`. The sign is md5(apikey), the same on every
 * callback, so the per-submission token in the URL is what proves a callback genuine and tells
 * which round it belongs to: the dedupe key is `zjz:<token hash>:<status>`, and the round sets the
 * progress, so a late callback of an earlier round is stale.
 */
@Injectable()
export class ZjzCallbackHandler implements CallbackHandler<ZjzNotice, ZjzResultFiles | undefined> {
  readonly vendor = 'zjz';
  readonly topic = 'receipt';
  private readonly apiKey: string;

  constructor(
    @Inject(VENDOR_SETTINGS) settings: AvailableVendors,
    private readonly submissions: ZjzSubmissions,
    private readonly orders: OrdersService,
    private readonly files: IdPhotoFiles,
    private readonly vendorFiles: ZjzFiles,
    private readonly paid: IdPhotoPaidService,
    private readonly calls: ZjzCalls,
  ) {
    this.apiKey = requireVendor(settings, 'zjz').apiKey;
  }

  async verify(raw: RawCallback): Promise<VerifiedCallback<ZjzNotice>> {
    const token = raw.params.token ?? '';
    const callback = verifyZjzCallback({ rawBody: raw.body, contentType: raw.headers['content-type'] }, this.apiKey);
    const submission = await this.submissions.findByToken(token);
    if (!submission) throw new SignatureVerificationError(this.vendor, 'zjz callback to an unknown notice_url token');
    if (submission.vendorOrderNo !== null && submission.vendorOrderNo !== callback.orderNo) {
      throw new SignatureVerificationError(this.vendor, 'zjz callback order_no does not match its notice_url token');
    }
    return {
      dedupeKey: `zjz:${tokenHashOf(token)}:${callback.status}`,
      event: { callback, submissionId: submission.id },
      summary: { status: callback.status, round: submission.round },
    };
  }

  async prepare({ callback }: ZjzNotice): Promise<ZjzResultFiles | undefined> {
    if (callback.kind !== 'done') return undefined;
    const [receipt, photo, print] = await Promise.all([
      this.vendorFiles.image(callback.imageReceipt),
      callback.image ? this.vendorFiles.image(callback.image) : undefined,
      callback.imagePrint ? this.vendorFiles.image(callback.imagePrint) : undefined,
    ]);
    return { receipt, photo, print };
  }

  async apply(
    { callback, submissionId }: ZjzNotice,
    context: { manager: EntityManager; vendorEventId: number; prepared: ZjzResultFiles | undefined },
  ): Promise<ApplyResult> {
    const { manager, vendorEventId, prepared } = context;
    const submission = await manager.findOneByOrFail(ZjzSubmission, { id: submissionId });
    // The vendor answered the submission but our transaction storing it has not committed yet:
    // fail, so that the vendor calls again a moment later.
    if (submission.orderId === null) {
      throw new Error('zjz callback arrived before its submission was stored; the vendor will retry');
    }
    const orderId = submission.orderId;
    const order = await this.orders.lockOrder(manager, orderId);
    // Stored without a vendor order number: its answer was lost, and this callback proves it arrived.
    if (submission.vendorOrderNo === null) {
      await adoptSubmission(manager, submission, callback.orderNo, { orders: this.orders, files: this.files });
      await this.calls.confirmed(manager, submission, callback.orderNo);
    }
    const detail = await manager.findOneByOrFail(IdPhotoOrder, { orderId });
    const step = stepForCallback(callback, submission.round, detail.isPrint);
    // Details first, status last: SQLite readers share the connection and may see this transaction
    // half done, so a "completed" order must never be visible before its receipt is.
    if (decideTransition(order, step).apply) {
      await this.updateDetail(manager, detail, callback, prepared);
      if (FINAL_STATUSES.has(step.status)) await this.files.scheduleOrderDeletion(manager, orderId);
      // Cancelled at the vendor: no receipt will be made, so a paid order's money goes back (sent
      // by the payments job once this commits).
      if (callback.kind === 'cancelled') await this.paid.refundUndelivered(manager, orderId, '证件照回执订单已取消');
    } else if (isLateReceipt(callback, order, step, detail)) {
      // "Shipped" overtook "done": the status stays, but the receipt only this notice carries is kept
      // (the vendor's links expire), under the retention the shipped order already started.
      await this.updateDetail(manager, detail, callback, prepared);
      await this.files.scheduleOrderDeletion(manager, orderId);
    }
    const result = await this.orders.applyStep(manager, orderId, step, {
      actor: 'vendor',
      // The vendor's free text (a rejection reason) may quote personal data.
      message: maskText(callbackMessage(callback, detail.isPrint)),
      payload: callback.fields,
      vendorEventId,
    });
    return { orderId, outcome: result.applied ? 'transitioned' : result.reason };
  }

  private async updateDetail(
    manager: EntityManager,
    detail: IdPhotoOrder,
    callback: ZjzCallbackEvent,
    prepared: ZjzResultFiles | undefined,
  ): Promise<void> {
    const patch: Partial<IdPhotoOrder> = { updatedAt: new Date() };
    if (callback.kind === 'rejected')
      patch.rejectMsg = maskText(callback.rejectMsg ?? '照片或信息不符合要求').slice(0, 255);
    if (callback.kind === 'shipped') {
      patch.expressName = callback.logisticsInfo.expressName.slice(0, 32);
      patch.expressNo = callback.logisticsInfo.expressNo.slice(0, 64);
    }
    if (callback.kind === 'done') {
      if (!prepared) throw new Error('zjz done callback without its downloaded files');
      const owner = { userId: detail.userId, orderId: detail.orderId };
      patch.rejectMsg = null;
      patch.receiptFileId = (await this.files.save(prepared.receipt, 'id_photo_receipt', owner, manager)).id;
      if (prepared.photo)
        patch.photoFileId = (await this.files.save(prepared.photo, 'id_photo_result', owner, manager)).id;
      if (prepared.print)
        patch.printFileId = (await this.files.save(prepared.print, 'id_photo_result', owner, manager)).id;
    }
    await manager.update(IdPhotoOrder, { id: detail.id }, patch);
  }

  acknowledge(): CallbackAnswer {
    return { status: 200, body: ZJZ_CALLBACK_ACK };
  }

  failure(): CallbackAnswer {
    return { status: 503, body: zjzCallbackFailure() };
  }

  rejection(reason: string, error?: unknown): CallbackAnswer {
    if (isMalformedCallback(error)) return { status: 400, body: zjzCallbackFailure(`通知格式错误：${reason}`) };
    return { status: 403, body: zjzCallbackFailure('通知校验失败') };
  }
}

/** A "done" of the current round reaching a completed order that has no receipt yet. */
function isLateReceipt(callback: ZjzCallbackEvent, order: Order, step: OrderStep, detail: IdPhotoOrder): boolean {
  const sameRound = Math.floor(order.progress / 100) === Math.floor(step.progress / 100);
  return callback.kind === 'done' && order.status === 'completed' && sameRound && detail.receiptFileId === null;
}
