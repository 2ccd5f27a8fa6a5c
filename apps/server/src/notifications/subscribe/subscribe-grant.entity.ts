import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TimestampColumn } from '../../database/columns.js';

/**
 * What the user answered in `requestSubscribeMessage`, per template: each 允许 lets one message of
 * that template be sent (WeChat's one-time subscription), so `remaining` counts acceptances not yet
 * spent. WeChat stays the authority: a 43101 sets it back to 0.
 */
@Entity('subscribe_grants')
@Unique('uq_subscribe_grants_user_template', ['userId', 'templateId'])
export class SubscribeGrant {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'int', default: 0 })
  remaining!: number;

  /** `accept`, `reject`, `ban`, `filter` (WeChat's answers), or `refused` after a 43101. */
  @Column({ name: 'last_result', type: 'varchar', length: 16 })
  lastResult!: string;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
