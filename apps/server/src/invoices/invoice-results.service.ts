import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StorageService } from '../common/storage/storage.service.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { isUniqueViolation } from '../database/transactions.js';
import type { OrderStep, TransitionReason } from '../orders/order-status.js';
import { OrdersService, type EventMeta } from '../orders/orders.service.js';
import { REFUND_KEYS } from '../payments/refund-keys.js';
import { RefundsService } from '../payments/refunds.service.js';
import { fenToYuanText, monthOf, type BillColumns } from './bill-summary.js';
import { InvoiceScan, type StoredBill } from './entities/invoice-scan.entity.js';
import { SCAN_STEPS } from './invoice-steps.js';

/** What a recognition produced: the columns, and the typed bill or the QR text they came from. */
export interface Recognition {
  columns: BillColumns;
  bill?: StoredBill;
  qrText?: string;
  billId?: string | null;
}

/** Why a paid scan's money goes back (on the user's timeline and WeChat Pay's refund). */
export const FAILED_REFUND_REASON = '票据未能识别，全额退款';

export type ResultOutcome = 'recognised' | 'failed' | TransitionReason;

/**
 * Writes results onto scans, inside the caller's transaction: the order's step first (which locks the
 * order row and refuses to go backwards), then the scan, then duplicate detection.
 */
