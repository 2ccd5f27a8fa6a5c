import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An inspection order whose create call got no answer is stored before Docloud's orderId is known
 * (the vendor may have it; see InspectionOrders): `vendor_order_id` may be null until then. The
 * unique index stays: both databases allow any number of nulls in it.
 */
export class InspectionUnconfirmed1763900006000 implements MigrationInterface {
  name = 'InspectionUnconfirmed1763900006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.setNullable(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM inspection_orders WHERE vendor_order_id IS NULL`);
    await this.setNullable(queryRunner, false);
  }

  private async setNullable(queryRunner: QueryRunner, nullable: boolean): Promise<void> {
    const table = await queryRunner.getTable('inspection_orders');
    const column = table?.findColumnByName('vendor_order_id');
    if (!table || !column) throw new Error('inspection_orders.vendor_order_id is missing');
    const changed = column.clone();
    changed.isNullable = nullable;
    // SQLite has no ALTER COLUMN: TypeORM rebuilds the table, keeping its rows and indexes.
    await queryRunner.changeColumn(table, column, changed);
  }
}
