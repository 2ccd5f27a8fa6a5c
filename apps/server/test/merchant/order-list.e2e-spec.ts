import { filteredOrders, orderedAfter, type MerchantOrderFilter } from '../../src/orders/merchant-order-query.js';
import { ORDER_KINDS, ORDER_STATUSES } from '../../src/orders/order-status.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  auth,
  byTime,
  listAll,
  seedOrders,
  seedUsers,
  type ListedOrder,
  type SeededOrder,
  type SeededUser,
} from './support.js';

const ORDERS = 3000;
const china = (day: string, plusDays = 0) => Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000;

describe.each(testDatabases())('merchant order list over %s', (kind) => {
  let t: TestApp;
  let token: string;
  let users: SeededUser[];
  let seeded: SeededOrder[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    token = await t.loginMerchant('lister');
    users = await seedUsers(t.dataSource, 40, 'list');
    seeded = await seedOrders(t.dataSource, users, ORDERS, 'BT');
  }, 120_000);
  afterAll(() => t.close());

  /** The seeded orders a filter should list, in the list's order. */
  const expected = (keep: (order: SeededOrder) => boolean, direction: 'asc' | 'desc') =>
    seeded.filter(keep).sort(byTime(direction));

  /** Lists every page both ways and checks: each seeded match exactly once, in time order, nothing else. */
  async function checkFilter(query: Record<string, string>, keep: (order: SeededOrder) => boolean) {
    const seededIds = new Set(seeded.map((order) => order.id));
    const results: Record<'asc' | 'desc', ListedOrder[]> = { asc: [], desc: [] };
    for (const sort of ['desc', 'asc'] as const) {
      const { items } = await listAll(t, token, { ...query, sort });
      results[sort] = items;
      expect(new Set(items.map((o) => o.id)).size).toBe(items.length);
      const times = items.map((o) => [Date.parse(o.createdAt), o.id] as const);
      const inOrder = times.every(
        ([at, id], i) =>
          i === 0 ||
          (sort === 'desc'
            ? at < times[i - 1][0] || (at === times[i - 1][0] && id < times[i - 1][1])
            : at > times[i - 1][0] || (at === times[i - 1][0] && id > times[i - 1][1])),
      );
      expect(inOrder).toBe(true);
      const mine = items.filter((o) => seededIds.has(o.id)).map((o) => o.id);
      expect(mine).toEqual(expected(keep, sort).map((o) => o.id));
    }
    expect(results.asc.map((o) => o.id)).toEqual(results.desc.map((o) => o.id).reverse());

    const counts = await t.http.get('/api/merchant/orders/counts').query(query).set(auth(token)).expect(200);
    expect(counts.body.total).toBe(results.desc.length);
    for (const status of ORDER_STATUSES) {
      expect(counts.body.byStatus[status]).toBe(results.desc.filter((o) => o.status === status).length);
    }
    return results.desc;
  }

  it('lists every order exactly once, newest first by default and oldest first on request', async () => {
    const listed = await checkFilter({}, () => true);
    expect(listed.length).toBeGreaterThanOrEqual(ORDERS);
    // Ties on the creation time exist, so the id really has to break them.
    const instants = new Set(seeded.map((order) => order.createdAt.getTime()));
    expect(instants.size).toBeLessThan(ORDERS);
    // Without `sort` the list is newest first, as before.
    const defaultPage = await t.http.get('/api/merchant/orders').query({ limit: 5 }).set(auth(token)).expect(200);
    expect(defaultPage.body.items.map((o: ListedOrder) => o.id)).toEqual(listed.slice(0, 5).map((o) => o.id));
  }, 120_000);

  it.each(ORDER_KINDS)(
    'filters by kind %s',
    async (orderKind) => {
      await checkFilter({ kind: orderKind }, (o) => o.kind === orderKind);
    },
    60_000,
  );

  it.each(ORDER_STATUSES)(
    'filters by status %s',
    async (status) => {
      await checkFilter({ status }, (o) => o.status === status);
    },
    60_000,
  );

  it('filters by kind and status together', async () => {
    await checkFilter(
      { kind: 'violation_payment', status: 'processing' },
      (o) => o.kind === 'violation_payment' && o.status === 'processing',
    );
  }, 60_000);

  it('filters by a range of China days, both ends included, midnight belonging to its own day', async () => {
    const inRange = (o: SeededOrder) =>
      o.createdAt.getTime() >= china('2025-01-05') && o.createdAt.getTime() < china('2025-01-09', 1);
    const listed = await checkFilter({ from: '2025-01-05', to: '2025-01-09' }, inRange);
    expect(listed.some((o) => Date.parse(o.createdAt) === china('2025-01-05'))).toBe(true);
    expect(seeded.some((o) => o.createdAt.getTime() === china('2025-01-10'))).toBe(true);
    expect(listed.some((o) => Date.parse(o.createdAt) === china('2025-01-10'))).toBe(false);
  }, 60_000);

  it("filters by the last four digits of the user's phone, across users who share them", async () => {
    const last4 = users[0].phone.slice(-4);
    const owners = users.filter((user) => user.phone.endsWith(last4));
    expect(owners.length).toBeGreaterThan(1);
    const listed = await checkFilter({ phoneLast4: last4 }, (o) => o.phoneLast4 === last4);
    expect(new Set(listed.map((o) => o.userId)).size).toBe(owners.length);
  }, 60_000);

  it('filters by vendor reference and by order number, exactly', async () => {
    const shared = await checkFilter({ vendorRef: 'BT-SHARED' }, (o) => o.vendorRef === 'BT-SHARED');
    expect(shared.length).toBeGreaterThan(5);
    await checkFilter({ vendorRef: 'BT-VR-3' }, (o) => o.vendorRef === 'BT-VR-3');
    const one = seeded[1234];
    const byNo = await checkFilter({ orderNo: one.orderNo }, (o) => o.orderNo === one.orderNo);
    expect(byNo.map((o) => o.id)).toEqual([one.id]);
  }, 60_000);

  it('combines filters: kind, phone and a date range', async () => {
    const last4 = users[3].phone.slice(-4);
    await checkFilter(
      { kind: 'identity', phoneLast4: last4, from: '2025-01-01', to: '2025-01-20' },
      (o) => o.kind === 'identity' && o.phoneLast4 === last4 && o.createdAt.getTime() < china('2025-01-20', 1),
    );
  }, 60_000);

  it('refuses a cursor of the other direction, a forged one, and bad filters, with messages', async () => {
    const first = await t.http.get('/api/merchant/orders').query({ limit: 3 }).set(auth(token)).expect(200);
    const wrongWay = await t.http
      .get('/api/merchant/orders')
      .query({ sort: 'asc', cursor: first.body.nextCursor })
      .set(auth(token))
      .expect(400);
    expect(wrongWay.body.code).toBe('BAD_CURSOR');
    await t.http.get('/api/merchant/orders').query({ cursor: 'Zm9v' }).set(auth(token)).expect(400);
    const phone = await t.http.get('/api/merchant/orders').query({ phoneLast4: '12a4' }).set(auth(token)).expect(400);
    expect(phone.body).toMatchObject({ code: 'VALIDATION', message: '手机尾号应为 4 位数字' });
    const sort = await t.http.get('/api/merchant/orders/counts').query({ sort: 'up' }).set(auth(token)).expect(400);
    expect(sort.body.code).toBe('VALIDATION');
    const day = await t.http.get('/api/merchant/orders').query({ from: '2025-02-30' }).set(auth(token)).expect(400);
    expect(day.body.code).toBe('BAD_DATE');
  });

  it('a cursor of the earlier id-only list still continues the newest-first list', async () => {
    const listed = (await t.http.get('/api/merchant/orders').query({ limit: 10 }).set(auth(token)).expect(200)).body
      .items as ListedOrder[];
    const legacy = Buffer.from(`id:${listed[4].id}`).toString('base64url');
    const next = await t.http
      .get('/api/merchant/orders')
      .query({ limit: 5, cursor: legacy })
      .set(auth(token))
      .expect(200);
    expect(next.body.items.map((o: ListedOrder) => o.id)).toEqual(listed.slice(5, 10).map((o) => o.id));
  });

  it('the list and its counts read through indexes, and need no sort where an index gives the order', async () => {
    await t.dataSource.query(kind === 'mysql' ? 'ANALYZE TABLE orders, users' : 'ANALYZE');
    const explain = (sql: string, params: unknown[]) =>
      t.dataSource.query(`${kind === 'mysql' ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`, params) as Promise<
        Array<Record<string, string | null>>
      >;
    /** One line per table access: `o:<how>` — the access type and key on MySQL, the plan line on SQLite. */
    const describePlan = (plan: Array<Record<string, string | null>>) =>
      kind === 'mysql'
        ? plan.map((row) => `${row.table}:${row.type}:${row.key}:${row.Extra}`)
        : plan.map((row) => String(row.detail));
    const fullScan = (line: string) =>
      kind === 'mysql'
        ? /^(o|u):ALL:/.test(line)
        : /^SCAN (o|u)$/.test(line) || (/^SCAN (o|u) /.test(line) && !/USING/.test(line));
    const sorts = (line: string) => /filesort|TEMP B-TREE FOR ORDER BY/.test(line);

    const filters: Record<string, MerchantOrderFilter> = {
      none: {},
      kind: { kind: 'identity' },
      status: { status: 'pending' },
      kindStatus: { kind: 'identity', status: 'pending' },
      days: { from: '2025-01-05', to: '2025-01-09' },
      kindDays: { kind: 'inspection', from: '2025-01-05', to: '2025-01-09' },
      phone: { phoneLast4: users[5].phone.slice(-4) },
      vendorRef: { vendorRef: 'BT-SHARED' },
      orderNo: { orderNo: seeded[7].orderNo },
    };
    const ordered = new Set(['none', 'kind', 'status', 'kindStatus', 'days', 'kindDays']);
    const after = { createdAt: new Date(china('2025-01-15')), id: seeded[1500].id };
    for (const [name, filter] of Object.entries(filters)) {
      for (const sort of ['desc', 'asc'] as const) {
        for (const keyset of [undefined, after]) {
          // 20 rows, the mini-program's page size.
          const [sql, params] = orderedAfter(filteredOrders(t.dataSource, filter), sort, keyset)
            .limit(21)
            .getQueryAndParameters();
          const plan = describePlan(await explain(sql, params));
          expect({ name, sort, plan, fullScan: plan.some(fullScan) }).toMatchObject({ fullScan: false });
          if (ordered.has(name)) expect({ name, sort, plan, sorts: plan.some(sorts) }).toMatchObject({ sorts: false });
        }
      }
      const [countSql, countParams] = filteredOrders(t.dataSource, filter)
        .select('o.status')
        .addSelect('COUNT(*)')
        .groupBy('o.status')
        .getQueryAndParameters();
      const countPlan = describePlan(await explain(countSql, countParams));
      expect({ name, countPlan, fullScan: countPlan.some(fullScan) }).toMatchObject({ fullScan: false });
    }
  }, 60_000);
});
