import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';
import type { MismatchKind } from './mismatch-kinds.js';

/**
 * One difference a run found. `match_key` (kind, out_trade_no, out_refund_no) is unique per run,
 * so a rerun that replaces the day's mismatches can never hold one twice.
 */
@Entity('reconciliation_mismatches')
@Index('uq_reconciliation_mismatch', ['runId', 'matchKey'], { unique: true })
export class ReconciliationMismatch {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'run_id', type: 'int' })
  runId!: number;

  @Column({ name: 'bill_date', type: 'varchar', length: 10 })
  billDate!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: MismatchKind;

  @Column({ name: 'match_key', type: 'varchar', length: 128 })
  matchKey!: string;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo!: string;

  @Column({ name: 'out_refund_no', type: 'varchar', length: 64, nullable: true })
  outRefundNo!: string | null;

  @Column({ name: 'transaction_id', type: 'varchar', length: 32, nullable: true })
  transactionId!: string | null;

  /** Our order, when we know the payment. */
  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @Column({ name: 'wechat_fen', type: 'int', nullable: true })
  wechatFen!: number | null;

  @Column({ name: 'our_fen', type: 'int', nullable: true })
  ourFen!: number | null;

  @Column({ name: 'wechat_status', type: 'varchar', length: 16, nullable: true })
  wechatStatus!: string | null;

  @Column({ name: 'our_status', type: 'varchar', length: 24, nullable: true })
  ourStatus!: string | null;

  /** What exactly differs, in Chinese (no personal data: the bill's openid is never kept). */
  @Column({ type: 'varchar', length: 255 })
  detail!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
