import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';
import type { OrderStatus } from './order-status.js';

export type EventActor = 'user' | 'vendor' | 'system' | 'merchant';

/** The order's timeline: who did what, from which status to which. Payloads are stored masked. */
@Entity('order_events')
@Index('idx_order_events_order', ['orderId', 'id'])
export class OrderEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId!: number;

  @Column({ type: 'varchar', length: 16 })
  actor!: EventActor;

  /** `created`, `status_changed`, `ignored_stale`, `vendor_error`, `note` … */
  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true })
  fromStatus!: OrderStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 32, nullable: true })
  toStatus!: OrderStatus | null;

  @Column({ name: 'vendor_status', type: 'varchar', length: 64, nullable: true })
  vendorStatus!: string | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  message!: string;

  /** Masked JSON. */
  @Column({ type: 'text', nullable: true })
  payload!: string | null;

  @Column({ name: 'vendor_event_id', type: 'int', nullable: true })
  vendorEventId!: number | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
