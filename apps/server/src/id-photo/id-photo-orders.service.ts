import { Injectable, Logger } from '@nestjs/common';
import { VendorApiError } from '@banshi/vendor-clients';
import { ZJZ_PRINT_PRICE_FEN, ZJZ_RECEIPT_PRICE_FEN, ZjzClient } from '@banshi/vendor-clients/zjz';
import { DataSource, type EntityManager } from 'typeorm';
import { isOutcomeUnknown } from '../outgoing-calls/call-outcome.js';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { Transactions } from '../database/transactions.js';
import { decideTransition, type OrderStatus } from '../orders/order-status.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { Payment } from '../payments/entities/payment.entity.js';
import { yuan } from '../payments/payment-steps.js';
import { PaymentsService } from '../payments/payments.service.js';
import type { CreateIdPhotoOrderDto, ResubmitIdPhotoOrderDto } from './dto/order.dto.js';
import { IdPhotoOrder, type PrintAddress } from './entities/id-photo-order.entity.js';
import { IdPhotoSession } from './entities/photo-session.entity.js';
import { ZjzSubmission } from './entities/zjz-submission.entity.js';
import { IdPhotoFiles } from './id-photo-files.js';
import { IdPhotoLocks } from './id-photo-locks.js';
import { IdPhotoPaidService } from './id-photo-paid.service.js';
import { IdPhotoPhotosService } from './id-photo-photos.service.js';
import { IdPhotoPricing, type IdPhotoQuote } from './id-photo-pricing.js';
import { checkColor, checkOrderInput } from './order-input.js';
import { usablePic, ZjzFirstRound } from './zjz-first-round.js';
import { cancelledStep, submittedStep } from './zjz-steps.js';
import { ZJZ_SERVICE_NAME, ZjzSpecCatalogue, type OfferedSpec } from './zjz-spec-catalogue.js';
import { ZjzCalls } from './zjz-calls.js';
import { ZjzSubmissions } from './zjz-submissions.js';
import {
  isNotResubmittable,
  resubmitPendingError,
  resubmitUnconfirmedError,
  stillUnconfirmedError,
  submitUnconfirmedError,
  UNCONFIRMED_ORDER_NO,
  UNCONFIRMED_STEP,
} from './zjz-unconfirmed.js';

const NOT_CANCELLABLE: Partial<Record<OrderStatus, string>> = {
  processing: '订单已开始审核，无法取消',
  action_required: '订单审核未通过，可修改后重新提交，无法取消',
  completed: '订单已办理完成，无法取消',
  failed: '订单已结束，无法取消',
  cancelled: '订单已取消，请勿重复操作',
};

/**
 * Receipt orders: submit, resubmit after a rejection, cancel while pending. Vendor calls are made
 * outside database transactions and under a per-photo or per-order lock; what the vendor accepted is
 * then stored in one transaction, and what it refused leaves nothing behind.
 */
@Injectable()
export class IdPhotoOrdersService {
  private readonly logger = new Logger(IdPhotoOrdersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly zjz: ZjzClient,
    private readonly catalogue: ZjzSpecCatalogue,
    private readonly photos: IdPhotoPhotosService,
    private readonly submissions: ZjzSubmissions,
    private readonly files: IdPhotoFiles,
    private readonly locks: IdPhotoLocks,
    private readonly firstRound: ZjzFirstRound,
    private readonly pricing: IdPhotoPricing,
    private readonly payments: PaymentsService,
    private readonly paid: IdPhotoPaidService,
    private readonly calls: ZjzCalls,
  ) {}

