import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/**
 * Merchant console: indexes for the order list by time under each filter, for the stuck-order
 * scan and for the dashboard's callback error rates; the merchant audit log.
 */
export class MerchantConsole1763900005000 implements MigrationInterface {
  name = 'MerchantConsole1763900005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    const orderIndexes: Array<[string, string[]]> = [
      ['idx_orders_kind_created', ['kind', 'created_at', 'id']],
      ['idx_orders_status_created', ['status', 'created_at', 'id']],
      ['idx_orders_kind_status_created', ['kind', 'status', 'created_at', 'id']],
      ['idx_orders_user_created', ['user_id', 'created_at', 'id']],
      ['idx_orders_stuck', ['kind', 'status', 'status_changed_at']],
    ];
    for (const [name, columnNames] of orderIndexes) {
      await queryRunner.createIndex('orders', new TableIndex({ name, columnNames }));
    }
    await queryRunner.createIndex(
      'vendor_events',
      new TableIndex({ name: 'idx_vendor_events_received', columnNames: ['received_at', 'vendor', 'status'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'merchant_audit_log',
        columns: [
          c.id(),
          c.int('merchant_id'),
          c.varchar('merchant_username', 64),
          c.varchar('action', 32),
          c.varchar('target', 128, false, ''),
          c.text('details', true),
          c.varchar('ip', 64, false, ''),
          c.datetime('created_at'),
        ],
        indices: [
          { name: 'idx_merchant_audit_merchant', columnNames: ['merchant_id', 'id'] },
          { name: 'idx_merchant_audit_action', columnNames: ['action', 'id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('merchant_audit_log');
    await queryRunner.dropIndex('vendor_events', 'idx_vendor_events_received');
    for (const name of [
      'idx_orders_stuck',
      'idx_orders_user_created',
      'idx_orders_kind_status_created',
      'idx_orders_status_created',
      'idx_orders_kind_created',
    ]) {
      await queryRunner.dropIndex('orders', name);
    }
  }
}
