import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VendorError } from '@banshi/vendor-clients';
import { YundouClient } from '@banshi/vendor-clients/yundou';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { PublicUrl } from '../common/http/public-url.js';
import { SECRETS } from '../config/config.tokens.js';
import type { Secrets } from '../config/secrets.js';
import { Transactions } from '../database/transactions.js';
import { OrdersService } from '../orders/orders.service.js';
import { InvoiceScan } from './entities/invoice-scan.entity.js';
import { SCAN_STEPS, SERVICE_NAME } from './invoice-steps.js';

/** What one upload to Yundou came to. `retryable`: no answer, or the vendor was busy; else it refused. */
export type UploadOutcome = { ok: true } | { ok: false; retryable: boolean; message: string };

export interface UploadRequest {
  scanId: number;
  source: 'photo' | 'qr_image';
  oid: string;
  token: string;
  jpeg: Buffer;
}

/**
 * Sends one scan's image to Yundou and records the vendor's acceptance on the order. Used by the
 * free flow at once and by a paid scan once its payment is known (InvoicePaidService).
 */
@Injectable()
export class InvoiceUploader {
  private readonly logger = new Logger(InvoiceUploader.name);
  private readonly tokenKey: Buffer;

  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly publicUrl: PublicUrl,
    private readonly yundou: YundouClient,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.tokenKey = createHmac('sha256', secrets.jwtSecret).update('banshi/yundou-callbacks').digest();
  }

  /**
   * The `c-url` token of a paid scan, derived from its oid: the fulfilment worker may send the same
   * oid again after a lost answer, and the vendor keeps calling the first c-url, so every send of
   * one oid must carry the same one. Unguessable without the server's secret, as a random one is.
   */
  tokenOf(oid: string): string {
    return createHmac('sha256', this.tokenKey).update(oid, 'utf8').digest('base64url');
  }

  async send({ scanId, source, oid, token, jpeg }: UploadRequest): Promise<UploadOutcome> {
    const route = source === 'photo' ? 'bill' : 'qr';
    const request = { oid, callbackUrl: this.publicUrl.api(`/callbacks/yundou/${route}/${token}`), image: jpeg };
    try {
      const answer = source === 'photo' ? await this.yundou.uploadBill(request) : await this.yundou.uploadQr(request);
      await this.transactions.run(async (manager) => {
        if (answer.status === 'accepted')
          await manager.update(InvoiceScan, { id: scanId }, { vendorId: answer.vendorId });
        await this.orders.applyStep(manager, await orderIdOf(manager, scanId), SCAN_STEPS.accepted, {
          actor: 'vendor',
          message: answer.status === 'accepted' ? '服务商已受理，正在识别' : '服务商此前已收到这张图片，等待识别结果',
          payload: { vendorId: answer.vendorId ?? null, message: answer.message },
        });
      });
      return { ok: true };
    } catch (error) {
      return this.failure(scanId, error);
    }
  }

  private failure(scanId: number, error: unknown): UploadOutcome {
    if (error instanceof VendorError && error.retryable) {
      return { ok: false, retryable: true, message: `${SERVICE_NAME}暂时无法连接，请稍后点击“重新识别”` };
    }
    if (error instanceof VendorError) {
      // A refusal in the vendor's own words (e.g. 图片大小不能超过2M).
      return { ok: false, retryable: false, message: vendorErrorToAppError(error, SERVICE_NAME).message };
    }
    this.logger.error({ err: error, scanId }, 'invoice upload failed unexpectedly');
    return { ok: false, retryable: true, message: `${SERVICE_NAME}暂时不可用，请稍后点击“重新识别”` };
  }
}

export async function orderIdOf(manager: EntityManager, scanId: number): Promise<number> {
  return (await manager.findOneByOrFail(InvoiceScan, { id: scanId })).orderId;
}