  async create(userId: number, dto: CreateIdPhotoOrderDto): Promise<number> {
    const owned = await this.photos.owned(userId, dto.photoId);
    return this.locks.run(`id-photo:session:${owned.id}`, async () => {
      const session = await this.photos.owned(userId, owned.id);
      if (session.orderId !== null) return this.resumeUnconfirmed(session);
      const spec = await this.catalogue.get(session.itemId);
      const color = checkColor(session, dto.color);
      const { param, print } = checkOrderInput(spec, { param: dto.param, print: dto.print });
      const picId = usablePic(session);

      // Priced: the order waits 待支付 and is sent once paid (IdPhotoPaidService); free: sent now.
      const quote = await this.pricing.quote(print !== null);
      if (quote.amountFen > 0) {
        if (dto.amountFen !== quote.amountFen) {
          throw AppError.conflict('PRICE_CHANGED', `应付金额为${yuan(quote.amountFen)}，请确认后重新提交`);
        }
        const unpaid = { userId, spec, color, param, print, session, submission: null };
        return this.transactions.run((manager) => this.storeOrder(manager, unpaid, null, quote));
      }
      const { submission, orderNo } = await this.firstRound.send(session, picId, {
        param,
        isPrint: print !== null,
        printParam: print ?? undefined,
      });
      const order = { userId, spec, color, param, print, session, submission };
      if (orderNo === null) {
        // The vendor may have the order: keep it, unconfirmed, where its callback will find it.
        await this.transactions.run((manager) => this.storeOrder(manager, order, null));
        throw submitUnconfirmedError();
      }

      try {
        return await this.transactions.run((manager) => this.storeOrder(manager, order, orderNo));
      } catch (error) {
        await this.undoVendorOrder(orderNo, error);
        throw error;
      }
    });
  }

  /**
   * Stores a new order: accepted by the vendor (`orderNo`), unconfirmed (null), or priced
   * (`quote`): not sent yet, 待支付 with its amount broken down.
   */
  private async storeOrder(
    manager: EntityManager,
    input: {
      userId: number;
      spec: OfferedSpec;
      color: string;
      param: Record<string, string>;
      print: PrintAddress | null;
      session: IdPhotoSession;
      submission: ZjzSubmission | null;
    },
    orderNo: string | null,
    quote: IdPhotoQuote | null = null,
  ): Promise<number> {
    const { userId, spec, print, session } = input;
    const fields = { kind: 'id_photo' as const, userId, title: `${spec.name}回执${print ? '（打印邮寄）' : ''}` };
    const what = print ? '提交回执订单，含打印邮寄' : '提交回执订单';
    const created = quote
      ? await this.payments.createPricedOrder(
          manager,
          { ...fields, amountFen: quote.amountFen, lines: quote.lines },
          { actor: 'user', message: `${what}，待支付 ${yuan(quote.amountFen)}`, payload: { lines: quote.lines } },
        )
      : await this.orders.create(
          manager,
          {
            ...fields,
            // Free for the user: the amount is what the vendor charges the merchant once done.
            amountFen: ZJZ_RECEIPT_PRICE_FEN + (print ? ZJZ_PRINT_PRICE_FEN : 0),
            vendorRef: orderNo,
            step: orderNo === null ? UNCONFIRMED_STEP : submittedStep(1),
          },
          { actor: 'user', message: what + (orderNo === null ? '；服务商未及时答复，提交结果待确认' : '') },
        );
    const now = new Date();
    await manager.insert(IdPhotoOrder, {
      orderId: created.id,
      userId,
      itemId: spec.itemId,
      specName: spec.name,
      vendorOrderNo: orderNo ?? UNCONFIRMED_ORDER_NO,
      round: 1,
      sessionId: session.id,
      color: input.color,
      param: input.param,
      isPrint: print !== null,
      printParam: print,
      rejectMsg: null,
      receiptFileId: null,
      photoFileId: null,
      printFileId: null,
      expressName: null,
      expressNo: null,
      createdAt: now,
      updatedAt: now,
    });
    if (input.submission) {
      await manager.update(ZjzSubmission, { id: input.submission.id }, { orderId: created.id, vendorOrderNo: orderNo });
    }
    await manager.update(IdPhotoSession, { id: session.id }, { orderId: created.id, updatedAt: now });
    await this.files.attachSession(manager, session, created.id);
    return created.id;
  }

