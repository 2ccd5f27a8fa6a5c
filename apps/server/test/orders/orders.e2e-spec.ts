import { OrdersService } from '../../src/orders/orders.service.js';
import { UsersService } from '../../src/users/users.service.js';
import { testDatabases } from '../support/databases.js';
import { rawUserRow, seedOrder, userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(testDatabases())('orders (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("a user gets 404 on another user's order, and sees their own with its timeline", async () => {
    const alice = await t.loginUser('alice');
    const bob = await t.loginUser('bob');
    const order = await seedOrder(t, await userIdOf(t, bob));
    await t.http.get(`/api/orders/${order.id}`).set('Authorization', `Bearer ${alice}`).expect(404);
    const own = await t.http.get(`/api/orders/${order.id}`).set('Authorization', `Bearer ${bob}`).expect(200);
    expect(own.body).toMatchObject({ id: order.id, kind: 'id_photo', status: 'pending', amountFen: 700 });
    expect(own.body.events).toEqual([expect.objectContaining({ actor: 'user', toStatus: 'pending' })]);
    // The vendor's code is the merchant's: a user's order carries none. A step keeps our own step kind.
    expect(own.body).not.toHaveProperty('vendorStatus');
    expect(own.body.events[0]).not.toHaveProperty('vendorStatus');
    expect(own.body.events[0]).toMatchObject({ type: 'created' });
    const aliceList = await t.http.get('/api/orders').set('Authorization', `Bearer ${alice}`).expect(200);
    expect(aliceList.body.items.map((o: { id: number }) => o.id)).not.toContain(order.id);
  });

  it('a non-numeric order id is a 404, not a 500', async () => {
    const token = await t.loginUser();
    await t.http.get('/api/orders/abc').set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('keyset paging returns every order exactly once while new orders arrive between pages', async () => {
    const token = await t.loginUser('pager');
    const userId = await userIdOf(t, token);
    const original: number[] = [];
    for (let i = 0; i < 23; i++) original.push((await seedOrder(t, userId)).id);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; nextCursor: string | null } } = await t.http
        .get('/api/orders')
        .query({ limit: 5, ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      seen.push(...page.body.items.map((o) => o.id));
      cursor = page.body.nextCursor;
      await seedOrder(t, userId); // a new order lands while the user scrolls
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => original.includes(id)).sort((a, b) => a - b)).toEqual(original);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('a forged cursor is a 400 with a message', async () => {
    const token = await t.loginUser();
    const response = await t.http
      .get('/api/orders')
      .query({ cursor: 'bm9wZQ' })
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(response.body.code).toBe('BAD_CURSOR');
  });

  it('merchant list: filters by kind, status, order number and date range, and opens an order with its timeline', async () => {
    const merchant = await t.loginMerchant('filters');
    const userId = await userIdOf(t, await t.loginUser('filter-user'));
    const car = await seedOrder(t, userId, 'violation_payment', {
      status: 'processing',
      vendorStatus: '2',
      progress: 20,
    });
    await seedOrder(t, userId, 'invoice_scan');
    const auth = { Authorization: `Bearer ${merchant}` };

    const byKind = await t.http.get('/api/merchant/orders').query({ kind: 'violation_payment' }).set(auth).expect(200);
    expect(byKind.body.items.every((o: { kind: string }) => o.kind === 'violation_payment')).toBe(true);
    expect(byKind.body.items.map((o: { id: number }) => o.id)).toContain(car.id);

    const byStatus = await t.http.get('/api/merchant/orders').query({ status: 'processing' }).set(auth).expect(200);
    expect(byStatus.body.items.map((o: { id: number }) => o.id)).toEqual([car.id]);

    const byNo = await t.http.get('/api/merchant/orders').query({ orderNo: car.orderNo }).set(auth).expect(200);
    expect(byNo.body.items).toHaveLength(1);
    expect(byNo.body.items[0]).toMatchObject({ id: car.id, userId, vendorRef: null });

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const inRange = await t.http.get('/api/merchant/orders').query({ from: today, to: today }).set(auth).expect(200);
    expect(inRange.body.items.map((o: { id: number }) => o.id)).toContain(car.id);
    const past = await t.http
      .get('/api/merchant/orders')
      .query({ from: '2020-01-01', to: '2020-01-31' })
      .set(auth)
      .expect(200);
    expect(past.body.items).toEqual([]);

    const bad = await t.http
      .get('/api/merchant/orders')
      .query({ status: 'shipped', from: '23-11-2026' })
      .set(auth)
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION');

    const detail = await t.http.get(`/api/merchant/orders/${car.id}`).set(auth).expect(200);
    expect(detail.body.order).toMatchObject({ id: car.id, orderNo: car.orderNo });
    expect(detail.body.events[0]).toMatchObject({ type: 'created', actor: 'user' });
  });

  it('a phone number is encrypted at rest: the raw row holds no phone in clear, the API masks it', async () => {
    const token = await t.loginUser('phone-owner');
    const userId = await userIdOf(t, token);
    await t.app.get(UsersService).setPhone(userId, '13812345678');
    const row = await rawUserRow(t.dataSource, userId);
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(String(row.phone_enc)).toMatch(/^v1\./);
    const me = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.phone).toBe('138****5678');
  });

  it('orders service: a status never moves backwards', async () => {
    const userId = await userIdOf(t, await t.loginUser('mover'));
    const order = await seedOrder(t, userId);
    const orders = t.app.get(OrdersService);
    const meta = { actor: 'vendor' as const, message: 'test' };
    await t.dataSource.transaction((m) =>
      orders.applyStep(m, order.id, { status: 'completed', vendorStatus: '3', progress: 30 }, meta),
    );
    const late = await t.dataSource.transaction((m) =>
      orders.applyStep(m, order.id, { status: 'processing', vendorStatus: '2', progress: 20 }, meta),
    );
    expect(late).toMatchObject({ applied: false, reason: 'stale' });
    const detail = await orders.getForMerchant(order.id);
    expect(detail.order.status).toBe('completed');
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'status_changed', 'ignored_stale']);
  });

  // Last: its orders of every status would show in the merchant filters above.
  it("我的订单's tabs: the list is filtered by status group on the server, and a bad tab is a 400", async () => {
    const token = await t.loginUser('tabs');
    const userId = await userIdOf(t, token);
    const step = (status: 'pending' | 'processing' | 'action_required' | 'completed' | 'failed' | 'cancelled') => ({
      status,
      vendorStatus: '1',
      progress: 10,
    });
    const ids: Record<string, number> = {};
    for (const status of ['pending', 'processing', 'action_required', 'completed', 'failed', 'cancelled'] as const) {
      ids[status] = (await seedOrder(t, userId, 'id_photo', step(status))).id;
    }
    const tab = async (status?: string) =>
      (
        await t.http
          .get('/api/orders')
          .query(status ? { status } : {})
          .set('Authorization', `Bearer ${token}`)
          .expect(200)
      ).body.items.map((o: { id: number }) => o.id);
    expect(await tab()).toHaveLength(6);
    expect(await tab('in_progress')).toEqual([ids.processing, ids.pending]);
    expect(await tab('action_required')).toEqual([ids.action_required]);
    expect(await tab('completed')).toEqual([ids.completed]);
    expect(await tab('closed')).toEqual([ids.cancelled, ids.failed]);
    const bad = await t.http.get('/api/orders?status=done').set('Authorization', `Bearer ${token}`).expect(400);
    expect(bad.body.message).toContain('订单状态筛选无效');
  });
});
