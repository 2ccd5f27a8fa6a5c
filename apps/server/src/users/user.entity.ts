import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../database/columns.js';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  openid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  @Column({ type: 'varchar', length: 64, default: '' })
  nickname!: string;

  /** Encrypted; `phoneIndex` is its blind index for lookups. */
  @Column({ name: 'phone_enc', type: 'text', nullable: true, transformer: encrypted })
  phone!: string | null;

  @Column({ name: 'phone_index', type: 'varchar', length: 64, nullable: true })
  phoneIndex!: string | null;

  /** Last four digits of the phone, in clear: the merchant filters by it, and it identifies no one alone. */
  @Column({ name: 'phone_last4', type: 'varchar', length: 4, nullable: true })
  phoneLast4!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
