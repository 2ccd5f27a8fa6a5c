import { UniqueVendorRef1764000800000 } from '../../src/database/migrations/1764000800000-unique-vendor-ref.js';
import type { OrderKind } from '../../src/orders/order-status.js';
import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two orders of one vendor never share a reference the vendor promises unique (the Docloud
 * simulator once reused its ids after a restart, and a new order took an old one's callbacks).
 */
describe.each(testDatabases())('orders: one order per vendor reference (%s)', (kind) => {
  let t: TestApp;
  let userId: number;
  beforeAll(async () => {
    t = await startTestApp(kind);
    userId = await userIdOf(t, await t.loginUser());
  });
  afterAll(() => t.close());

  const seed = (orderKind: OrderKind, ref: string | null) => seedOrder(t, userId, orderKind, undefined, ref);

  it.each(['id_photo', 'identity', 'violation_payment', 'inspection'] as const)(
    'refuses a second %s order with the same vendor ref',
    async (orderKind) => {
      await seed(orderKind, `REF-${orderKind}`);
      await expect(seed(orderKind, `REF-${orderKind}`)).rejects.toThrow();
    },
  );

  it('allows what may be shared: one Yundou oid over several bills, Docloud ids in two namespaces, no ref, an empty ref', async () => {
    await seed('invoice_scan', 'OID-1');
    await seed('invoice_scan', 'OID-1');
    await seed('violation_payment', '5550001');
    await seed('inspection', '5550001');
    await seed('violation_payment', null);
    await seed('violation_payment', null);
    await seed('id_photo', '');
    await seed('id_photo', '');
  });

  it('the migration keeps existing shared refs valid and keys every other order', async () => {
    const migration = new UniqueVendorRef1764000800000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const older = await seed('violation_payment', 'DUP-1');
      const newer = await seed('violation_payment', 'DUP-1');
      await migration.up(runner);
      const rows = (await t.dataSource.query(
        `SELECT id, vendor_ref_shared AS shared FROM orders WHERE vendor_ref = 'DUP-1' ORDER BY id`,
      )) as { id: number; shared: number }[];
      expect(rows.map((row) => [Number(row.id), Number(row.shared)])).toEqual([
        [older.id, 1],
        [newer.id, 0],
      ]);
      await expect(seed('violation_payment', 'DUP-1')).rejects.toThrow();
    } finally {
      await runner.release();
    }
  });
});