  /**
   * The photo already has an order. A confirmed one is answered as before; an unconfirmed one waits
   * for the vendor's callback, and once the window has passed in silence it is sent again with the
   * stored details (the vendor never got it), under a new notice_url.
   */
  private async resumeUnconfirmed(session: IdPhotoSession): Promise<number> {
    const orderId = session.orderId as number;
    const payment = await this.dataSource.getRepository(Payment).findOneBy({ orderId });
    // A priced order is sent by its payment (IdPhotoPaidService), never from here: a second tap
    // on 提交 before paying finds the same order to pay.
    if (payment?.status === 'created' || payment?.status === 'paying') return orderId;
    const detail = payment ? null : await this.dataSource.getRepository(IdPhotoOrder).findOneBy({ orderId });
    if (!detail || detail.vendorOrderNo !== UNCONFIRMED_ORDER_NO) {
      throw AppError.conflict('PHOTO_USED', '这张照片已提交过订单，请在订单中查看进度');
    }
    if (await this.calls.awaitsCallback(orderId)) throw stillUnconfirmedError();
    const picId = usablePic(session);
    const { submission, orderNo } = await this.firstRound.send(session, picId, {
      param: detail.param,
      isPrint: detail.isPrint,
      printParam: detail.printParam ?? undefined,
    });
    if (orderNo === null) {
      await this.dataSource.getRepository(ZjzSubmission).update({ id: submission.id }, { orderId });
      throw submitUnconfirmedError();
    }
    await this.transactions.run(async (manager) => {
      await manager.update(IdPhotoOrder, { id: detail.id }, { vendorOrderNo: orderNo, updatedAt: new Date() });
      await this.orders.recordVendorRef(manager, orderId, orderNo);
      await manager.update(ZjzSubmission, { id: submission.id }, { orderId, vendorOrderNo: orderNo });
      await this.orders.applyStep(manager, orderId, submittedStep(1), {
        actor: 'user',
        message: '服务商一直未确认此前的提交，已重新提交订单',
      });
    });
    return orderId;
  }

  async resubmit(userId: number, orderId: number, dto: ResubmitIdPhotoOrderDto): Promise<void> {
    await this.locks.run(`id-photo:order:${orderId}`, async () => {
      const { order, detail } = await this.owned(userId, orderId);
      if (order.status !== 'action_required') {
        throw AppError.conflict('NOT_REJECTED', '只有审核未通过的订单可以修改后重新提交');
      }
      const spec = await this.catalogue.get(detail.itemId);
      const replacing = dto.photoId !== undefined && dto.photoId !== detail.sessionId;
      const session = await this.photos.owned(userId, dto.photoId ?? detail.sessionId);
      if (replacing) {
        if (session.itemId !== detail.itemId) {
          throw AppError.badRequest(
            'SPEC_MISMATCH',
            `新照片的规格与订单不一致，请按「${detail.specName}」规格重新上传`,
          );
        }
        if (session.orderId !== null) throw AppError.conflict('PHOTO_USED', '这张照片已用于其他订单，请重新上传');
      }
      if (dto.print && !detail.isPrint) {
        throw AppError.badRequest('NOT_PRINT_ORDER', '该订单未选择打印邮寄，无需填写收件地址');
      }
      const color = replacing ? checkColor(session, dto.color) : checkColor(session, dto.color ?? detail.color);
      const { param, print } = checkOrderInput(
        spec,
        { param: dto.param, print: dto.print },
        { param: detail.param, print: detail.printParam },
      );
      const picId = usablePic(session);
      const round = detail.round + 1;

      // The order id is set when the round is stored (or kept unconfirmed): a callback that beats
      // that commit finds none and is retried by the vendor.
      const { submission, noticeUrl } = await this.submissions.open({
        orderId: null,
        round,
        sessionId: session.id,
        picId,
      });
      let orderNo: string;
      try {
        ({ orderNo } = await this.calls.send('resubmit', submission, () =>
          this.zjz.resubmitReceipt({
            orderNo: detail.vendorOrderNo,
            picId,
            noticeUrl,
            param,
            isPrint: detail.isPrint,
            printParam: print ?? undefined,
          }),
        ));
      } catch (error) {
        // Resubmitting names the vendor order, so trying again is safe; the vendor's callback to
        // this round's notice_url moves the order on if it did get this one.
        if (isOutcomeUnknown(error)) {
          await this.dataSource.getRepository(ZjzSubmission).update({ id: submission.id }, { orderId });
          throw resubmitUnconfirmedError();
        }
        await this.submissions.discard(submission);
        if (isNotResubmittable(error) && (await this.calls.hasOpenRound(orderId, round))) {
          throw resubmitPendingError();
        }
        throw await this.firstRound.refused(error, session);
      }

      await this.transactions.run(async (manager) => {
        await this.orders.lockOrder(manager, orderId);
        const now = new Date();
        const edited = !sameRecord(param, detail.param) || !sameRecord({ ...print }, { ...detail.printParam });
        const what =
          [replacing ? '更换照片' : null, edited ? '修改信息' : null].filter(Boolean).join('并') || '按原信息';
        if (orderNo !== detail.vendorOrderNo) await this.orders.recordVendorRef(manager, orderId, orderNo);
        await manager.update(
          IdPhotoOrder,
          { id: detail.id },
          {
            round,
            sessionId: session.id,
            color,
            param,
            printParam: print,
            vendorOrderNo: orderNo,
            rejectMsg: null,
            updatedAt: now,
          },
        );
        await manager.update(ZjzSubmission, { id: submission.id }, { orderId, vendorOrderNo: orderNo });
        if (replacing) {
          await manager.update(IdPhotoSession, { id: session.id }, { orderId, updatedAt: now });
          await this.files.attachSession(manager, session, orderId);
        }
        // Status last (see the callback handler): the order turns pending once its details are in place.
        await this.orders.applyStep(manager, orderId, submittedStep(round), {
          actor: 'user',
          message: `${what}重新提交（第${round}次提交）`,
        });
      });
    });
  }

