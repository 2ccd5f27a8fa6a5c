import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

export type MerchantRole = 'owner' | 'staff';

@Entity('merchants')
export class Merchant {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  /** `scrypt$N$r$p$salt$hash`, never the password. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16, default: 'owner' })
  role!: MerchantRole;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Carried in every token issued; raised by a password change, which ends the older sessions. */
  @Column({ name: 'session_version', type: 'int', default: 0 })
  sessionVersion!: number;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
