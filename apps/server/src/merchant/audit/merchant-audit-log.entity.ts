import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * What a merchant account did: log in, replay a callback, ask a vendor for a status, export, change
 * an account. Written once, never updated; the owner reads it newest first.
 */
@Entity('merchant_audit_log')
@Index('idx_merchant_audit_merchant', ['merchantId', 'id'])
@Index('idx_merchant_audit_action', ['action', 'id'])
export class MerchantAuditLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'merchant_id', type: 'int' })
  merchantId!: number;

  /** The account's name when it acted, so the log reads on its own. */
  @Column({ name: 'merchant_username', type: 'varchar', length: 64 })
  merchantUsername!: string;

  /** `login`, `login_failed`, `callback_replay`, `order_status_query`, `orders_export`, `account_create`, `account_update`. */
  @Column({ type: 'varchar', length: 32 })
  action!: string;

  /** What it acted on, e.g. `vendor_event:12`, `order:345`, `merchant:3`. */
  @Column({ type: 'varchar', length: 128, default: '' })
  target!: string;

  /** Masked JSON: filters of an export, the result of a replay, the fields an account change touched. */
  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