@Injectable()
export class InvoiceResultsService {
  constructor(
    private readonly orders: OrdersService,
    private readonly storage: StorageService,
    private readonly refunds: RefundsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async recognised(
    manager: EntityManager,
    scanId: number,
    recognition: Recognition,
    meta: EventMeta,
    step: OrderStep = SCAN_STEPS.recognised,
  ): Promise<ResultOutcome> {
    const before = await manager.findOneByOrFail(InvoiceScan, { id: scanId });
    const result = await this.orders.applyStep(manager, before.orderId, step, {
      ...meta,
      message: `${meta.message}：${describe(recognition.columns)}`,
    });
    if (!result.applied) return result.reason;
    const scan = await manager.findOneByOrFail(InvoiceScan, { id: scanId });
    await this.fill(manager, scan, recognition);
    await this.retireFiles(manager, scan.orderId);
    return 'recognised';
  }

  async failed(
    manager: EntityManager,
    scanId: number,
    step: OrderStep,
    failureMessage: string,
    meta: EventMeta,
  ): Promise<ResultOutcome> {
    const scan = await manager.findOneByOrFail(InvoiceScan, { id: scanId });
    const result = await this.orders.applyStep(manager, scan.orderId, step, meta);
    if (!result.applied) return result.reason;
    await manager.update(
      InvoiceScan,
      { id: scanId },
      { status: 'failed', failureMessage: failureMessage.slice(0, 255), updatedAt: new Date() },
    );
    await this.retireFiles(manager, scan.orderId);
    // A paid scan not recognised is refunded in full, once (the fulfilment's key); the payment
    // worker sends it after this commits. Nothing for a free scan.
    await this.refunds.requestRest(manager, scan.orderId, FAILED_REFUND_REASON, REFUND_KEYS.serviceFailed);
    return 'failed';
  }

  /** An unpaid scan whose order closed: nothing was sent; the photo follows the retention of an ended order. */
  async closedUnpaid(manager: EntityManager, orderId: number): Promise<void> {
    await manager.update(InvoiceScan, { orderId, status: 'unpaid' }, { status: 'closed', updatedAt: new Date() });
    await this.retireFiles(manager, orderId);
  }

  /** Fills a scan that has just been created or whose order has just moved to a result. */
  async fill(manager: EntityManager, scan: InvoiceScan, recognition: Recognition): Promise<void> {
    const { columns } = recognition;
    const now = new Date();
    Object.assign(scan, {
      status: 'recognised',
      billType: columns.billType,
      typeLabel: columns.typeLabel,
      amountFen: columns.amountFen,
      issueDate: columns.issueDate,
      month: monthOf(columns.issueDate, scan.createdAt),
      invoiceCode: columns.invoiceCode?.slice(0, 16) ?? null,
      invoiceNumber: columns.invoiceNumber?.slice(0, 24) ?? null,
      dedupeKey: columns.dedupeKey,
      countedKey: null,
      duplicateOfId: null,
      bill: recognition.bill ?? scan.bill,
      qrText: recognition.qrText ?? scan.qrText,
      billId: recognition.billId ?? scan.billId,
      failureMessage: null,
      recognisedAt: now,
      updatedAt: now,
    } satisfies Partial<InvoiceScan>);
    await manager.save(scan);
    await this.orders.retitle(manager, scan.orderId, titleOf(columns));
    await this.count(manager, scan);
  }

  /**
   * Claims the invoice's key for this scan; if another scan of this user already holds it, this one
   * is a duplicate of that one. The unique index decides, so two scans recognised at the same moment
   * cannot both count: on MySQL the second waits for the first to commit, then gets the duplicate
   * error. A failed statement does not end the transaction on MySQL or SQLite, so we go on.
   */
  private async count(manager: EntityManager, scan: InvoiceScan): Promise<void> {
    if (!scan.dedupeKey) return;
    try {
      await manager.update(InvoiceScan, { id: scan.id }, { countedKey: scan.dedupeKey });
      scan.countedKey = scan.dedupeKey;
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const original = await this.countedScan(manager, scan.userId, scan.dedupeKey);
    scan.duplicateOfId = original.id;
    await manager.update(InvoiceScan, { id: scan.id }, { duplicateOfId: original.id });
    await this.orders.note(manager, scan.orderId, 'duplicate', {
      actor: 'system',
      message: `与此前扫描的票据（订单 ${original.orderNo}）重复，不重复计入合计`,
    });
  }

  /**
   * The scan that holds the key. On MySQL this must be a locking read, which sees the latest committed
   * row rather than this transaction's older snapshot; and a shared one: the failed update left a
   * shared lock on that index entry in every racing transaction, so an exclusive read would deadlock
   * them. (Written out because TypeORM spells a shared lock FOR SHARE, which MariaDB does not know.)
   */
  private async countedScan(
    manager: EntityManager,
    userId: number,
    key: string,
  ): Promise<{ id: number; orderNo: string }> {
    const mysql = manager.connection.options.type === 'mysql';
    const rows: { id: number | string; order_no: string }[] = await manager.query(
      `SELECT s.id, o.order_no FROM invoice_scans s JOIN orders o ON o.id = s.order_id
       WHERE s.user_id = ? AND s.counted_key = ?${mysql ? ' LOCK IN SHARE MODE' : ''}`,
      [userId, key],
    );
    if (!rows[0]) throw new Error('the counted scan of a duplicate vanished');
    return { id: Number(rows[0].id), orderNo: rows[0].order_no };
  }

  /** Photos follow the project's retention: deleted a while after the order ends. */
  private async retireFiles(manager: EntityManager, orderId: number): Promise<void> {
    const deleteAfter = new Date(Date.now() + this.config.fileRetentionDays * 86_400_000);
    await this.storage.scheduleDeletion({ orderId }, deleteAfter, manager);
  }
}

function describe(columns: BillColumns): string {
  const amount = columns.amountFen === null ? '' : ` ¥${fenToYuanText(columns.amountFen)}`;
  const number = columns.invoiceNumber ? ` 号码${columns.invoiceNumber}` : '';
  return `${columns.typeLabel}${amount}${number}`;
}

export function titleOf(columns: Pick<BillColumns, 'typeLabel' | 'amountFen'>): string {
  const amount = columns.amountFen === null ? '' : ` ¥${fenToYuanText(columns.amountFen)}`;
  return `${columns.typeLabel}${amount}`.slice(0, 128);
}
