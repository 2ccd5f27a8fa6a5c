import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedJson } from '../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../database/columns.js';

/**
 * `applied`: verified and its effect committed (possibly "no change" for a stale one, see
 * `outcome`); `rejected`: failed verification, never applied; `failed`: verified but applying threw,
 * rolled back, waiting for the vendor's retry or a merchant's replay.
 */
export type VendorEventStatus = 'applied' | 'rejected' | 'failed';

export interface RawCallback {
  method: string;
  path: string;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body: string;
}

@Entity('vendor_events')
@Index('idx_vendor_events_status', ['status', 'id'])
@Index('idx_vendor_events_order', ['orderId', 'id'])
export class VendorEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  vendor!: string;

  @Column({ type: 'varchar', length: 32 })
  topic!: string;

  /** Unique per vendor event; null for rejected ones, whose identity cannot be trusted. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 191, nullable: true, unique: true })
  dedupeKey!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: VendorEventStatus;

  /** What applying did: `transitioned`, `stale`, `no_order` … */
  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  /** The request as received, encrypted: it can hold ID numbers and is needed to replay. */
  @Column({ name: 'raw_enc', type: 'text', transformer: encryptedJson })
  raw!: RawCallback;

  /** The same request, masked, for people to read. */
  @Column({ name: 'payload_masked', type: 'text' })
  payloadMasked!: string;

  @Column({ name: 'repeat_count', type: 'int', default: 0 })
  repeatCount!: number;

  @Column({ type: 'int', default: 1 })
  attempts!: number;

  @TimestampColumn({ name: 'received_at' })
  receivedAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
