import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedJson } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';

/** The recipient of a print order, as `print_param` carries it. */
export interface PrintAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  address: string;
}

/**
 * The detail row of an `id_photo` order. The receipt's `param` (name, ID number, phone …) and the
 * mailing address are personal data: encrypted at rest, masked in every answer.
 */
@Entity('id_photo_orders')
@Index('idx_id_photo_orders_user', ['userId', 'id'])
export class IdPhotoOrder {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int', unique: true })
  orderId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'item_id', type: 'int' })
  itemId!: number;

  @Column({ name: 'spec_name', type: 'varchar', length: 64 })
  specName!: string;

  /** The vendor's 20-digit order number (also the order's `vendor_ref`). */
  @Column({ name: 'vendor_order_no', type: 'varchar', length: 32 })
  vendorOrderNo!: string;

  /** 1 for the first submission, +1 for each resubmission after a rejection. */
  @Column({ type: 'int', default: 1 })
  round!: number;

  /** The photo of the current round. */
  @Column({ name: 'session_id', type: 'int' })
  sessionId!: number;

  /** The background colour the user chose for their photo. */
  @Column({ type: 'varchar', length: 16 })
  color!: string;

  @Column({ name: 'param_enc', type: 'text', transformer: encryptedJson })
  param!: Record<string, string>;

  @Column({ name: 'is_print', type: 'boolean', default: false })
  isPrint!: boolean;

  @Column({ name: 'print_param_enc', type: 'text', nullable: true, transformer: encryptedJson })
  printParam!: PrintAddress | null;

  /** The vendor's reason for the last rejection; cleared when the order is sent again. */
  @Column({ name: 'reject_msg', type: 'varchar', length: 255, nullable: true })
  rejectMsg!: string | null;

  /** Our copies of the vendor's results (the vendor's URLs expire). */
  @Column({ name: 'receipt_file_id', type: 'varchar', length: 36, nullable: true })
  receiptFileId!: string | null;

  @Column({ name: 'photo_file_id', type: 'varchar', length: 36, nullable: true })
  photoFileId!: string | null;

  @Column({ name: 'print_file_id', type: 'varchar', length: 36, nullable: true })
  printFileId!: string | null;

  @Column({ name: 'express_name', type: 'varchar', length: 32, nullable: true })
  expressName!: string | null;

  @Column({ name: 'express_no', type: 'varchar', length: 64, nullable: true })
  expressNo!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
