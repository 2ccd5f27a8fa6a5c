import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/**
 * A merchant's session version, carried in every token it is issued: a password change raises it,
 * which ends the account's other sessions (the merchant guard compares the two on each request).
 */
export class MerchantSessionVersion1764000300000 implements MigrationInterface {
  name = 'MerchantSessionVersion1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('merchants', new TableColumn(columnKit(queryRunner).int('session_version', false, 0)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('merchants', 'session_version');
  }
}
