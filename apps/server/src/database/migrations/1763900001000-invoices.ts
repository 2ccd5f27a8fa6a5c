import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** Invoice scans (票据识别): the detail of each `invoice_scan` order, with its duplicate detection. */
export class Invoices1763900001000 implements MigrationInterface {
  name = 'Invoices1763900001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'invoice_scans',
        columns: [
          c.id(),
          { ...c.int('order_id'), isUnique: true },
          c.int('user_id'),
          c.varchar('source', 16),
          c.varchar('status', 16),
          { ...c.varchar('oid', 64, true), isUnique: true },
          { ...c.varchar('callback_token_hash', 64, true), isUnique: true },
          c.varchar('vendor_id', 32, true),
          c.varchar('bill_id', 32, true),
          c.varchar('photo_file_id', 36, true),
          c.varchar('bill_type', 24, true),
          c.varchar('type_label', 64, true),
          c.int('amount_fen', true),
          c.varchar('issue_date', 10, true),
          c.varchar('month', 7),
          c.varchar('invoice_code', 16, true),
          c.varchar('invoice_number', 24, true),
          c.varchar('dedupe_key', 48, true),
          c.varchar('counted_key', 48, true),
          c.int('duplicate_of_id', true),
          c.varchar('qr_text', 255, true),
          c.text('bill_enc', true),
          c.varchar('failure_message', 255, true),
          c.datetime('reimbursed_at', true),
          c.int('replaced_by_id', true),
          c.int('retry_of_id', true),
          c.datetime('recognised_at', true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_invoice_scans_user_month', columnNames: ['user_id', 'month', 'id'] },
          // NULLs are distinct in a unique index on both databases: only the counted scan holds a key.
          { name: 'idx_invoice_scans_counted', columnNames: ['user_id', 'counted_key'], isUnique: true },
          { name: 'idx_invoice_scans_dedupe', columnNames: ['user_id', 'dedupe_key'] },
          { name: 'idx_invoice_scans_status', columnNames: ['status', 'created_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('invoice_scans');
  }
}
