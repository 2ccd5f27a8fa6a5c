import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { OrdersService } from '../orders/orders.service.js';
import { Payment } from '../payments/entities/payment.entity.js';
import { paymentView } from '../payments/payment-view.js';
import { PRICED_SERVICES } from '../payments/prices.js';
import type { IdPhotoDetailsDto, IdPhotoOrderDetailDto, MerchantIdPhotoOrderDetailDto } from './dto/order.dto.js';
import { IdPhotoOrder } from './entities/id-photo-order.entity.js';
import { IdPhotoSession } from './entities/photo-session.entity.js';
import { IdPhotoFiles } from './id-photo-files.js';
import { IdPhotoPhotosService, isPicExpired } from './id-photo-photos.service.js';
import { maskAddress, maskParam } from './receipt-param.js';
import { ZjzSpecCatalogue } from './zjz-spec-catalogue.js';
import { PRINT_LINE } from './id-photo-pricing.js';
import { UNCONFIRMED_ORDER_NO } from './zjz-unconfirmed.js';

/**
 * What an order page shows: the spec, the masked params and address, the photos and results as
 * signed URLs, the rejection reason and the logistics. The owner and the merchant see the same
 * details, masked alike.
 */
@Injectable()
export class IdPhotoDetailsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly catalogue: ZjzSpecCatalogue,
    private readonly photos: IdPhotoPhotosService,
    private readonly files: IdPhotoFiles,
  ) {}

  async forUser(userId: number, orderId: number): Promise<IdPhotoOrderDetailDto> {
    const { events, ...order } = await this.orders.getForUser(userId, orderId);
    if (order.kind !== 'id_photo') throw AppError.notFound('订单不存在');
    const payment = await this.dataSource.getRepository(Payment).findOneBy({ orderId });
    return {
      order,
      events,
      details: await this.details(orderId, order.status, payment),
      payment: payment ? paymentView(payment) : null,
    };
  }

  async forMerchant(orderId: number): Promise<MerchantIdPhotoOrderDetailDto> {
    const { order, events } = await this.orders.getForMerchant(orderId);
    if (order.kind !== 'id_photo') throw AppError.notFound('该订单不是证件照回执订单');
    const payment = await this.dataSource.getRepository(Payment).findOneBy({ orderId });
    return { order, events, details: await this.details(orderId, order.status, payment) };
  }

  private async details(orderId: number, status: string, payment: Payment | null): Promise<IdPhotoDetailsDto> {
    const detail = await this.dataSource.getRepository(IdPhotoOrder).findOneBy({ orderId });
    if (!detail) throw AppError.notFound('订单不存在');
    const session = await this.dataSource.getRepository(IdPhotoSession).findOneByOrFail({ id: detail.sessionId });
    const spec = await this.catalogue.describe(detail.itemId);
    const colors = spec?.colors ?? Object.keys(session.previews);
    const signed = await this.files.signed([
      session.uploadFileId,
      session.previews[detail.color],
      detail.receiptFileId,
      detail.photoFileId,
      detail.printFileId,
    ]);
    const url = (id: string | null | undefined) => (id ? (signed.get(id)?.url ?? null) : null);
    const done = detail.receiptFileId !== null;
    const upload = signed.get(session.uploadFileId);
    const sent =
      !payment || (payment.status !== 'created' && payment.status !== 'paying' && payment.status !== 'closed');
    return {
      spec: {
        itemId: detail.itemId,
        name: spec?.name ?? detail.specName,
        category: spec?.category ?? '',
        widthMm: spec?.widthMm ?? 0,
        heightMm: spec?.heightMm ?? 0,
        widthPx: spec?.widthPx ?? 0,
        heightPx: spec?.heightPx ?? 0,
        dpi: spec?.dpi ?? 0,
        fileSizeMsg: spec?.fileSizeMsg ?? '',
        colors,
      },
      color: detail.color,
      round: detail.round,
      params: spec ? maskParam(spec, detail.param) : [],
      isPrint: detail.isPrint,
      printAddress: detail.printParam ? maskAddress(detail.printParam) : null,
      ...paidPrices(payment),
      photoId: session.id,
      photoExpired: isPicExpired(session),
      previews: await this.photos.previews(session, { colors }),
      receiptUrl: url(detail.receiptFileId),
      // The vendor sends a photo only when it adjusted ours; otherwise the finished photo is the
      // preview on the background the user chose.
      photoUrl: done ? (url(detail.photoFileId) ?? url(session.previews[detail.color])) : null,
      printUrl: url(detail.printFileId),
      filesDeleted: !upload,
      deleteAfter: upload?.deleteAfter ? upload.deleteAfter.toISOString() : null,
      rejectMsg: status === 'action_required' ? detail.rejectMsg : null,
      logistics:
        detail.expressName && detail.expressNo
          ? { expressName: detail.expressName, expressNo: detail.expressNo }
          : null,
      // An unconfirmed order has no vendor order number to cancel with yet; an unpaid one was not
      // sent at all (it is cancelled through its payment).
      awaitingConfirmation: status === 'pending' && sent && detail.vendorOrderNo === UNCONFIRMED_ORDER_NO,
      receiptReady: done,
      submitting:
        status === 'processing' && payment?.status === 'paid' && detail.vendorOrderNo === UNCONFIRMED_ORDER_NO,
      // Paid and rejected: giving up refunds it (see IdPhotoOrdersService.cancel).
      canCancel:
        (status === 'pending' && detail.vendorOrderNo !== UNCONFIRMED_ORDER_NO) ||
        (status === 'action_required' && (payment?.paidFen ?? 0) > 0),
      canResubmit: status === 'action_required',
    };
  }
}

/** What the user was charged for the receipt and for 打印邮寄, from the payment's lines (0: free). */
function paidPrices(payment: Payment | null): { receiptPriceFen: number; printPriceFen: number } {
  const lines = payment?.lines ?? [];
  const of = (label: string) => lines.find((line) => line.label === label)?.amountFen ?? 0;
  return { receiptPriceFen: of(PRICED_SERVICES.id_photo_receipt.label), printPriceFen: of(PRINT_LINE) };
}
