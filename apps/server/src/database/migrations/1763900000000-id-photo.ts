import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** ID-photo receipts (证件照回执): photo sessions, order details and the vendor submission rounds. */
export class IdPhoto1763900000000 implements MigrationInterface {
  name = 'IdPhoto1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'id_photo_sessions',
        columns: [
          c.id(),
          c.int('user_id'),
          c.int('item_id'),
          c.varchar('spec_name', 64),
          c.varchar('upload_file_id', 36),
          c.varchar('pic_id', 32, true),
          c.datetime('pic_made_at'),
          c.text('previews'),
          c.int('order_id', true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [{ name: 'idx_id_photo_sessions_user', columnNames: ['user_id', 'id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'id_photo_orders',
        columns: [
          c.id(),
          { ...c.int('order_id'), isUnique: true },
          c.int('user_id'),
          c.int('item_id'),
          c.varchar('spec_name', 64),
          c.varchar('vendor_order_no', 32),
          c.int('round', false, 1),
          c.int('session_id'),
          c.varchar('color', 16),
          c.text('param_enc'),
          c.bool('is_print'),
          c.text('print_param_enc', true),
          c.varchar('reject_msg', 255, true),
          c.varchar('receipt_file_id', 36, true),
          c.varchar('photo_file_id', 36, true),
          c.varchar('print_file_id', 36, true),
          c.varchar('express_name', 32, true),
          c.varchar('express_no', 64, true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [{ name: 'idx_id_photo_orders_user', columnNames: ['user_id', 'id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'zjz_submissions',
        columns: [
          c.id(),
          { ...c.varchar('token_hash', 64), isUnique: true },
          c.int('order_id', true),
          c.int('round'),
          c.int('session_id'),
          c.varchar('pic_id', 32),
          c.varchar('vendor_order_no', 32, true),
          c.datetime('created_at'),
        ],
        indices: [{ name: 'idx_zjz_submissions_order', columnNames: ['order_id', 'round'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['zjz_submissions', 'id_photo_orders', 'id_photo_sessions']) await queryRunner.dropTable(table);
  }
}
