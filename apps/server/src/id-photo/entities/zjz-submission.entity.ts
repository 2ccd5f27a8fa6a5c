import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * One submission round of an order (the first submit, then each resubmit), with the token of its
 * own `notice_url`. The vendor signs every callback alike and repeats a resubmitted order's
 * "reviewing" callback byte for byte, so the token is what tells the rounds apart and what makes a
 * callback URL unguessable. Only the token's SHA-256 is stored.
 */
@Entity('zjz_submissions')
@Index('idx_zjz_submissions_order', ['orderId', 'round'])
export class ZjzSubmission {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** Null for the instant between the vendor call and storing the new order. */
  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @Column({ type: 'int' })
  round!: number;

  @Column({ name: 'session_id', type: 'int' })
  sessionId!: number;

  @Column({ name: 'pic_id', type: 'varchar', length: 32 })
  picId!: string;

  /** Set once the vendor accepted this round; callbacks wait (and are retried) until then. */
  @Column({ name: 'vendor_order_no', type: 'varchar', length: 32, nullable: true })
  vendorOrderNo!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
