import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * `pending` → `sent`; or `dropped` (the user has no acceptance, refused with 43101, or WeChat
 * refused the content for good); or `failed` after the retries of a transient error ran out.
 */
export type OutboxState = 'pending' | 'sent' | 'dropped' | 'failed';

/** A subscribe message to send, stored in the transaction of the status change that caused it. */
@Entity('notification_outbox')
@Index('idx_outbox_due', ['state', 'nextAttemptAt'])
export class NotificationOutbox {
  @PrimaryGeneratedColumn()
  id!: number;

  /** One per change: `order:<id>:<status>:<progress>`. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 191, unique: true })
  dedupeKey!: string;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  /** JSON `{ page, data }`: masked, user-facing words only. */
  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: OutboxState;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 255, nullable: true })
  lastError!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
