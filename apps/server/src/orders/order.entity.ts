import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';
import type { OrderKind, OrderStatus } from './order-status.js';

/**
 * One row per order of every kind; each service keeps its own details in a table of its own.
 * `progress` is the order's position in its vendor's lifecycle and only ever grows: a late or
 * repeated callback that would lower it is recorded and ignored.
 */
@Entity('orders')
@Index('idx_orders_user', ['userId', 'id'])
@Index('idx_orders_kind_status', ['kind', 'status', 'id'])
@Index('idx_orders_status', ['status', 'id'])
@Index('idx_orders_created', ['createdAt', 'id'])
@Index('idx_orders_vendor_ref', ['vendorRef'])
// The merchant console's list by time, its filters, and the stuck-order scan (migration 1763900005000).
@Index('idx_orders_kind_created', ['kind', 'createdAt', 'id'])
@Index('idx_orders_status_created', ['status', 'createdAt', 'id'])
@Index('idx_orders_kind_status_created', ['kind', 'status', 'createdAt', 'id'])
@Index('idx_orders_user_created', ['userId', 'createdAt', 'id'])
@Index('idx_orders_stuck', ['kind', 'status', 'statusChangedAt'])
// The desk console's amount range (migration 1764000100000).
@Index('idx_orders_amount_created', ['amountFen', 'createdAt', 'id'])
export class Order {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_no', type: 'varchar', length: 32, unique: true })
  orderNo!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrderKind;

  @Column({ type: 'varchar', length: 32 })
  status!: OrderStatus;

  @Column({ name: 'vendor_status', type: 'varchar', length: 64, nullable: true })
  vendorStatus!: string | null;

  @Column({ name: 'vendor_ref', type: 'varchar', length: 64, nullable: true })
  vendorRef!: string | null;

  @Column({ type: 'int', default: 0 })
  progress!: number;

  @Column({ name: 'amount_fen', type: 'int', default: 0 })
  amountFen!: number;

  @Column({ type: 'varchar', length: 128, default: '' })
  title!: string;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  /** When `status` last changed: what "stuck for too long" is measured from. */
  @TimestampColumn({ name: 'status_changed_at' })
  statusChangedAt!: Date;
}
