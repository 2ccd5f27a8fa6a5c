import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/** `{ white: "<stored file id>", blue: … }`: no personal data, kept as plain JSON. */
const jsonRecord = {
  to: (value: Record<string, string>) => JSON.stringify(value ?? {}),
  from: (value: string | null) => (value ? (JSON.parse(value) as Record<string, string>) : {}),
};

/**
 * One uploaded portrait made to one spec: the normalised upload (kept so that an expired `pic_id`
 * can be made again without asking for the photo again), the vendor's `pic_id` (valid 50 minutes)
 * and our copies of the vendor's previews, one per background colour.
 */
@Entity('id_photo_sessions')
@Index('idx_id_photo_sessions_user', ['userId', 'id'])
export class IdPhotoSession {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'item_id', type: 'int' })
  itemId!: number;

  @Column({ name: 'spec_name', type: 'varchar', length: 64 })
  specName!: string;

  /** The normalised upload (EXIF stripped, upright, within the vendor's limits), owner-only. */
  @Column({ name: 'upload_file_id', type: 'varchar', length: 36 })
  uploadFileId!: string;

  /** The vendor's `pic_id`; null once the vendor said it expired (make the photo again). */
  @Column({ name: 'pic_id', type: 'varchar', length: 32, nullable: true })
  picId!: string | null;

  @TimestampColumn({ name: 'pic_made_at' })
  picMadeAt!: Date;

  @Column({ name: 'previews', type: 'text', transformer: jsonRecord })
  previews!: Record<string, string>;

  /** The order this photo went into; a photo serves one order. */
  @Column({ name: 'order_id', type: 'int', nullable: true })
  orderId!: number | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
