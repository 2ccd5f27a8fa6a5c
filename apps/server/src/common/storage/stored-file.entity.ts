import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

@Entity('stored_files')
@Index('idx_stored_files_delete_after', ['deleteAfter'])
@Index('idx_stored_files_order', ['orderId'])
export class StoredFile {
  /** Random, unguessable. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'owner_user_id', type: 'int', nullable: true })
  ownerUserId!: number | null;

  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  /** What it is: `portrait`, `receipt`, `bill` … */
  @Column({ type: 'varchar', length: 32 })
  purpose!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  /** Relative to the storage root. */
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  @TimestampColumn({ name: 'delete_after', nullable: true })
  deleteAfter!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
