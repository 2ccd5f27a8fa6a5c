import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { parseVatQr, VatQrParseError, type VatQrInvoice } from '@banshi/vendor-clients/yundou';
import { AppError } from '../common/errors/app-error.js';
import { StorageService } from '../common/storage/storage.service.js';
import { Transactions } from '../database/transactions.js';
import type { OrderStep } from '../orders/order-status.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { yuan } from '../payments/payment-steps.js';
import { PaymentsService } from '../payments/payments.service.js';
import { PricesService } from '../payments/prices.service.js';
import { PRICED_SERVICES } from '../payments/prices.js';
import { chinaMonth, columnsOfQr, fenToYuanText } from './bill-summary.js';
import { InvoiceScan, type ScanSource } from './entities/invoice-scan.entity.js';
import { normaliseBillImage, quickDecodeQr } from './invoice-images.js';
import { InvoiceResultsService, titleOf } from './invoice-results.service.js';
import { RETRYABLE, SCAN_STEPS } from './invoice-steps.js';
import { hashToken } from './invoice-callbacks.service.js';
import { InvoiceUploader } from './invoice-upload.js';

const PHOTO_PURPOSE = 'invoice-photo';

/** A photo's submission: the failed scan it retries (and whether with the same upload), the price shown. */
export interface ScanOptions {
  retryOf?: InvoiceScan;
  sameUpload?: boolean;
  shownFen?: number;
}

/**
 * Everything that starts a scan: a bill photo (recognised by the vendor, result by callback), an
 * invoice QR text (read here at once), a QR photo (read here when the code is clear, else by the
 * vendor), and a retry of a failed scan. Each returns the new scan's id.
 */
