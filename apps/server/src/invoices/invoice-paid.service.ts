import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { StorageService } from '../common/storage/storage.service.js';
import { Transactions } from '../database/transactions.js';
import { Payment } from '../payments/entities/payment.entity.js';
import { PaidServices, type FulfilmentResult, type PaidService } from '../payments/paid-services.js';
import { OrdersService } from '../orders/orders.service.js';
import { InvoiceScan } from './entities/invoice-scan.entity.js';
import { FAILED_REFUND_REASON, InvoiceResultsService } from './invoice-results.service.js';
import { PAID_UPLOAD_WINDOW_MS, SCAN_STEPS } from './invoice-steps.js';
import { InvoiceUploader } from './invoice-upload.js';

/**
 * 票据拍照识别 as a paid service: the photo kept with the 待支付 scan is sent to Yundou only once it
 * is paid. Accepted → delivered (the result comes by callback; a recognition that fails or times out
 * refunds in full, see InvoiceResultsService.failed); refused → the scan fails and is refunded; no
 * answer → sent again under the same oid and c-url (safe: the vendor takes an oid once) until
 * `PAID_UPLOAD_WINDOW_MS` after paying, then refunded. Unpaid and closed: never sent.
 */
@Injectable()
export class InvoicePaidService implements PaidService, OnModuleInit {
  readonly kind = 'invoice_scan' as const;
  private readonly logger = new Logger(InvoicePaidService.name);

  constructor(
    private readonly paidServices: PaidServices,
    private readonly uploader: InvoiceUploader,
    private readonly results: InvoiceResultsService,
    private readonly storage: StorageService,
    private readonly orders: OrdersService,
    private readonly transactions: Transactions,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.paidServices.register(this);
  }

  async onPaid(orderId: number): Promise<FulfilmentResult> {
    const scan = await this.dataSource.getRepository(InvoiceScan).findOneByOrFail({ orderId });
    if (scan.status === 'recognised') return { outcome: 'delivered' };
    if (scan.status === 'failed' || scan.status === 'closed')
      return { outcome: 'failed', reason: FAILED_REFUND_REASON };
    if (scan.source === 'qr_text' || !scan.oid) throw new Error(`paid scan ${scan.id} has nothing to send`);
    if (scan.status === 'unpaid') await this.markSent(scan);
    const file = scan.photoFileId ? await this.storage.find(scan.photoFileId) : null;
    if (!file) return this.fail(scan, '照片已不存在，无法识别');
    const sent = await this.uploader.send({
      scanId: scan.id,
      source: scan.source,
      oid: scan.oid,
      token: this.uploader.tokenOf(scan.oid),
      jpeg: await this.storage.read(file),
    });
    if (sent.ok) return { outcome: 'delivered' };
    this.logger.warn(`paid invoice scan ${scan.id} not uploaded: ${sent.message}`);
    if (sent.retryable && !(await this.pastWindow(orderId))) return { outcome: 'retry', reason: sent.message };
    return this.fail(scan, sent.message.replace(/，请稍后点击“重新识别”$/, ''));
  }

  /** Closed unpaid: nothing was sent; the photo is scheduled for deletion. */
  async onClosed(manager: EntityManager, orderId: number): Promise<void> {
    await this.results.closedUnpaid(manager, orderId);
  }

  /** Paid: the scan is being recognised from now on (the recognition timeout counts from here). */
  private async markSent(scan: InvoiceScan): Promise<void> {
    await this.transactions.run(async (manager) => {
      const now = new Date();
      await manager.update(InvoiceScan, { id: scan.id, status: 'unpaid' }, { status: 'recognising', updatedAt: now });
      await this.orders.applyStep(manager, scan.orderId, SCAN_STEPS.submitted, {
        actor: 'system',
        message: '已支付，照片已提交识别',
      });
    });
  }

  private async pastWindow(orderId: number): Promise<boolean> {
    const payment = await this.dataSource.getRepository(Payment).findOneByOrFail({ orderId });
    return Date.now() - (payment.paidAt ?? payment.updatedAt).getTime() > PAID_UPLOAD_WINDOW_MS;
  }

  /** The scan fails with the reason (and is refunded there); the fulfilment refunds under the same key. */
  private async fail(scan: InvoiceScan, why: string): Promise<FulfilmentResult> {
    await this.transactions.run((manager) =>
      this.results.failed(manager, scan.id, SCAN_STEPS.uploadFailed, `${why}；费用已全额退回`, {
        actor: 'system',
        message: `未能提交识别：${why}；已为您申请全额退款`,
      }),
    );
    return { outcome: 'failed', reason: FAILED_REFUND_REASON };
  }
}
