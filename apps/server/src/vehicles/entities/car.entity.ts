import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DocloudCarType } from '@banshi/vendor-clients/docloud';
import { encrypted } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';

/** `off`: not wanted; `pending`: the switch changed and the vendor has not been told yet; `on`; `failed`. */
export type MonitorState = 'off' | 'pending' | 'on' | 'failed';

/**
 * A car in a user's garage (at most 3 active ones). The plate, VIN, engine number, the vendor's
 * token and the driving-licence numbers are personal data: encrypted, with a blind index of the
 * plate for the vendor's callbacks, which name a car by its plate only. A removed car keeps its row
 * (orders refer to it) with `removedAt` set.
 */
@Entity('vehicle_cars')
@Index('idx_vehicle_cars_user', ['userId', 'removedAt'])
@Index('idx_vehicle_cars_plate', ['plateIndex'])
@Index('idx_vehicle_cars_monitor', ['monitorState'])
export class VehicleCar {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'plate_enc', type: 'text', transformer: encrypted })
  plateNumber!: string;

  @Column({ name: 'plate_index', type: 'varchar', length: 64 })
  plateIndex!: string;

  @Column({ name: 'car_type', type: 'varchar', length: 2 })
  carType!: DocloudCarType;

  /** The city whose rules the car follows (from its plate prefix), e.g. 杭州市 / 浙A. */
  @Column({ type: 'varchar', length: 32 })
  city!: string;

  @Column({ type: 'varchar', length: 32 })
  province!: string;

  @Column({ name: 'city_prefix', type: 'varchar', length: 4 })
  cityPrefix!: string;

  /** Only the part the city asks for; null when it asks for none. */
  @Column({ name: 'vin_enc', type: 'text', nullable: true, transformer: encrypted })
  vin!: string | null;

  @Column({ name: 'engine_no_enc', type: 'text', nullable: true, transformer: encrypted })
  engineNo!: string | null;

  /** Docloud's user token for this car (and phone), needed to order. */
  @Column({ name: 'vendor_token_enc', type: 'text', nullable: true, transformer: encrypted })
  vendorToken!: string | null;

  @Column({ name: 'monitor_wanted', type: 'boolean', default: false })
  monitorWanted!: boolean;

  @Column({ name: 'monitor_state', type: 'varchar', length: 16, default: 'off' })
  monitorState!: MonitorState;

  @Column({ name: 'monitor_message', type: 'varchar', length: 255, nullable: true })
  monitorMessage!: string | null;

  /** The last 《查询违章条数》 answer (counts only, no personal data). */
  @Column({ name: 'counts_json', type: 'text', nullable: true })
  countsJson!: string | null;

  @TimestampColumn({ name: 'counts_at', nullable: true })
  countsAt!: Date | null;

  /** When the stored violations were last replaced by a query (or a monitoring callback). */
  @TimestampColumn({ name: 'violations_at', nullable: true })
  violationsAt!: Date | null;

  @Column({ name: 'violations_source', type: 'varchar', length: 16, nullable: true })
  violationsSource!: 'query' | 'callback' | null;

  /** Whether the stored list was queried in self-deduct mode (point violations selectable). */
  @Column({ name: 'violations_deduct_self', type: 'boolean', default: false })
  violationsDeductSelf!: boolean;

  @Column({ name: 'drive_num_enc', type: 'text', nullable: true, transformer: encrypted })
  driveNum!: string | null;

  @Column({ name: 'file_num_enc', type: 'text', nullable: true, transformer: encrypted })
  fileNum!: string | null;

  @TimestampColumn({ name: 'deduct_self_at', nullable: true })
  deductSelfAt!: Date | null;

  @Column({ name: 'license_front_file', type: 'varchar', length: 36, nullable: true })
  licenseFrontFile!: string | null;

  @Column({ name: 'license_back_file', type: 'varchar', length: 36, nullable: true })
  licenseBackFile!: string | null;

  @TimestampColumn({ name: 'license_uploaded_at', nullable: true })
  licenseUploadedAt!: Date | null;

  @TimestampColumn({ name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
