import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named lease in the database: how several server instances agree on who runs a job or a call. */
@Entity('leases')
export class Lease {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  holder!: string;

  /** Epoch milliseconds. */
  @Column({ name: 'expires_at', type: 'bigint' })
  expiresAt!: string;
}
