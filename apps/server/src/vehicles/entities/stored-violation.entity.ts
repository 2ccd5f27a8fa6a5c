import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * The last known violations of a car, from a query or a monitoring callback, so that the list
 * shows at once and callbacks can change it. Amounts in fen. `code` is the vendor's record code.
 */
@Entity('vehicle_violations')
@Index('uq_vehicle_violations_car_code', ['carId', 'code'], { unique: true })
export class StoredViolation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'car_id', type: 'int' })
  carId!: number;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  /** The vendor's `yyyy-MM-dd HH:mm:ss`, China time. */
  @Column({ name: 'occurred_at', type: 'varchar', length: 19 })
  occurredAt!: string;

  @Column({ name: 'fine_fen', type: 'int' })
  fineFen!: number;

  @Column({ type: 'int' })
  points!: number;

  @Column({ name: 'service_fee_fen', type: 'int', nullable: true })
  serviceFeeFen!: number | null;

  @Column({ name: 'mark_fee_fen', type: 'int', nullable: true })
  markFeeFen!: number | null;

  @Column({ name: 'can_select', type: 'boolean', default: false })
  canSelect!: boolean;

  /** 1 未处理, 2 处理中, 3 已处理, 4 不支持处理; null when the vendor did not say. */
  @Column({ name: 'process_status', type: 'int', nullable: true })
  processStatus!: number | null;

  @Column({ name: 'payment_status', type: 'int', nullable: true })
  paymentStatus!: number | null;

  @Column({ name: 'need_travel_license', type: 'boolean', default: false })
  needTravelLicense!: boolean;

  @Column({ type: 'varchar', length: 255, default: '' })
  address!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  reason!: string;

  @Column({ name: 'violation_city', type: 'varchar', length: 32, nullable: true })
  violationCity!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  province!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  city!: string | null;

  @Column({ name: 'organ_name', type: 'varchar', length: 128, nullable: true })
  organName!: string | null;

  @TimestampColumn({ name: 'first_seen_at' })
  firstSeenAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
