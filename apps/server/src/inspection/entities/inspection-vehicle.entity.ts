import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';
import type { PreOrderSnapshot } from '../inspection-types.js';

/**
 * What annual inspection needs to know about one garage car (model, registration date, seats,
 * use, operation, accident), and the car id Docloud gave it when it was bound. One row per garage
 * car; the garage itself belongs to the vehicles service.
 */
@Entity('inspection_vehicles')
@Index('uq_inspection_vehicles_car', ['userId', 'garageCarId'], { unique: true })
export class InspectionVehicle {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'garage_car_id', type: 'int' })
  garageCarId!: number;

  /** The plate as it was last bound at the vendor. */
  @Column({ name: 'plate_number_enc', type: 'text', transformer: encrypted })
  plateNumber!: string;

  @Column({ name: 'brand_id', type: 'int' })
  brandId!: number;

  @Column({ name: 'brand_name', type: 'varchar', length: 64 })
  brandName!: string;

  @Column({ name: 'series_id', type: 'int' })
  seriesId!: number;

  @Column({ name: 'series_name', type: 'varchar', length: 64 })
  seriesName!: string;

  @Column({ name: 'model_id', type: 'int' })
  modelId!: number;

  @Column({ name: 'model_name', type: 'varchar', length: 128 })
  modelName!: string;

  /** `YYYY-MM-DD`, as the vendor takes it. */
  @Column({ name: 'register_date', type: 'varchar', length: 10 })
  registerDate!: string;

  @Column({ name: 'car_seats', type: 'int' })
  carSeats!: number;

  /** 0 private, 1 company car (公车). */
  @Column({ name: 'use_for', type: 'int' })
  useFor!: 0 | 1;

  /** 1 when the car is operated commercially (营运). */
  @Column({ name: 'operation_type', type: 'int' })
  operationType!: 0 | 1;

  /** 1 when the car had an accident with casualties (伤亡事故). */
  @Column({ name: 'accident_car', type: 'int' })
  accidentCar!: 0 | 1;

  /** Docloud's carId, once bound (《绑定用户车辆》); later changes replace the same car. */
  @Column({ name: 'vendor_car_id', type: 'varchar', length: 32, nullable: true })
  vendorCarId!: string | null;

  /** The last 《免检待确认订单》 the user was shown: the price and shop an order is placed with. */
  @Column({ name: 'pre_order', type: 'text', nullable: true, transformer: jsonColumn<PreOrderSnapshot>() })
  preOrder!: PreOrderSnapshot | null;

  @TimestampColumn({ name: 'pre_order_at', nullable: true })
  preOrderAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** JSON in a text column (no personal data in it). */
export function jsonColumn<T>() {
  return {
    to: (value: T | null | undefined) => (value === null || value === undefined ? value : JSON.stringify(value)),
    from: (value: string | null | undefined) =>
      value === null || value === undefined ? value : (JSON.parse(value) as T),
  };
}
