import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';

/**
 * One identity verification the vendor answered, pass or fail: the detail row of an `identity`
 * order. Name and ID number are encrypted; `certNoIndex` (a blind index of the normalised ID
 * number) finds the same person across accounts without decrypting. The face photo is not here,
 * nor anywhere else: it lives in memory for the length of the request.
 */
@Entity('identity_certifications')
@Index('idx_identity_cert_user_created', ['userId', 'createdAt'])
@Index('idx_identity_cert_user', ['userId', 'id'])
@Index('idx_identity_cert_no_index', ['certNoIndex', 'passed'])
export class IdentityCertification {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int', unique: true })
  orderId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** Our `transaction_id` for the vendor (商户请求的唯一标志), new for every attempt. */
  @Column({ name: 'transaction_id', type: 'varchar', length: 32, unique: true })
  transactionId!: string;

  /** The vendor's `biz_no` for this certification. */
  @Column({ name: 'biz_no', type: 'varchar', length: 64 })
  bizNo!: string;

  @Column({ type: 'boolean', default: false })
  passed!: boolean;

  /** The vendor's `failed_reason` of a failure, as it said it. */
  @Column({ name: 'failed_reason', type: 'varchar', length: 255, nullable: true })
  failedReason!: string | null;

  @Column({ name: 'cert_name_enc', type: 'text', transformer: encrypted })
  certName!: string;

  @Column({ name: 'cert_no_enc', type: 'text', transformer: encrypted })
  certNo!: string;

  @Column({ name: 'cert_no_index', type: 'varchar', length: 64 })
  certNoIndex!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
