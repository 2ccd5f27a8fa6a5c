import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/**
 * A priced identity attempt between 待支付 and Zhima's verdict: whose identity is to be checked
 * (encrypted, as in `identity_certifications`), until when the paid user may take the face photo,
 * and why Zhima refused it, if it did. The photo itself is never stored.
 */
export class IdentityPaidAttempts1764001300000 implements MigrationInterface {
  name = 'IdentityPaidAttempts1764001300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'identity_paid_attempts',
        columns: [
          c.id(),
          { ...c.int('order_id'), isUnique: true },
          c.int('user_id'),
          c.text('cert_name_enc'),
          c.text('cert_no_enc'),
          c.varchar('cert_no_index', 64),
          c.datetime('face_due_at'),
          c.varchar('refused_reason', 255, true),
          c.datetime('created_at'),
        ],
        indices: [{ name: 'idx_identity_paid_user', columnNames: ['user_id', 'id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('identity_paid_attempts');
  }
}
