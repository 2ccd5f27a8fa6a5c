import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * The user's in-app notices ("新增 1 条违章", "违章监控失败：请核对车架号"). Texts hold masked data
 * only. `dedupeKey` makes writing a notice idempotent when the event behind it is replayed.
 */
@Entity('notices')
@Index('idx_notices_user', ['userId', 'id'])
@Index('idx_notices_user_unread', ['userId', 'readAt'])
export class Notice {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** `new_violations`, `monitor_failed`, `order_finished` … */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'varchar', length: 64 })
  title!: string;

  @Column({ type: 'varchar', length: 500 })
  body!: string;

  /** A page of the mini-program to open, e.g. `/vehicles/pages/violations/index?carId=3`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  link!: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 191, nullable: true, unique: true })
  dedupeKey!: string | null;

  @TimestampColumn({ name: 'read_at', nullable: true })
  readAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
