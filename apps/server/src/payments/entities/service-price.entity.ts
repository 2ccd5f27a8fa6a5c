import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/** The merchant's price of one paid service, in fen; no row (or 0) means free. */
@Entity('service_prices')
export class ServicePrice {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  service!: string;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen!: number;

  @Column({ name: 'updated_by', type: 'int', nullable: true })
  updatedBy!: number | null;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
