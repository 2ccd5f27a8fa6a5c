import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One order per vendor reference, where the vendor promises its references are unique: zjz
 * `order_no` (id_photo), Zhima's certification id (identity), Docloud's violation `orderId`
 * (violation_payment) and inspection `orderId` (inspection; a namespace of its own). Not for
 * invoice_scan, whose ref is our own Yundou `oid`, shared by the bills of one photo; never for an
 * empty ref (a zjz submission whose answer was lost) or none at all.
 *
 * Existing data stays valid: references that are already shared (only the Docloud simulator's
 * restarts made them: it reused its ids) are flagged `vendor_ref_shared` on all but the newest
 * order, and left as they were; the key covers every other order and every new one.
 * SQLite takes a partial unique index; MySQL/MariaDB, which have none, a unique index over a
 * stored generated column that is NULL wherever the key does not apply (NULLs never collide).
 */
export class UniqueVendorRef1764000800000 implements MigrationInterface {
  name = 'UniqueVendorRef1764000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.query(
      `ALTER TABLE orders ADD COLUMN vendor_ref_shared ${mysql ? 'TINYINT(1)' : 'INTEGER'} NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(
      `UPDATE orders SET vendor_ref_shared = 1
       WHERE ${KEYED} AND id IN (SELECT id FROM (
         SELECT o.id FROM orders o JOIN orders newer
           ON newer.kind = o.kind AND newer.vendor_ref = o.vendor_ref AND newer.id > o.id
       ) AS older)`,
    );
    if (mysql) {
      await queryRunner.query(
        `ALTER TABLE orders ADD COLUMN vendor_ref_key VARCHAR(64)
           GENERATED ALWAYS AS (CASE WHEN ${KEYED} AND vendor_ref_shared = 0 THEN vendor_ref END) STORED`,
      );
      await queryRunner.query(`CREATE UNIQUE INDEX uq_orders_vendor_ref ON orders (kind, vendor_ref_key)`);
    } else {
      await queryRunner.query(
        `CREATE UNIQUE INDEX uq_orders_vendor_ref ON orders (kind, vendor_ref) WHERE ${KEYED} AND vendor_ref_shared = 0`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === 'mysql';
    await queryRunner.query(mysql ? `DROP INDEX uq_orders_vendor_ref ON orders` : `DROP INDEX uq_orders_vendor_ref`);
    if (mysql) await queryRunner.query(`ALTER TABLE orders DROP COLUMN vendor_ref_key`);
    await queryRunner.query(`ALTER TABLE orders DROP COLUMN vendor_ref_shared`);
  }
}

/** The orders whose ref the vendor promises unique. */
const KEYED = `kind <> 'invoice_scan' AND vendor_ref IS NOT NULL AND vendor_ref <> ''`;
