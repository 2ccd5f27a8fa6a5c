import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { YundouBill } from '@banshi/vendor-clients/yundou';
import { encryptedJson } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';
import type { InvoiceBillType } from '../bill-summary.js';

/** How the bill reached us: a photo for the vendor's recognition, or an invoice QR code. */
export type ScanSource = 'photo' | 'qr_text' | 'qr_image';
/**
 * `unpaid`: a priced photo waiting for its payment (nothing sent yet); `closed`: it was never paid
 * and its order closed. A paid one goes on to `recognising` when it is sent.
 */
export const SCAN_STATUSES = ['unpaid', 'recognising', 'recognised', 'failed', 'closed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** What recognition read, encrypted: a train ticket holds the passenger's name and ID number. */
export interface StoredBill {
  bill: YundouBill;
  /** Values the vendor returned that could not be normalised. */
  warnings: string[];
}

/**
 * The detail row of an `invoice_scan` order. The typed bill itself is encrypted; the columns beside
 * it are what lists, filters, totals and duplicate detection need, and hold no personal data (an
 * invoice code and number identify a bill, not a person).
 *
 * Duplicates: `dedupeKey` is the invoice's identity (code + number, or the 20-digit 数电 number).
 * `countedKey` holds it only on the scan that counts; the unique index on (user, countedKey) lets
 * exactly one scan of an invoice count, even when two scans of it are recognised at the same moment.
 */
@Entity('invoice_scans')
@Index('idx_invoice_scans_user_month', ['userId', 'month', 'id'])
@Index('idx_invoice_scans_counted', ['userId', 'countedKey'], { unique: true })
@Index('idx_invoice_scans_dedupe', ['userId', 'dedupeKey'])
@Index('idx_invoice_scans_status', ['status', 'createdAt'])
export class InvoiceScan {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int', unique: true })
  orderId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 16 })
  source!: ScanSource;

  @Column({ type: 'varchar', length: 16 })
  status!: ScanStatus;

  /** Our id of the upload at the vendor (`oid`); none when nothing was sent. */
  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  oid!: string | null;

  /** SHA-256 of the token in the upload's callback URL: the token itself is never stored. */
  @Column({ name: 'callback_token_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  callbackTokenHash!: string | null;

  /** The vendor's id of the upload (`data.id`). */
  @Column({ name: 'vendor_id', type: 'varchar', length: 32, nullable: true })
  vendorId!: string | null;

  /** The vendor's bill id (`bid`). */
  @Column({ name: 'bill_id', type: 'varchar', length: 32, nullable: true })
  billId!: string | null;

  @Column({ name: 'photo_file_id', type: 'varchar', length: 36, nullable: true })
  photoFileId!: string | null;

  @Column({ name: 'bill_type', type: 'varchar', length: 24, nullable: true })
  billType!: InvoiceBillType | null;

  /** The label shown: the vendor's type, or the QR's kind (数电发票（铁路电子客票）…). */
  @Column({ name: 'type_label', type: 'varchar', length: 64, nullable: true })
  typeLabel!: string | null;

  /** What the bill is worth for reimbursement (VAT: 价税合计 when known). */
  @Column({ name: 'amount_fen', type: 'int', nullable: true })
  amountFen!: number | null;

  @Column({ name: 'issue_date', type: 'varchar', length: 10, nullable: true })
  issueDate!: string | null;

  /** `YYYY-MM` of the issue date, or of the scan while the date is not known. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ name: 'invoice_code', type: 'varchar', length: 16, nullable: true })
  invoiceCode!: string | null;

  @Column({ name: 'invoice_number', type: 'varchar', length: 24, nullable: true })
  invoiceNumber!: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 48, nullable: true })
  dedupeKey!: string | null;

  @Column({ name: 'counted_key', type: 'varchar', length: 48, nullable: true })
  countedKey!: string | null;

  /** The earlier scan of the same invoice, which is the one counted. */
  @Column({ name: 'duplicate_of_id', type: 'int', nullable: true })
  duplicateOfId!: number | null;

  /** The standard invoice QR text, when the bill came as a QR code (no personal data). */
  @Column({ name: 'qr_text', type: 'varchar', length: 255, nullable: true })
  qrText!: string | null;

  @Column({ name: 'bill_enc', type: 'text', nullable: true, transformer: encryptedJson })
  bill!: StoredBill | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 255, nullable: true })
  failureMessage!: string | null;

  @TimestampColumn({ name: 'reimbursed_at', nullable: true })
  reimbursedAt!: Date | null;

  /** A failed scan tried again: the new scan, and on the new one the failed one. */
  @Column({ name: 'replaced_by_id', type: 'int', nullable: true })
  replacedById!: number | null;

  @Column({ name: 'retry_of_id', type: 'int', nullable: true })
  retryOfId!: number | null;

  @TimestampColumn({ name: 'recognised_at', nullable: true })
  recognisedAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
