import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** The outgoing-call ledger: vendor calls whose answer can be lost, intent before, outcome after. */
export class OutgoingCalls1764001700000 implements MigrationInterface {
  name = 'OutgoingCalls1764001700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'outgoing_calls',
        columns: [
          c.id(),
          c.varchar('vendor', 16),
          c.varchar('operation', 32),
          c.varchar('subject_kind', 16),
          c.varchar('subject_id', 64),
          { ...c.varchar('idempotency_key', 128), isUnique: true },
          c.varchar('status', 24),
          c.int('attempts', false, 1),
          c.text('request_summary', true),
          c.text('outcome_summary', true),
          c.varchar('error_class', 64, true),
          c.varchar('settled_by', 16, true),
          c.int('settled_by_merchant_id', true),
          c.varchar('note', 255, true),
          c.datetime('attention_at', true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
          c.datetime('settled_at', true),
        ],
        indices: [
          { name: 'idx_outgoing_calls_open', columnNames: ['status', 'updated_at'] },
          { name: 'idx_outgoing_calls_subject', columnNames: ['subject_kind', 'subject_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outgoing_calls');
  }
}