@Injectable()
export class InvoiceScansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly results: InvoiceResultsService,
    private readonly storage: StorageService,
    private readonly uploader: InvoiceUploader,
    private readonly prices: PricesService,
    private readonly payments: PaymentsService,
  ) {}

  async submitPhoto(userId: number, upload: Buffer, options: ScanOptions = {}): Promise<number> {
    const image = await normaliseBillImage(upload);
    return this.sendToVendor(userId, 'photo', image.buffer, options);
  }

  /**
   * The QR text is all the vendor's QR service would give back (二维码信息同步 carries `content`
   * only), so a text from `scanCode` is read here and never sent: rendering it into an image for the
   * vendor to decode again would pay for an answer we already hold.
   */
  async submitQrText(userId: number, text: string): Promise<number> {
    const qr = readQr(text);
    return this.createRead(userId, 'qr_text', qr, null, '扫描发票二维码');
  }

  /** A QR read here is free; one only the vendor can read is a photo recognition (priced as one). */
  async submitQrImage(userId: number, upload: Buffer, options: ScanOptions = {}): Promise<number> {
    const image = await normaliseBillImage(upload);
    const text = await quickDecodeQr(image.buffer);
    if (text === undefined) return this.sendToVendor(userId, 'qr_image', image.buffer, options);
    const qr = readQr(text);
    return this.createRead(userId, 'qr_image', qr, image.buffer, '上传发票二维码图片', options.retryOf);
  }

  /** A failed scan tried again: with a new photo, or with the photo already kept. */
  async retry(userId: number, scanId: number, upload: Buffer | undefined, shownFen?: number): Promise<number> {
    const scan = await this.dataSource.getRepository(InvoiceScan).findOneBy({ id: scanId, userId });
    if (!scan) throw AppError.notFound('票据记录不存在');
    if (!RETRYABLE.has(scan.status)) throw AppError.conflict('NOT_FAILED', '只有识别失败的票据可以重新识别');
    if (scan.replacedById !== null) {
      throw AppError.conflict('ALREADY_RETRIED', '这张票据已经重新识别过，请查看最新的识别结果');
    }
    let image = upload;
    if (!image) {
      const file = scan.photoFileId ? await this.storage.find(scan.photoFileId) : null;
      if (!file) throw AppError.badRequest('PHOTO_GONE', '原照片已过保存期限被删除，请重新拍摄上传');
      image = await this.storage.read(file);
    }
    // The same photo after an upload that got no answer: the vendor may have it already, so it is
    // sent again under the same oid (see sendToVendor), never as a second, paid recognition.
    const sameUpload = !upload && scan.oid !== null && (await this.failedAtUpload(scan));
    const options = { retryOf: scan, sameUpload, shownFen };
    return scan.source === 'photo'
      ? this.submitPhoto(userId, image, options)
      : this.submitQrImage(userId, image, options);
  }

  /** A scan whose bill is already read (from a QR): created recognised, duplicates flagged at once. */
  private async createRead(
    userId: number,
    source: ScanSource,
    qr: VatQrInvoice,
    photo: Buffer | null,
    action: string,
    retryOf?: InvoiceScan,
  ): Promise<number> {
    const columns = columnsOfQr(qr);
    return this.transactions.run(async (manager) => {
      const scan = await this.createScan(manager, {
        userId,
        source,
        title: titleOf(columns),
        step: SCAN_STEPS.qrRead,
        message: `${action}，已读出：${titleOf(columns)} 号码${qr.invoiceNumber}`,
        photo,
        retryOf,
      });
      await this.results.fill(manager, scan, { columns, qrText: qrTextOf(qr) });
      return scan.id;
    });
  }

  /**
   * Creates the scan, then uploads: the record exists before the vendor can call back. With
   * `sameUpload` the retry takes over the failed scan's oid (《oid 唯一标示,防止重新上传》): if the
   * vendor got the first upload it answers "already uploaded" and calls back to the first c-url,
   * which the callback handler follows to this scan; if not, this upload is the first. When photo
   * recognition is priced the scan waits 待支付 instead, and is sent once paid (InvoicePaidService).
   */
  private async sendToVendor(
    userId: number,
    source: 'photo' | 'qr_image',
    jpeg: Buffer,
    options: ScanOptions,
  ): Promise<number> {
    const { retryOf, sameUpload = false } = options;
    const priceFen = await this.confirmedPrice(options.shownFen);
    const oid = sameUpload && retryOf?.oid ? retryOf.oid : `inv${randomBytes(12).toString('hex')}`;
    const token = priceFen > 0 ? this.uploader.tokenOf(oid) : randomBytes(32).toString('base64url');
    const scanId = await this.transactions.run(async (manager) => {
      if (sameUpload && retryOf) await this.releaseOid(manager, retryOf);
      const scan = await this.createScan(manager, {
        userId,
        source,
        title: source === 'photo' ? '票据照片识别' : '发票二维码识别',
        step: SCAN_STEPS.submitted,
        message: source === 'photo' ? '上传票据照片，等待识别' : '二维码图片不够清晰，交由服务商识别',
        photo: jpeg,
        retryOf,
        oid,
        callbackTokenHash: hashToken(token),
        priceFen,
      });
      return scan.id;
    });
    if (priceFen > 0) return scanId;
    const outcome = await this.uploader.send({ scanId, source, oid, token, jpeg });
    if (!outcome.ok) await this.uploadFailed(scanId, outcome.message);
    return scanId;
  }

  /**
   * What a photo recognition costs now (0: free). A priced one must carry the price the user was
   * shown, so a price the merchant changed meanwhile is confirmed before anything is charged.
   */
  private async confirmedPrice(shownFen: number | undefined): Promise<number> {
    const priceFen = await this.prices.priceOf('invoice_scan');
    if (priceFen > 0 && shownFen !== priceFen) {
      throw AppError.conflict('PRICE_CHANGED', `票据拍照识别费用为${yuan(priceFen)}/张，请确认后重新提交`);
    }
    return priceFen;
  }

  /** The upload did not go through: the scan fails with a reason and can be tried again. */
  private async uploadFailed(scanId: number, message: string): Promise<void> {
    await this.transactions.run((manager) =>
      this.results.failed(manager, scanId, SCAN_STEPS.uploadFailed, message, {
        actor: 'system',
        message: `上传到服务商失败：${message}`,
      }),
    );
  }

  private async createScan(
    manager: EntityManager,
    input: {
      userId: number;
      source: ScanSource;
      title: string;
      step: OrderStep;
      message: string;
      photo: Buffer | null;
      retryOf?: InvoiceScan;
      oid?: string;
      callbackTokenHash?: string;
      priceFen?: number;
    },
  ): Promise<InvoiceScan> {
    const fields = {
      kind: 'invoice_scan' as const,
      userId: input.userId,
      title: input.title,
      vendorRef: input.oid ?? null,
    };
    const amountFen = input.priceFen ?? 0;
    const order =
      amountFen > 0
        ? await this.payments.createPricedOrder(
            manager,
            { ...fields, amountFen, lines: [{ label: PRICED_SERVICES.invoice_scan.label, amountFen }] },
            { actor: 'user', message: `${input.message}，待支付 ${yuan(amountFen)}` },
          )
        : await this.orders.create(manager, { ...fields, step: input.step }, { actor: 'user', message: input.message });
    const file = input.photo
      ? await this.storage.save(
          {
            body: input.photo,
            contentType: 'image/jpeg',
            purpose: PHOTO_PURPOSE,
            ownerUserId: input.userId,
            orderId: order.id,
          },
          manager,
        )
      : null;
    const now = new Date();
    const scan = await manager.save(
      manager.create(InvoiceScan, {
        orderId: order.id,
        userId: input.userId,
        source: input.source,
        status: amountFen > 0 ? 'unpaid' : 'recognising',
        oid: input.oid ?? null,
        callbackTokenHash: input.callbackTokenHash ?? null,
        photoFileId: file?.id ?? null,
        month: chinaMonth(now),
        retryOfId: input.retryOf?.id ?? null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    if (input.retryOf) await this.replace(manager, input.retryOf, scan);
    return scan;
  }

  /** Only one retry per failed scan, even when two arrive at once: the conditional update decides. */
  private async replace(manager: EntityManager, failed: InvoiceScan, scan: InvoiceScan): Promise<void> {
    const taken = await manager.update(
      InvoiceScan,
      { id: failed.id, replacedById: IsNull() },
      { replacedById: scan.id, updatedAt: new Date() },
    );
    if (!taken.affected) throw AppError.conflict('ALREADY_RETRIED', '这张票据已经重新识别过，请查看最新的识别结果');
    await this.orders.note(manager, failed.orderId, 'retried', {
      actor: 'user',
      message: '已重新识别，见新的识别记录',
    });
  }

  /** Whether a failed scan failed at the upload (rather than at recognition, or by waiting too long). */
  private async failedAtUpload(scan: InvoiceScan): Promise<boolean> {
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: scan.orderId });
    return order?.vendorStatus === SCAN_STEPS.uploadFailed.vendorStatus;
  }

  /** The oid moves to the retry (it is unique); a second retry racing this one finds it gone. */
  private async releaseOid(manager: EntityManager, failed: InvoiceScan): Promise<void> {
    const released = await manager.update(
      InvoiceScan,
      { id: failed.id, oid: failed.oid as string, replacedById: IsNull() },
      { oid: null, updatedAt: new Date() },
    );
    if (!released.affected) throw AppError.conflict('ALREADY_RETRIED', '这张票据已经重新识别过，请查看最新的识别结果');
  }
}

/** Reads an invoice QR text, or answers with what is wrong with it, in the parser's Chinese words. */
export function readQr(text: string): VatQrInvoice {
  try {
    return parseVatQr(text);
  } catch (error) {
    if (error instanceof VatQrParseError) throw AppError.unprocessable('NOT_INVOICE_QR', error.message);
    throw error;
  }
}

/** The canonical text of a parsed QR (the input trimmed and with full-width commas fixed). */
function qrTextOf(qr: VatQrInvoice): string {
  return [
    qr.version,
    qr.typeCode,
    qr.invoiceCode ?? '',
    qr.invoiceNumber,
    fenToYuanText(qr.amountFen),
    qr.issueDate.replace(/-/g, ''),
    qr.checkCode ?? '',
    qr.crc ?? '',
  ].join(',');
}
