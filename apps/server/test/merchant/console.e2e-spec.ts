import { VendorTimeoutError } from '@banshi/vendor-clients';
import ExcelJS from 'exceljs';
import { CallbackInbox } from '../../src/callbacks/callback-inbox.service.js';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { Transactions } from '../../src/database/transactions.js';
import { OrderEvent } from '../../src/orders/order-event.entity.js';
import { OrderStatusRefreshers } from '../../src/orders/order-status-refresher.js';
import { Order } from '../../src/orders/order.entity.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { UsersService } from '../../src/users/users.service.js';
import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auth, rawCallback, testVendorHandler } from './support.js';

const PHONE = '13912345678';
const ID_NUMBER = '110101199003071233';

describe.each(testDatabases())('merchant console: orders, callbacks, attention (%s)', (kind) => {
  let t: TestApp;
  let owner: string;
  let staff: string;
  let inbox: CallbackInbox;
  let userId: number;
  const knobs = { failApply: 0 };
  /** Every merchant response body, to be scanned for personal data at the end. */
  const bodies: string[] = [];

  const asMerchant = async (token: string, method: 'get' | 'post', path: string, expected: number, query = {}) => {
    const response = await t.http[method](path).query(query).set(auth(token)).expect(expected);
    bodies.push(response.text);
    return response;
  };
  const deliver = (body: object) => inbox.receive(handler(), rawCallback(body));
  let handler: () => ReturnType<typeof testVendorHandler>;

  beforeAll(async () => {
    t = await startTestApp(kind, { STUCK_ORDER_MINUTES: 'identity=30,inspection=60' });
    inbox = t.app.get(CallbackInbox);
    const registered = testVendorHandler(t.app.get(OrdersService), knobs);
    handler = () => registered;
    inbox.register(registered);
    owner = await t.loginMerchant('boss');
    staff = await t.loginMerchant('clerk', 'staff');
    userId = await userIdOf(t, await t.loginUser('console-user'));
    await t.app.get(UsersService).setPhone(userId, PHONE);
  });
  afterAll(() => t.close());

  it('an order shows its user masked, its timeline and every callback behind it with what it did', async () => {
    const order = await seedOrder(
      t,
      userId,
      'id_photo',
      { status: 'pending', vendorStatus: '1', progress: 10 },
      'MC-1',
    );
    const personal = { ref: 'MC-1', sign: 'good', id_number: ID_NUMBER, mobile: PHONE, name: '张三丰' };
    expect((await deliver({ ...personal, status: 2 })).status).toBe(200);
    await deliver({ ...personal, status: 2 });
    await deliver({ ...personal, status: 2 });
    expect((await deliver({ ...personal, status: 3, sign: 'forged' })).status).toBe(401);

    const { body } = await asMerchant(staff, 'get', `/api/merchant/orders/${order.id}`, 200);
    expect(body.order).toMatchObject({ id: order.id, status: 'processing', vendorRef: 'MC-1' });
    expect(body.user).toEqual(expect.objectContaining({ id: userId, phone: '139****5678' }));
    expect(body.events.map((e: { type: string; actor: string }) => `${e.actor}:${e.type}`)).toEqual([
      'user:created',
      'vendor:status_changed',
    ]);
    expect(body.callbacks).toHaveLength(1);
    expect(body.callbacks[0]).toMatchObject({
      vendor: 'testvendor',
      topic: 'order',
      status: 'applied',
      verified: true,
      outcome: 'transitioned',
      repeatCount: 2,
      attempts: 1,
      replayable: false,
      orderId: order.id,
    });
    expect(body.callbacks[0].payload.body).toMatchObject({ id_number: '110***********1233', mobile: '139****5678' });
    expect(body.canRefreshStatus).toBe(false);
  });

  it('lists callbacks that were rejected or failed, with the reason masked, and only the owner replays one, once (staff are refused)', async () => {
    const order = await seedOrder(
      t,
      userId,
      'id_photo',
      { status: 'processing', vendorStatus: '2', progress: 20 },
      'MC-2',
    );
    knobs.failApply = 1;
    expect((await deliver({ ref: 'MC-2', status: 3, sign: 'good', id_number: ID_NUMBER })).status).toBe(503);
    expect((await t.dataSource.getRepository(Order).findOneByOrFail({ id: order.id })).status).toBe('processing');

    const failed = await asMerchant(staff, 'get', '/api/merchant/attention/callbacks', 200, { status: 'failed' });
    const row = failed.body.items.find(
      (item: { payload: { body: { ref: string } } }) => item.payload.body.ref === 'MC-2',
    );
    expect(row).toMatchObject({ status: 'failed', replayable: true, vendor: 'testvendor', topic: 'order' });
    expect(row.reason).toContain('110***********1233');
    const both = await asMerchant(staff, 'get', '/api/merchant/attention/callbacks', 200);
    expect(both.body.items.map((item: { status: string }) => item.status)).toEqual(
      expect.arrayContaining(['failed', 'rejected']),
    );
    const rejected = await asMerchant(staff, 'get', '/api/merchant/attention/callbacks', 200, { status: 'rejected' });
    expect(rejected.body.items[0]).toMatchObject({ status: 'rejected', verified: false, replayable: false });
    expect(rejected.body.items[0].reason).toBe('bad sign');
    const summary = await asMerchant(staff, 'get', '/api/merchant/attention/summary', 200);
    expect(summary.body).toMatchObject({ failedCallbacks: 1, rejectedCallbacks: 1 });

    const refused = await asMerchant(staff, 'post', `/api/merchant/callbacks/${row.id}/replay`, 403);
    expect(refused.body.code).toBe('ROLE_FORBIDDEN');
    const replayed = await asMerchant(owner, 'post', `/api/merchant/callbacks/${row.id}/replay`, 200);
    expect(replayed.body).toMatchObject({
      applied: true,
      callback: { id: row.id, status: 'applied', orderId: order.id },
    });
    const again = await asMerchant(owner, 'post', `/api/merchant/callbacks/${row.id}/replay`, 409);
    expect(again.body).toMatchObject({ code: 'NOT_REPLAYABLE', message: '只有处理失败的回调可以重放' });

    expect((await t.dataSource.getRepository(Order).findOneByOrFail({ id: order.id })).status).toBe('completed');
    const events = await t.dataSource
      .getRepository(OrderEvent)
      .find({ where: { orderId: order.id }, order: { id: 'ASC' } });
    expect(events.filter((e) => e.type === 'status_changed' && e.toStatus === 'completed')).toHaveLength(1);
    expect(events.map((e) => `${e.actor}:${e.type}`)).toEqual([
      'user:created',
      'vendor:status_changed',
      'merchant:merchant_replay',
    ]);
    const detail = await asMerchant(owner, 'get', `/api/merchant/orders/${order.id}`, 200);
    expect(detail.body.callbacks).toEqual([expect.objectContaining({ id: row.id, status: 'applied', attempts: 2 })]);
    expect((await asMerchant(staff, 'get', '/api/merchant/attention/summary', 200)).body.failedCallbacks).toBe(0);

    await asMerchant(owner, 'post', '/api/merchant/callbacks/999999/replay', 404);
    await asMerchant(owner, 'post', '/api/merchant/callbacks/abc/replay', 404);
  });

  it('two replays at once of the same failed callback change the order once', async () => {
    const order = await seedOrder(
      t,
      userId,
      'id_photo',
      { status: 'pending', vendorStatus: '1', progress: 10 },
      'MC-3',
    );
    knobs.failApply = 1;
    await deliver({ ref: 'MC-3', status: 2, sign: 'good' });
    const [stored] = await t.dataSource.getRepository(VendorEvent).findBy({ dedupeKey: 'testvendor:MC-3:2' });
    expect(stored.status).toBe('failed');
    const answers = await Promise.all(
      [owner, owner].map((token) => t.http.post(`/api/merchant/callbacks/${stored.id}/replay`).set(auth(token))),
    );
    expect(answers.every((answer) => [200, 409].includes(answer.status))).toBe(true);
    expect(answers.some((answer) => answer.status === 200 && answer.body.applied === true)).toBe(true);
    const changes = await t.dataSource.getRepository(OrderEvent).findBy({ orderId: order.id, type: 'status_changed' });
    expect(changes).toHaveLength(1);
    expect((await t.dataSource.getRepository(Order).findOneByOrFail({ id: order.id })).status).toBe('processing');
  });

  it('lists orders stuck past their kind threshold, longest first, with whether the vendor can be asked', async () => {
    const refreshers = t.app.get(OrderStatusRefreshers);
    const orders = t.app.get(OrdersService);
    refreshers.register({
      kind: 'inspection',
      refresh: (orderId) =>
        t.app
          .get(Transactions)
          .run((manager) =>
            orders.applyStep(
              manager,
              orderId,
              { status: 'completed', vendorStatus: 'done', progress: 90 },
              { actor: 'system', message: '服务商查询：已完成' },
            ),
          )
          .then(() => undefined),
    });
    const old = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const stuckIdentity = await seedOrder(t, userId, 'identity');
    const stuckInspection = await seedOrder(t, userId, 'inspection', {
      status: 'processing',
      vendorStatus: 'p',
      progress: 20,
    });
    const freshIdentity = await seedOrder(t, userId, 'identity');
    const doneIdentity = await seedOrder(t, userId, 'identity', {
      status: 'completed',
      vendorStatus: 'ok',
      progress: 30,
    });
    const repository = t.dataSource.getRepository(Order);
    await repository.update({ id: stuckIdentity.id }, { statusChangedAt: old(45) });
    await repository.update({ id: stuckInspection.id }, { statusChangedAt: old(120) });
    await repository.update({ id: freshIdentity.id }, { statusChangedAt: old(20) });
    await repository.update({ id: doneIdentity.id }, { statusChangedAt: old(600) });

    const seen: Array<{ id: number; stuckMinutes: number; thresholdMinutes: number; canRefreshStatus: boolean }> = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof seen; nextCursor: string | null } } = await asMerchant(
        staff,
        'get',
        '/api/merchant/attention/stuck-orders',
        200,
        { limit: 1, ...(cursor ? { cursor } : {}) },
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const ids = seen.map((order) => order.id);
    expect(ids).toEqual(expect.arrayContaining([stuckInspection.id, stuckIdentity.id]));
    expect(ids.indexOf(stuckInspection.id)).toBeLessThan(ids.indexOf(stuckIdentity.id));
    expect(ids).not.toContain(freshIdentity.id);
    expect(ids).not.toContain(doneIdentity.id);
    const inspection = seen.find((order) => order.id === stuckInspection.id);
    expect(inspection).toMatchObject({ thresholdMinutes: 60, canRefreshStatus: true });
    expect(inspection?.stuckMinutes).toBeGreaterThanOrEqual(119);
    expect(seen.find((order) => order.id === stuckIdentity.id)).toMatchObject({
      thresholdMinutes: 30,
      canRefreshStatus: false,
    });
    const onlyIdentity = await asMerchant(staff, 'get', '/api/merchant/attention/stuck-orders', 200, {
      kind: 'identity',
    });
    expect(onlyIdentity.body.items.map((order: { kind: string }) => order.kind)).toEqual(
      onlyIdentity.body.items.map(() => 'identity'),
    );

    // Asking the vendor: the registered kind moves on, a kind without a query API is a 409 that says so.
    const refreshed = await asMerchant(staff, 'post', `/api/merchant/orders/${stuckInspection.id}/refresh-status`, 200);
    expect(refreshed.body).toMatchObject({ changed: true, order: { id: stuckInspection.id, status: 'completed' } });
    const detail = await asMerchant(staff, 'get', `/api/merchant/orders/${stuckInspection.id}`, 200);
    expect(detail.body.canRefreshStatus).toBe(true);
    expect(detail.body.events.map((e: { actor: string; type: string }) => `${e.actor}:${e.type}`)).toEqual([
      'user:created',
      'system:status_changed',
      'merchant:merchant_status_query',
    ]);
    const none = await asMerchant(staff, 'post', `/api/merchant/orders/${stuckIdentity.id}/refresh-status`, 409);
    expect(none.body.code).toBe('NO_STATUS_QUERY');
    expect(none.body.message).toContain('实名认证的服务商没有提供状态查询接口');
    await asMerchant(staff, 'post', '/api/merchant/orders/999999/refresh-status', 404);
    const after = await asMerchant(staff, 'get', '/api/merchant/attention/stuck-orders', 200);
    expect(after.body.items.map((order: { id: number }) => order.id)).not.toContain(stuckInspection.id);
  });

  it('a vendor that cannot answer a status query is a 503 the merchant may retry', async () => {
    const refreshers = t.app.get(OrderStatusRefreshers);
    refreshers.register({
      kind: 'violation_payment',
      refresh: () => Promise.reject(new VendorTimeoutError('docloud', 'GET /order timed out')),
    });
    const order = await seedOrder(t, userId, 'violation_payment', {
      status: 'processing',
      vendorStatus: '2',
      progress: 20,
    });
    const answer = await asMerchant(owner, 'post', `/api/merchant/orders/${order.id}/refresh-status`, 503);
    expect(answer.body).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retryable: true });
    expect(answer.body.message).toContain('违章代缴');
  });

  it('no merchant response holds a phone number or an ID number in clear', async () => {
    await asMerchant(owner, 'get', '/api/merchant/orders', 200, { phoneLast4: PHONE.slice(-4) });
    await asMerchant(owner, 'get', '/api/merchant/orders/counts', 200);
    await asMerchant(owner, 'get', '/api/merchant/dashboard', 200);
    await asMerchant(owner, 'get', '/api/merchant/audit-log', 200);
    await asMerchant(owner, 'get', '/api/merchant/accounts', 200);
    await asMerchant(owner, 'get', '/api/merchant/me', 200);
    await asMerchant(owner, 'get', '/api/merchant/attention/stuck-orders', 200);
    await asMerchant(owner, 'get', '/api/merchant/attention/callbacks', 200);
    // The exports: the CSV as text, the XLSX as the values exceljs reads back.
    const csv = await asMerchant(owner, 'get', '/api/merchant/orders/export', 200, { format: 'csv' });
    expect(csv.text).toContain('139****5678');
    const xlsx = await t.http
      .get('/api/merchant/orders/export')
      .query({ format: 'xlsx' })
      .set(auth(owner))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = xlsx.body as Buffer;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    bodies.push(JSON.stringify(workbook.getWorksheet('订单')?.getSheetValues()));
    expect(bodies.at(-1)).toContain('139****5678');
    expect(bodies.length).toBeGreaterThan(25);
    const leaks = bodies.filter((text) => text.includes(PHONE) || text.includes(ID_NUMBER) || text.includes('张三丰'));
    expect(leaks).toEqual([]);
    expect(bodies.join('\n')).toContain('139****5678');
  });
});
