import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The desk console filters the order list by an amount range: `(amount_fen, created_at, id)` bounds
 * the range by the index on both databases (the same TableIndex API writes MySQL and SQLite DDL).
 */
export class OrderAmountIndex1764000100000 implements MigrationInterface {
  name = 'OrderAmountIndex1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'orders',
      new TableIndex({ name: 'idx_orders_amount_created', columnNames: ['amount_fen', 'created_at', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('orders', 'idx_orders_amount_created');
  }
}
