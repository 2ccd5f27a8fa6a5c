import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';

/**
 * A priced identity attempt: created 待支付 with the identity to check (encrypted); once paid, the
 * user takes the face photo and only then is Zhima called. Its verdict is an
 * `IdentityCertification` of the same order; `refusedReason` is set when Zhima refused the request
 * (no verdict: refunded in full). The face photo is never stored.
 */
@Entity('identity_paid_attempts')
@Index('idx_identity_paid_user', ['userId', 'id'])
export class IdentityPaidAttempt {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int', unique: true })
  orderId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'cert_name_enc', type: 'text', transformer: encrypted })
  certName!: string;

  @Column({ name: 'cert_no_enc', type: 'text', transformer: encrypted })
  certNo!: string;

  @Column({ name: 'cert_no_index', type: 'varchar', length: 64 })
  certNoIndex!: string;

  /** After this the paid user can no longer send the photo, and the payment is refunded in full. */
  @TimestampColumn({ name: 'face_due_at' })
  faceDueAt!: Date;

  @Column({ name: 'refused_reason', type: 'varchar', length: 255, nullable: true })
  refusedReason!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
