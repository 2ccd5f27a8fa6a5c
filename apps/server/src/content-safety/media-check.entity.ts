import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

/**
 * `pending` (to send) → `checking` (sent, trace_id known, waiting for WeChat's push) → `passed` or
 * `flagged` (the image was withdrawn); `failed` when WeChat could not check it after the retries.
 */
export type MediaCheckState = 'pending' | 'checking' | 'passed' | 'flagged' | 'failed';

/** One uploaded image's content-security check (WeChat mediaCheckAsync). */
@Entity('media_checks')
@Index('idx_media_checks_due', ['state', 'nextAttemptAt'])
export class MediaCheck {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'file_id', type: 'varchar', length: 36 })
  fileId!: string;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @Column({ type: 'varchar', length: 32 })
  purpose!: string;

  @Column({ name: 'trace_id', type: 'varchar', length: 64, nullable: true, unique: true })
  traceId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: MediaCheckState;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  suggest!: string | null;

  @Column({ type: 'int', nullable: true })
  label!: number | null;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
