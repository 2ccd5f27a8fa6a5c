import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** Identity verification (实名认证): one row per attempt the vendor answered, keyed by its order. */
export class Identity1763900002000 implements MigrationInterface {
  name = 'Identity1763900002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'identity_certifications',
        columns: [
          c.id(),
          { ...c.int('order_id'), isUnique: true },
          c.int('user_id'),
          { ...c.varchar('transaction_id', 32), isUnique: true },
          c.varchar('biz_no', 64),
          c.bool('passed'),
          c.varchar('failed_reason', 255, true),
          c.text('cert_name_enc'),
          c.text('cert_no_enc'),
          c.varchar('cert_no_index', 64),
          c.datetime('created_at'),
        ],
        indices: [
          { name: 'idx_identity_cert_user_created', columnNames: ['user_id', 'created_at'] },
          { name: 'idx_identity_cert_user', columnNames: ['user_id', 'id'] },
          { name: 'idx_identity_cert_no_index', columnNames: ['cert_no_index', 'passed'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('identity_certifications');
  }
}
