import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';
import type { MismatchKind } from './mismatch-kinds.js';

/**
 * `running`: under way (or interrupted: the next tick takes it again); `balanced`: every line
 * matched; `unbalanced`: mismatches found; `failed`: the bill could not be had (not ready yet,
 * WeChat Pay unreachable), tried again by the job.
 */
export const RUN_STATUSES = ['running', 'balanced', 'unbalanced', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One reconciliation of one Beijing day's trade bill: one row per day (`bill_date` is unique). */
@Entity('reconciliation_runs')
export class ReconciliationRun {
  @PrimaryGeneratedColumn()
  id!: number;

  /** `yyyy-MM-dd`, China time, as WeChat Pay's `bill_date`. */
  @Column({ name: 'bill_date', type: 'varchar', length: 10, unique: true })
  billDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RunStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Why the last attempt failed, in Chinese for the console. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  error!: string | null;

  @Column({ name: 'bill_lines', type: 'int', default: 0 })
  billLines!: number;

  @Column({ type: 'int', default: 0 })
  matched!: number;

  @Column({ type: 'int', default: 0 })
  mismatches!: number;

  @Column({ type: 'simple-json', nullable: true })
  counts!: Record<MismatchKind, number> | null;

  /** The bill's payments (订单金额), refunds (退款金额) and fees (手续费), in fen. */
  @Column({ name: 'wechat_paid_fen', type: 'int', default: 0 })
  wechatPaidFen!: number;

  @Column({ name: 'wechat_refund_fen', type: 'int', default: 0 })
  wechatRefundFen!: number;

  @Column({ name: 'wechat_fee_fen', type: 'int', default: 0 })
  wechatFeeFen!: number;

  /** Our side of the same payments and refunds, in fen. */
  @Column({ name: 'our_paid_fen', type: 'int', default: 0 })
  ourPaidFen!: number;

  @Column({ name: 'our_refund_fen', type: 'int', default: 0 })
  ourRefundFen!: number;

  @TimestampColumn({ name: 'started_at' })
  startedAt!: Date;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
