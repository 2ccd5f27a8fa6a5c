import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** The daily reconciliation of WeChat Pay's trade bill: one run per day, and what it found. */
export class Reconciliation1764001600000 implements MigrationInterface {
  name = 'Reconciliation1764001600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'reconciliation_runs',
        columns: [
          c.id(),
          { ...c.varchar('bill_date', 10), isUnique: true },
          c.varchar('status', 16),
          c.int('attempts', false, 0),
          c.varchar('error', 255, true),
          c.int('bill_lines', false, 0),
          c.int('matched', false, 0),
          c.int('mismatches', false, 0),
          c.text('counts', true),
          c.int('wechat_paid_fen', false, 0),
          c.int('wechat_refund_fen', false, 0),
          c.int('wechat_fee_fen', false, 0),
          c.int('our_paid_fen', false, 0),
          c.int('our_refund_fen', false, 0),
          c.datetime('started_at'),
          c.datetime('finished_at', true),
          c.datetime('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reconciliation_mismatches',
        columns: [
          c.id(),
          c.int('run_id'),
          c.varchar('bill_date', 10),
          c.varchar('kind', 24),
          c.varchar('match_key', 128),
          c.varchar('out_trade_no', 32),
          c.varchar('out_refund_no', 64, true),
          c.varchar('transaction_id', 32, true),
          c.int('order_id', true),
          c.int('wechat_fen', true),
          c.int('our_fen', true),
          c.varchar('wechat_status', 16, true),
          c.varchar('our_status', 24, true),
          c.varchar('detail', 255),
          c.datetime('created_at'),
        ],
        indices: [{ name: 'uq_reconciliation_mismatch', columnNames: ['run_id', 'match_key'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reconciliation_mismatches');
    await queryRunner.dropTable('reconciliation_runs');
  }
}
