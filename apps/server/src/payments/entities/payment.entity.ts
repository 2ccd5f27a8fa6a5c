import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * `created`: priced, no prepay yet; `paying`: a prepay exists, the user may be paying;
 * `paid`: WeChat Pay took the money; `closed`: unpaid and closed (expired or cancelled);
 * `refunding`: a refund is on its way; `partially_refunded` / `refunded`: refunds ended.
 */
export const PAYMENT_STATUSES = [
  'created',
  'paying',
  'paid',
  'closed',
  'refunding',
  'partially_refunded',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * What the paid order's service still owes: `none` before payment, `due` once paid (the vendor
 * call is to be made), `done` (delivered), `refunded` (the service failed or the order was closed:
 * the money goes back instead).
 */
/** One part of a priced order's amount, as the user saw it before committing. */
export interface PaymentLine {
  label: string;
  amountFen: number;
}

export type FulfilmentState = 'none' | 'due' | 'done' | 'refunded';

/** One WeChat Pay transaction per priced order (`out_trade_no` is WeChat Pay's idempotency key). */
@Entity('payments')
@Index('idx_payments_status_expires', ['status', 'expiresAt'])
@Index('idx_payments_fulfilment', ['fulfilment', 'fulfilNextAt'])
export class Payment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int', unique: true })
  orderId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32, unique: true })
  outTradeNo!: string;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen!: number;

  /** What `amountFen` is made of (null: one line, the order's title). */
  @Column({ type: 'simple-json', nullable: true })
  lines!: PaymentLine[] | null;

  /** 商品描述 sent with the prepay: kept, because a repeated prepay must carry the same body. */
  @Column({ type: 'varchar', length: 127 })
  description!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: PaymentStatus;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId!: string | null;

  @Column({ name: 'transaction_id', type: 'varchar', length: 32, nullable: true })
  transactionId!: string | null;

  /** What WeChat Pay says was paid (may differ from `amountFen` only if something is very wrong). */
  @Column({ name: 'paid_fen', type: 'int', default: 0 })
  paidFen!: number;

  @Column({ name: 'refunded_fen', type: 'int', default: 0 })
  refundedFen!: number;

  @TimestampColumn({ name: 'paid_at', nullable: true })
  paidAt!: Date | null;

  /** `time_expire` of the prepay: WeChat Pay closes the order then, and so do we. */
  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'none' })
  fulfilment!: FulfilmentState;

  @Column({ name: 'fulfil_attempts', type: 'int', default: 0 })
  fulfilAttempts!: number;

  @TimestampColumn({ name: 'fulfil_next_at', nullable: true })
  fulfilNextAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
