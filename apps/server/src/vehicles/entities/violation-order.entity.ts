import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted, encryptedJson } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';

/**
 * `priced`: a prepaid order waiting for its payment (the vendor is called only once it is paid, by
 * `ViolationPaidService`, which moves it to `creating` first);
 * `creating`: stored before the vendor is called (the attempt survives a crash or a timeout);
 * `created`: the vendor answered with its order id; `refused`: the vendor said no, nothing was
 * ordered; `unknown`: the vendor already had our outOrderNo (1117) but we never learned its id.
 */
export type ViolationOrderState = 'priced' | 'creating' | 'created' | 'refused' | 'unknown';

/** One violation as it was when ordered (the order shows it even after the car's list changes). */
export interface OrderedViolation {
  code: string;
  occurredAt: string;
  reason: string;
  address: string;
  city: string | null;
  fineFen: number;
  points: number;
  serviceFeeFen: number;
  markFeeFen: number;
  /** Back to 未处理 after the order ended: refunded. */
  processStatus: number | null;
}

/** The `violation_payment` order's details, keyed by its order. */
@Entity('violation_orders')
@Index('uq_violation_orders_idempotency', ['userId', 'idempotencyKey'], { unique: true })
@Index('idx_violation_orders_vendor', ['vendorOrderId'])
@Index('idx_violation_orders_state', ['state', 'lastVendorUpdateAt'])
export class ViolationOrder {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int', unique: true })
  orderId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'car_id', type: 'int' })
  carId!: number;

  /** The client's key for "this one payment": a retried request finds this row instead of ordering twice. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey!: string;

  /** Our order number at the vendor (`outOrderNo`): the order's own number, fixed before the call. */
  @Column({ name: 'out_order_no', type: 'varchar', length: 32, unique: true })
  outOrderNo!: string;

  @Column({ name: 'vendor_order_id', type: 'varchar', length: 32, nullable: true })
  vendorOrderId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: ViolationOrderState;

  @Column({ name: 'deduct_self', type: 'boolean', default: false })
  deductSelf!: boolean;

  @Column({ name: 'payment_mode', type: 'varchar', length: 8 })
  paymentMode!: 'credit' | 'online';

  @Column({ name: 'plate_enc', type: 'text', transformer: encrypted })
  plateNumber!: string;

  @Column({ name: 'vendor_token_enc', type: 'text', nullable: true, transformer: encrypted })
  vendorToken!: string | null;

  @Column({ name: 'items_enc', type: 'text', transformer: encryptedJson })
  items!: OrderedViolation[];

  @Column({ name: 'fine_fen', type: 'int' })
  fineFen!: number;

  @Column({ name: 'service_fee_fen', type: 'int' })
  serviceFeeFen!: number;

  @Column({ name: 'mark_fee_fen', type: 'int' })
  markFeeFen!: number;

  @Column({ name: 'total_fen', type: 'int' })
  totalFen!: number;

  @Column({ name: 'refund_fen', type: 'int', default: 0 })
  refundFen!: number;

  @Column({ name: 'pay_url', type: 'text', nullable: true })
  payUrl!: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 255, nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 64, nullable: true })
  failureCode!: string | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 255, nullable: true })
  failureMessage!: string | null;

  /** The vendor's order status (1–4) as last seen. */
  @Column({ name: 'vendor_status', type: 'int', nullable: true })
  vendorStatus!: number | null;

  /** When a callback or a status query last told us something: the poller asks about quiet orders. */
  @TimestampColumn({ name: 'last_vendor_update_at' })
  lastVendorUpdateAt!: Date;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