  async cancel(userId: number, orderId: number): Promise<void> {
    await this.locks.run(`id-photo:order:${orderId}`, async () => {
      const { order, detail } = await this.owned(userId, orderId);
      const payment = await this.payments.forOrder(orderId);
      // Unpaid: closed at WeChat Pay and here (nothing was sent to the vendor).
      if (payment && (payment.status === 'created' || payment.status === 'paying')) {
        await this.payments.cancel(userId, payment.orderNo);
        return;
      }
      // Paid and rejected: the user may give up instead of resubmitting (zjz charges only a done
      // receipt), unless a resubmission whose answer was lost may be under review.
      if (order.status === 'action_required' && payment && payment.paidFen > 0) {
        if (await this.calls.hasOpenRound(orderId, detail.round + 1)) throw resubmitPendingError();
        return this.paid.giveUp(orderId, detail.round);
      }
      if (order.status !== 'pending') {
        throw AppError.conflict('NOT_CANCELLABLE', NOT_CANCELLABLE[order.status] ?? '订单当前状态无法取消');
      }
      if (detail.vendorOrderNo === UNCONFIRMED_ORDER_NO) {
        throw AppError.conflict('NOT_CANCELLABLE', '订单提交结果确认中，暂时无法取消，请稍后再试');
      }
      try {
        await this.zjz.cancelReceipt(detail.vendorOrderNo);
      } catch (error) {
        // 订单待处理的状态下才可以取消: review may have started before its callback reached us.
        if (error instanceof VendorApiError && !error.retryable) {
          throw AppError.conflict('NOT_CANCELLABLE', error.message || '订单已开始审核，无法取消');
        }
        throw vendorErrorToAppError(error, ZJZ_SERVICE_NAME);
      }
      const refund = await this.transactions.run(async (manager) => {
        const step = cancelledStep(detail.round);
        if (decideTransition(await this.orders.lockOrder(manager, orderId), step).apply) {
          await this.files.scheduleOrderDeletion(manager, orderId);
        }
        await this.orders.applyStep(manager, orderId, step, { actor: 'user', message: '用户取消订单' });
        return this.paid.refundUndelivered(manager, orderId, '订单已取消');
      });
      if (refund) await this.paid.sendRefund(refund.id);
    });
  }

  async owned(userId: number, orderId: number): Promise<{ order: Order; detail: IdPhotoOrder }> {
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId, userId, kind: 'id_photo' });
    const detail = order ? await this.dataSource.getRepository(IdPhotoOrder).findOneBy({ orderId }) : null;
    if (!order || !detail) throw AppError.notFound('订单不存在');
    return { order, detail };
  }

  /** The vendor accepted an order we could not store: cancel it (it is still pending) so nobody pays for it. */
  private async undoVendorOrder(orderNo: string, cause: unknown): Promise<void> {
    this.logger.error({ err: cause, orderNo }, 'zjz order accepted but not stored; cancelling it');
    await this.zjz.cancelReceipt(orderNo).catch((error: unknown) => {
      this.logger.error({ err: error, orderNo }, 'could not cancel the unstored zjz order');
    });
  }
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}
