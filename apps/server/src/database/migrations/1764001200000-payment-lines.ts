import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/**
 * What a priced order's amount is made of (e.g. 证件照回执 + 打印邮寄), as the user saw it before
 * committing: JSON `[{ label, amountFen }]`, kept with the payment because prices may change later.
 * Null for payments made before (their amount is one line).
 */
export class PaymentLines1764001200000 implements MigrationInterface {
  name = 'PaymentLines1764001200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('payments', new TableColumn(columnKit(queryRunner).text('lines', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('payments', 'lines');
  }
}
