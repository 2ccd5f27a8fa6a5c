import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encrypted } from '../../common/crypto/pii-cipher.js';
import { TimestampColumn } from '../../database/columns.js';

/**
 * A user's Docloud annual-inspection account: the token 《获取token》 gave for our stable user id
 * (`banshi-u-<id>`, never personal data). The token is a credential for the user's cars and orders
 * at the vendor, so it is encrypted like personal data.
 */
@Entity('inspection_accounts')
export class InspectionAccount {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int', unique: true })
  userId!: number;

  @Column({ name: 'token_enc', type: 'text', transformer: encrypted })
  token!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
