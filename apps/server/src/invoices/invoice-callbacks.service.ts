import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  parseVatQr,
  parseYundouCallback,
  VatQrParseError,
  type BillRecognisedEvent,
  type YundouCallbackEvent,
  type YundouCallbackSource,
} from '@banshi/vendor-clients/yundou';
import {
  isMalformedCallback,
  type ApplyResult,
  type CallbackAnswer,
  type CallbackHandler,
  type VerifiedCallback,
} from '../callbacks/callback-handler.js';
import { CallbackInbox } from '../callbacks/callback-inbox.service.js';
import type { RawCallback } from '../callbacks/vendor-event.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { forUpdate } from '../database/transactions.js';
import { columnsOfBill, columnsOfQr } from './bill-summary.js';
import { InvoiceScan } from './entities/invoice-scan.entity.js';
import { InvoiceResultsService, titleOf } from './invoice-results.service.js';
import { SCAN_STEPS } from './invoice-steps.js';

export interface ScanCallback {
  scanId: number;
  event: YundouCallbackEvent;
}

/** The per-upload token in the `c-url`: 32 random bytes, base64url. */
export const CALLBACK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

class UnknownUploadError extends Error {
  override name = 'UnknownUploadError';
}

/**
 * Yundou's two callbacks (发票信息同步, 二维码信息同步). They are not signed, so what makes one
 * genuine is the unguessable token of the `c-url` we gave for that upload (only its hash is stored),
 * the route matching the endpoint the upload went to, and the body's `x-oid` matching the upload.
 */
