import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * `pending`: recorded, not yet accepted by WeChat Pay (sent again until it is: `out_refund_no`
 * makes that safe); `processing`: accepted; `success` / `closed` (failed, refundable again) end
 * it; `abnormal` waits for a person (WeChat Pay says it is not final).
 */
export type RefundStatus = 'pending' | 'processing' | 'success' | 'closed' | 'abnormal';

export const REFUND_FINAL: ReadonlySet<RefundStatus> = new Set(['success', 'closed']);

@Entity('payment_refunds')
@Index('idx_refunds_payment', ['paymentId', 'id'])
@Index('idx_refunds_status_next', ['status', 'nextAttemptAt'])
export class Refund {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'payment_id', type: 'int' })
  paymentId!: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ name: 'out_refund_no', type: 'varchar', length: 64, unique: true })
  outRefundNo!: string;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen!: number;

  /** Shown to the user by WeChat Pay (≤ 80 characters). */
  @Column({ type: 'varchar', length: 80 })
  reason!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RefundStatus;

  @Column({ name: 'refund_id', type: 'varchar', length: 32, nullable: true })
  refundId!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 255, nullable: true })
  lastError!: string | null;

  @TimestampColumn({ name: 'succeeded_at', nullable: true })
  succeededAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
