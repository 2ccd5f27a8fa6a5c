import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

/**
 * intent: stored, the call may be on its way (a crash here leaves it so: the job treats an old
 * intent as unknown); succeeded / failed: the vendor answered; unknown: no answer came, the vendor
 * may have acted; settled_*: an unknown one whose end was found out later (job, callback, person).
 */
export const CALL_STATUSES = [
  'intent',
  'succeeded',
  'failed',
  'unknown',
  'settled_succeeded',
  'settled_failed',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Who found out how an unknown call ended. */
export type SettledBy = 'job' | 'callback' | 'person';

/** Statuses still waiting to be settled. */
export const OPEN_CALL_STATUSES: readonly CallStatus[] = ['intent', 'unknown'];

/**
 * One outgoing vendor call that creates or charges something: its intent is written before it is
 * sent and its outcome after, so an answer lost in transit is never forgotten nor resent blindly.
 */
@Entity('outgoing_calls')
@Index('idx_outgoing_calls_open', ['status', 'updatedAt'])
@Index('idx_outgoing_calls_subject', ['subjectKind', 'subjectId'])
export class OutgoingCall {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  vendor!: string;

  @Column({ type: 'varchar', length: 32 })
  operation!: string;

  /** What the call is about: `order` (our order no), `payment` (out_trade_no), `refund` (out_refund_no), … */
  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId!: string;

  /** The same key twice is the same call sent again (a vendor idempotency key, or ours). */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, unique: true })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: CallStatus;

  @Column({ type: 'int', default: 1 })
  attempts!: number;

  /** What was asked, masked (JSON; never a name, an ID number, a phone number or a photo). */
  @Column({ name: 'request_summary', type: 'text', nullable: true })
  requestSummary!: string | null;

  /** What came back, or how it was settled (JSON, masked). */
  @Column({ name: 'outcome_summary', type: 'text', nullable: true })
  outcomeSummary!: string | null;

  /** The error's class and code when there was no answer or a refusal. */
  @Column({ name: 'error_class', type: 'varchar', length: 64, nullable: true })
  errorClass!: string | null;

  @Column({ name: 'settled_by', type: 'varchar', length: 16, nullable: true })
  settledBy!: SettledBy | null;

  @Column({ name: 'settled_by_merchant_id', type: 'int', nullable: true })
  settledByMerchantId!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  note!: string | null;

  /** When the job gave up asking and put it on the merchant's 待处理 list. */
  @TimestampColumn({ name: 'attention_at', nullable: true })
  attentionAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @TimestampColumn({ name: 'settled_at', nullable: true })
  settledAt!: Date | null;
}