@Injectable()
export class InvoiceCallbacks implements OnModuleInit {
  private readonly logger = new Logger(InvoiceCallbacks.name);
  readonly bill: CallbackHandler<ScanCallback>;
  readonly qr: CallbackHandler<ScanCallback>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: CallbackInbox,
    private readonly results: InvoiceResultsService,
    private readonly orders: OrdersService,
  ) {
    this.bill = this.handler('bill');
    this.qr = this.handler('qr');
  }

  onModuleInit(): void {
    this.inbox.register(this.bill);
    this.inbox.register(this.qr);
  }

  private handler(topic: YundouCallbackSource): CallbackHandler<ScanCallback> {
    const acknowledge = (): CallbackAnswer => ({ status: 200, body: { code: 0, message: 'success' } });
    return {
      vendor: 'yundou',
      topic,
      verify: (raw) => this.verify(topic, raw),
      apply: (callback, { manager, vendorEventId }) => this.apply(manager, callback, vendorEventId),
      acknowledge,
      failure: () => ({ status: 503, body: { code: 1, message: 'temporarily unavailable, retry later' } }),
      rejection: (reason, error) =>
        isMalformedCallback(error)
          ? { status: 400, body: { code: 1, message: `malformed callback: ${reason}`.slice(0, 200) } }
          : { status: 403, body: { code: 1, message: 'unknown callback' } },
    };
  }

  private async verify(topic: YundouCallbackSource, raw: RawCallback): Promise<VerifiedCallback<ScanCallback>> {
    const token = raw.params.token ?? '';
    if (!CALLBACK_TOKEN.test(token)) throw new UnknownUploadError('callback token is malformed');
    const first = await this.dataSource.getRepository(InvoiceScan).findOneBy({ callbackTokenHash: hashToken(token) });
    if (!first) throw new UnknownUploadError('no upload has this callback token');
    const expected: YundouCallbackSource = first.source === 'photo' ? 'bill' : 'qr';
    if (expected !== topic) throw new UnknownUploadError(`a ${expected} upload called back on the ${topic} route`);
    const event = parseYundouCallback({ rawBody: raw.body, contentType: raw.headers['content-type'] }, topic);
    const scan = await this.holderOfOid(first);
    if (!scan?.oid || event.oid !== scan.oid) {
      throw new UnknownUploadError('x-oid does not match the upload of this token');
    }
    const billId = event.kind === 'qr_decoded' ? '' : (event.billId ?? '');
    return {
      dedupeKey: `yundou:${topic}:${event.oid}:${billId}:${event.code}`,
      event: { scanId: scan.id, event },
      summary: { kind: event.kind, oid: event.oid, code: event.code, message: event.message },
    };
  }

  /**
   * The scan that now holds the upload of this token: itself, or the retry its oid moved to after
   * an upload that got no answer (the vendor keeps calling the first c-url for that oid).
   */
  private async holderOfOid(scan: InvoiceScan): Promise<InvoiceScan | null> {
    let current: InvoiceScan | null = scan;
    for (let hops = 0; current && current.oid === null && current.replacedById !== null && hops < 10; hops++) {
      current = await this.dataSource.getRepository(InvoiceScan).findOneBy({ id: current.replacedById });
    }
    return current;
  }

  private async apply(
    manager: EntityManager,
    { scanId, event }: ScanCallback,
    vendorEventId: number,
  ): Promise<ApplyResult> {
    // Locked: the callbacks of a photo with two bills come together, and the second must see the
    // first one's bill to become a scan of its own instead of a repeat of the first.
    const scan = await manager.findOneOrFail(InvoiceScan, { where: { id: scanId }, ...forUpdate(manager) });
    const meta = { actor: 'vendor' as const, vendorEventId, message: '' };
    if (event.kind === 'recognition_failed') {
      const message = event.message.trim() || '票据无法识别，请重新拍摄后上传';
      const outcome = await this.results.failed(manager, scanId, SCAN_STEPS.recognitionFailed, message, {
        ...meta,
        message: `识别失败：${message}`,
      });
      return { orderId: scan.orderId, outcome };
    }
    if (event.kind === 'qr_decoded') {
      let qr;
      try {
        qr = parseVatQr(event.content);
      } catch (error) {
        if (!(error instanceof VatQrParseError)) throw error;
        const outcome = await this.results.failed(manager, scanId, SCAN_STEPS.recognitionFailed, error.message, {
          ...meta,
          message: `二维码已读出，但不是发票二维码：${error.message}`,
        });
        return { orderId: scan.orderId, outcome };
      }
      const outcome = await this.results.recognised(
        manager,
        scanId,
        { columns: columnsOfQr(qr), qrText: event.content.trim() },
        { ...meta, message: '二维码识别成功' },
      );
      return { orderId: scan.orderId, outcome };
    }
    if (scan.status === 'recognised' && scan.billId && event.billId && scan.billId !== event.billId) {
      return this.anotherBillInPhoto(manager, scan, event, vendorEventId);
    }
    const outcome = await this.results.recognised(
      manager,
      scanId,
      {
        columns: columnsOfBill(event.bill),
        bill: { bill: event.bill, warnings: event.warnings },
        billId: event.billId,
      },
      { ...meta, message: '识别成功' },
    );
    return { orderId: scan.orderId, outcome };
  }

  /**
   * One photo may hold several bills; the vendor then calls back once per bill, with its own `bid`.
   * The first fills the scan; each further one becomes a scan (and order) of its own, on the same photo.
   */
  private async anotherBillInPhoto(
    manager: EntityManager,
    first: InvoiceScan,
    event: BillRecognisedEvent,
    vendorEventId: number,
  ): Promise<ApplyResult> {
    const columns = columnsOfBill(event.bill);
    const order = await this.orders.create(
      manager,
      {
        kind: 'invoice_scan',
        userId: first.userId,
        title: titleOf(columns),
        vendorRef: null,
        step: SCAN_STEPS.recognised,
      },
      {
        actor: 'vendor',
        vendorEventId,
        message: '同一张照片中的另一张票据识别成功',
        payload: { billId: event.billId },
      },
    );
    const now = new Date();
    const sibling = manager.create(InvoiceScan, {
      orderId: order.id,
      userId: first.userId,
      source: first.source,
      status: 'recognising',
      oid: null,
      callbackTokenHash: null,
      vendorId: first.vendorId,
      billId: null,
      photoFileId: first.photoFileId,
      month: first.month,
      createdAt: now,
      updatedAt: now,
    });
    await manager.save(sibling);
    await this.results.fill(manager, sibling, {
      columns,
      bill: { bill: event.bill, warnings: event.warnings },
      billId: event.billId,
    });
    this.logger.log({ scanId: first.id, siblingId: sibling.id }, 'another bill in the same photo');
    return { orderId: order.id, outcome: 'another_bill' };
  }
}
