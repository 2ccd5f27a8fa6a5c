import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** WeChat Pay payments and refunds of priced orders, and the merchant's prices per service. */
export class Payments1764000900000 implements MigrationInterface {
  name = 'Payments1764000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'payments',
        columns: [
          c.id(),
          { ...c.int('order_id'), isUnique: true },
          c.int('user_id'),
          { ...c.varchar('out_trade_no', 32), isUnique: true },
          c.int('amount_fen'),
          c.varchar('description', 127),
          c.varchar('status', 24),
          c.varchar('prepay_id', 64, true),
          c.varchar('transaction_id', 32, true),
          c.int('paid_fen', false, 0),
          c.int('refunded_fen', false, 0),
          c.datetime('paid_at', true),
          c.datetime('expires_at'),
          c.varchar('fulfilment', 16, false, 'none'),
          c.int('fulfil_attempts', false, 0),
          c.datetime('fulfil_next_at', true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_payments_status_expires', columnNames: ['status', 'expires_at'] },
          { name: 'idx_payments_fulfilment', columnNames: ['fulfilment', 'fulfil_next_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'payment_refunds',
        columns: [
          c.id(),
          c.int('payment_id'),
          c.int('order_id'),
          { ...c.varchar('out_refund_no', 64), isUnique: true },
          c.int('amount_fen'),
          c.varchar('reason', 80),
          c.varchar('status', 16),
          c.varchar('refund_id', 32, true),
          c.int('attempts', false, 0),
          c.datetime('next_attempt_at'),
          c.varchar('last_error', 255, true),
          c.datetime('succeeded_at', true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_refunds_payment', columnNames: ['payment_id', 'id'] },
          { name: 'idx_refunds_status_next', columnNames: ['status', 'next_attempt_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_prices',
        columns: [
          { ...c.varchar('service', 32), isPrimary: true },
          c.int('amount_fen'),
          c.int('updated_by', true),
          c.datetime('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('service_prices');
    await queryRunner.dropTable('payment_refunds');
    await queryRunner.dropTable('payments');
  }
}
