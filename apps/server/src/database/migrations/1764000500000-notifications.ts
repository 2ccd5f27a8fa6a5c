import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/**
 * Subscribe-message acceptances and the outbox that sends them once per status change; the
 * content-security checks of uploaded images and their verdicts.
 */
export class Notifications1764000500000 implements MigrationInterface {
  name = 'Notifications1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'subscribe_grants',
        columns: [
          c.id(),
          c.int('user_id'),
          c.varchar('template_id', 64),
          c.int('remaining', false, 0),
          c.varchar('last_result', 16),
          c.datetime('updated_at'),
        ],
        uniques: [{ name: 'uq_subscribe_grants_user_template', columnNames: ['user_id', 'template_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          c.id(),
          { ...c.varchar('dedupe_key', 191), isUnique: true },
          c.int('user_id'),
          c.int('order_id', true),
          c.varchar('template_id', 64),
          c.text('message'),
          c.varchar('state', 16),
          c.int('attempts', false, 0),
          c.datetime('next_attempt_at'),
          c.varchar('last_error', 255, true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_outbox_due', columnNames: ['state', 'next_attempt_at'] },
          { name: 'idx_outbox_order', columnNames: ['order_id', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'media_checks',
        columns: [
          c.id(),
          c.varchar('file_id', 36),
          c.int('user_id'),
          c.int('order_id', true),
          c.varchar('purpose', 32),
          { ...c.varchar('trace_id', 64, true), isUnique: true },
          c.varchar('state', 16),
          c.int('attempts', false, 0),
          c.varchar('suggest', 16, true),
          c.int('label', true),
          c.datetime('next_attempt_at'),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_media_checks_due', columnNames: ['state', 'next_attempt_at'] },
          { name: 'idx_media_checks_file', columnNames: ['file_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('media_checks');
    await queryRunner.dropTable('notification_outbox');
    await queryRunner.dropTable('subscribe_grants');
  }
}
