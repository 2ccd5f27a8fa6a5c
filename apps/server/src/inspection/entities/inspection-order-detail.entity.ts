import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted, encryptedJson } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';
import type { InspectionMaterialView, ReturnAddress } from '../inspection-types.js';
import { jsonColumn } from './inspection-vehicle.entity.js';

/**
 * The detail row of an `inspection` order: what was ordered (car, city, shop, price, materials),
 * who gets it back where (encrypted), and what Docloud last said (`worderStatus`, shipments).
 */
@Entity('inspection_orders')
@Index('idx_inspection_orders_user', ['userId', 'id'])
@Index('idx_inspection_orders_checked', ['checkedAt'])
@Index('idx_inspection_orders_car', ['userId', 'garageCarId'])
export class InspectionOrderDetail {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'int', unique: true })
  orderId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'garage_car_id', type: 'int' })
  garageCarId!: number;

  /**
   * Docloud's orderId (also the order's `vendor_ref`). Null while a create call that got no answer
   * is unconfirmed, and for good when the vendor has the order but its id was lost (待核实).
   */
  @Column({ name: 'vendor_order_id', type: 'varchar', length: 32, unique: true, nullable: true })
  vendorOrderId!: string | null;

  @Column({ name: 'vendor_car_id', type: 'varchar', length: 32 })
  vendorCarId!: string;

  @Column({ name: 'plate_number_enc', type: 'text', transformer: encrypted })
  plateNumber!: string;

  @Column({ name: 'use_for', type: 'int' })
  useFor!: 0 | 1;

  @Column({ name: 'price_fen', type: 'int' })
  priceFen!: number;

  @Column({ name: 'inspect_city_id', type: 'int' })
  inspectCityId!: number;

  @Column({ name: 'inspect_city_name', type: 'varchar', length: 32 })
  inspectCityName!: string;

  @Column({ name: 'shop_id', type: 'int' })
  shopId!: number;

  @Column({ name: 'shop_name', type: 'varchar', length: 128, nullable: true })
  shopName!: string | null;

  @Column({ name: 'shop_address', type: 'varchar', length: 255, nullable: true })
  shopAddress!: string | null;

  /** The station's business phone (not a person's). */
  @Column({ name: 'shop_phone', type: 'varchar', length: 32, nullable: true })
  shopPhone!: string | null;

  @Column({ type: 'text', transformer: jsonColumn<InspectionMaterialView[]>() })
  materials!: InspectionMaterialView[];

  @Column({ name: 'contact_name_enc', type: 'text', transformer: encrypted })
  contactName!: string;

  /** Receives the vendor's progress messages, and is the courier's contact. */
  @Column({ name: 'contact_phone_enc', type: 'text', transformer: encrypted })
  contactPhone!: string;

  @Column({ name: 'owner_phone_enc', type: 'text', transformer: encrypted })
  ownerPhone!: string;

  @Column({ name: 'return_address_enc', type: 'text', transformer: encryptedJson })
  returnAddress!: ReturnAddress;

  /** Docloud's `worderStatus` (10 … 50, 60), the highest seen. */
  @Column({ name: 'worder_status', type: 'int' })
  worderStatus!: number;

  /** Courier number of the materials on their way to the station. */
  @Column({ name: 'send_ems_number', type: 'varchar', length: 64, nullable: true })
  sendEmsNumber!: string | null;

  @Column({ name: 'back_ems_company', type: 'varchar', length: 64, nullable: true })
  backEmsCompany!: string | null;

  @Column({ name: 'back_ems_number', type: 'varchar', length: 64, nullable: true })
  backEmsNumber!: string | null;

  /** When the vendor was last asked (successfully or not): the status job asks the oldest first. */
  @TimestampColumn({ name: 'checked_at', nullable: true })
  checkedAt!: Date | null;

  /** The last failure to ask, cleared by the next success. */
  @Column({ name: 'check_error', type: 'varchar', length: 255, nullable: true })
  checkError!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
