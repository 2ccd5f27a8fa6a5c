import { Order } from '../../src/orders/order.entity.js';
import { MerchantAuditLog } from '../../src/merchant/audit/merchant-audit-log.entity.js';
import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(testDatabases())('the desk console: amount range and exporting a selection (%s)', (kind) => {
  let t: TestApp;
  let merchant: string;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind);
    merchant = await t.loginMerchant('amount-owner');
    const user = await userIdOf(t, await t.loginUser('amount-user'));
    for (const amountFen of [0, 500, 1500, 2900, 12_000]) {
      const order = await seedOrder(t, user, 'violation_payment');
      await t.dataSource.getRepository(Order).update({ id: order.id }, { amountFen });
      ids.push(order.id);
    }
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(path).set('Authorization', `Bearer ${merchant}`);

  it('lists and counts only the orders within the amount range, both ends included', async () => {
    const list = await get('/api/merchant/orders?minAmountFen=500&maxAmountFen=2900&limit=100').expect(200);
    expect(
      list.body.items.map((o: { amountFen: number }) => o.amountFen).sort((a: number, b: number) => a - b),
    ).toEqual([500, 1500, 2900]);
    const counts = await get('/api/merchant/orders/counts?minAmountFen=1000').expect(200);
    expect(counts.body.total).toBe(3);
  });

  it('refuses a malformed amount or selection with a message a person can act on', async () => {
    const bad = await get('/api/merchant/orders?minAmountFen=-1').expect(400);
    expect(JSON.stringify(bad.body)).toContain('最低金额不能为负数');
    const selection = await get('/api/merchant/orders/export?ids=1,abc').expect(400);
    expect(JSON.stringify(selection.body)).toContain('所选订单无效');
  });

  it('exports only the selected orders, masked, and records the selection in the audit log', async () => {
    const picked = [ids[1], ids[3]];
    const csv = await get(`/api/merchant/orders/export?format=csv&ids=${picked.join(',')}`).expect(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(3); // header + two orders
    const numbers = await t.dataSource.getRepository(Order).findBy(picked.map((id) => ({ id })));
    for (const order of numbers) expect(csv.text).toContain(order.orderNo);
    const audit = await t.dataSource
      .getRepository(MerchantAuditLog)
      .findOne({ where: { action: 'orders_export' }, order: { id: 'DESC' } });
    expect(audit?.details).toContain(String(picked[0]));
  });
});
