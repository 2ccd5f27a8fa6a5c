import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DocloudClient, signUrl } from '@banshi/vendor-clients/docloud';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import {
  DOCLOUD_CALLBACK_CREDENTIALS,
  type DocloudCredentials,
} from '../../src/vehicles/callbacks/docloud-credentials.js';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { ORDER_POLL_JOB } from '../../src/vehicles/orders/order-updates.service.js';
import { orderKit } from './order-kit.js';
import { auth, docloud, newUser, waitFor } from './support.js';

interface Line {
  code: string;
  fineFen: number;
  serviceFeeFen: number;
  markFeeFen: number;
  totalFen: number;
}

describe.each(testDatabases())('vehicles: order status from callbacks and the fallback (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // The direct credit path (the merchant's account advances everything, no payment step): the
    // prepaid path has its own suite, test/payments/violation-payment.e2e-spec.ts.
    t = await startTestApp(kind, { VIOLATION_PREPAY: 'off' });
  });
  beforeEach(() => {
    docloud(t).timings.orderProcessMs = 150;
  });
  afterAll(() => t.close());

  const { newKey, carWithPayable, order, getOrder, untilStatus, eventTypes, detailOf, backdate } = orderKit(() => t);

  it('an order whose answer was lost (1117 on the retry) is found again from its callback, by its violations', async () => {
    const sim = docloud(t);
    const { user, car, codes } = await carWithPayable(1);
    // The vendor makes the order; its answer is lost, and the client's retry meets 1117.
    sim.faults.loseNextAnswer(1, 'fail', '/violation/create/order');
    const created = await order(user, { carId: car.id, codes }, newKey()).expect(201);
    const detail = await waitFor(async () => {
      const row = await detailOf(created.body.id);
      return row.vendorOrderId ? row : undefined;
    }, 'the vendor id from the callback');
    expect(sim.order(detail.vendorOrderId!).outOrderNo).toBe(created.body.orderNo);
    expect([...sim.ordersByOutOrderNo().get(created.body.orderNo)!]).toEqual([Number(detail.vendorOrderId)]);
    const done = await untilStatus(user, created.body.id, 'completed');
    expect(await eventTypes(done)).toContain('vendor_confirmed');
    expect(detail.state).toBe('created');
  });

  it('a paid callback that arrives while the create answer is still on its way waits for it: no adoption, no extra step', async () => {
    const sim = docloud(t);
    const { user, car, codes } = await carWithPayable(1);
    // The vendor pays the credit order at once and its callback reaches us before its answer to
    // the create call does: hold that answer until the callback has been answered once.
    const client = t.app.get(DocloudClient);
    const createOrder = client.createOrder.bind(client);
    client.createOrder = async (input) => {
      const created = await createOrder(input);
      await waitFor(
        async () =>
          sim.callbacks.deliveries.some(
            (d) => d.body.includes(`"orderId":${created.orderId},`) && d.answers.length > 0,
          ),
        'the paid callback to be answered before the create answer',
      );
      return created;
    };
    sim.timings.creditPayDelayMs = 0;
    // Done a while after paid, as a real order is: the paid callback's retry (200 ms) comes first.
    sim.timings.orderProcessMs = 1_000;
    try {
      const created = await order(user, { carId: car.id, codes }, newKey()).expect(201);
      const done = await untilStatus(user, created.body.id, 'completed');
      expect(await eventTypes(done)).toEqual([
        'created:pending',
        'status_changed:pending',
        'status_changed:processing',
        'status_changed:completed',
      ]);
    } finally {
      client.createOrder = createOrder;
      sim.timings.creditPayDelayMs = 20;
    }
  });

  it('quotes two violations, orders them, and follows the callbacks to done', async () => {
    const { user, car, codes } = await carWithPayable(2, '浙A66688');
    const quote = await t.http
      .post(`/api/vehicles/cars/${car.id}/quote`)
      .set(auth(user.token))
      .send({ codes })
      .expect(200);
    const lines = quote.body.lines as Line[];
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.totalFen).toBe(line.fineFen + line.serviceFeeFen + line.markFeeFen);
    expect(quote.body).toMatchObject({
      fineFen: 10000,
      markFeeFen: 0,
      deductSelf: false,
      paymentMode: 'credit',
      totalFen: 10000 + quote.body.serviceFeeFen,
    });

    const sim = docloud(t);
    const created = await order(user, { carId: car.id, codes, expectedTotalFen: quote.body.totalFen }, newKey()).expect(
      201,
    );
    expect(created.body).toMatchObject({
      status: 'pending',
      progressLabel: '订单已创建',
      title: '违章代缴 浙A**688 2条',
      plateNumber: '浙A**688',
      totalFen: quote.body.totalFen,
      paymentMode: 'credit',
      payUrl: null,
    });
    const done = await untilStatus(user, created.body.id, 'completed');
    expect(done.progressLabel).toBe('订单已完成');
    expect(done).not.toHaveProperty('vendorStatus');
    expect(done.lines.map((l: { processStatusLabel: string }) => l.processStatusLabel)).toEqual(['已处理', '已处理']);
    expect(await eventTypes(done)).toEqual([
      'created:pending',
      'status_changed:pending',
      'status_changed:processing',
      'status_changed:completed',
    ]);
    // The vendor's order is done, and the car's list shows the two handled.
    const vendorOrderId = (await detailOf(done.id)).vendorOrderId!;
    expect(sim.order(vendorOrderId)).toMatchObject({ status: 3, outOrderNo: done.orderNo, priceFen: done.totalFen });
    const list = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    const handled = list.body.items.filter((v: { code: string }) => codes.includes(v.code));
    expect(handled.map((v: { processStatus: number }) => v.processStatus)).toEqual([3, 3]);
    // It is in "my orders" and a notice says it is done.
    const mine = await t.http.get(`/api/orders/${done.id}`).set(auth(user.token)).expect(200);
    expect(mine.body).toMatchObject({ kind: 'violation_payment', status: 'completed', amountFen: done.totalFen });
    const notices = await t.http.get('/api/notices').set(auth(user.token)).expect(200);
    expect(notices.body.items[0]).toMatchObject({
      kind: 'order_completed',
      title: '违章代缴已完成',
      link: `/vehicles/pages/order/index?id=${done.id}`,
      read: false,
    });

    // The merchant sees the masked detail with the vendor's references.
    const merchant = await t.loginMerchant();
    const detail = await t.http.get(`/api/merchant/vehicles/orders/${done.id}`).set(auth(merchant)).expect(200);
    expect(detail.body).toMatchObject({
      plateNumber: '浙A**688',
      vendorOrderId,
      outOrderNo: done.orderNo,
      state: 'created',
      refundFen: 0,
      totalFen: done.totalFen,
    });
    expect(JSON.stringify(detail.body)).not.toContain('浙A66688');
    const stored = await t.dataSource.query(
      `SELECT o.title, e.payload, d.plate_enc, d.items_enc FROM orders o JOIN order_events e ON e.order_id = o.id JOIN violation_orders d ON d.order_id = o.id WHERE o.id = ${Number(done.id)}`,
    );
    expect(JSON.stringify(stored)).not.toContain('66688');
    await t.http.get(`/api/merchant/vehicles/orders/${done.id}`).set(auth(user.token)).expect(403);
    // Another user has no such order.
    const stranger = await newUser(t);
    await getOrder(stranger, done.id).expect(404);
  });

  it('a repeated callback changes nothing; a forged one is refused and stored as rejected', async () => {
    const sim = docloud(t);
    sim.timings.orderProcessMs = null;
    const { user, car, codes } = await carWithPayable(1);
    sim.repeatNextOrderCallback(2);
    const created = await order(user, { carId: car.id, codes }, newKey()).expect(201);
    const paid = await untilStatus(user, created.body.id, 'processing');
    await sim.callbacks.idle();
    const detail = await detailOf(paid.id);
    const [stored] = await t.dataSource
      .getRepository(VendorEvent)
      .findBy({ dedupeKey: `docloud:order:${detail.vendorOrderId}:2` });
    expect(stored).toMatchObject({ status: 'applied', outcome: 'transitioned', repeatCount: 2, orderId: paid.id });
    const after = await getOrder(user, paid.id).expect(200);
    expect((await eventTypes(after.body)).filter((e) => e === 'status_changed:processing')).toHaveLength(1);

    // A "done" with a wrong signature, for the same order.
    const body = JSON.stringify({
      success: true,
      data: { orderId: Number(detail.vendorOrderId), orderStatus: 3, violations: [] },
    });
    const forgedUrl = signUrl('http://x/api/callbacks/docloud/order', 'SANDBOXDOCLOUD01', 'not-the-secret', body);
    const forged = await t.http
      .post(`/api/callbacks/docloud/order${forgedUrl.slice(forgedUrl.indexOf('?'))}`)
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(401);
    expect(forged.body).toEqual({ success: false, message: 'signature verification failed' });
    expect((await getOrder(user, paid.id)).body.status).toBe('processing');
    const rejected = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'docloud', status: 'rejected' });
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    // A genuine one is still applied afterwards.
    sim.completeOrder(detail.vendorOrderId!);
    await untilStatus(user, paid.id, 'completed');
  });

  it('a correctly signed but malformed callback is answered 400 with what is wrong, and stored as rejected', async () => {
    const { appKey, appSecret } = t.app.get<symbol, DocloudCredentials>(DOCLOUD_CALLBACK_CREDENTIALS);
    const send = (path: string, body: string) => {
      const url = signUrl(`http://x${path}`, appKey, appSecret, body);
      return t.http
        .post(`${path}${url.slice(url.indexOf('?'))}`)
        .set('Content-Type', 'application/json')
        .send(body);
    };
    const cases: [string, string, string][] = [
      ['/api/callbacks/docloud/order', 'not json', 'body is not JSON'],
      ['/api/callbacks/docloud/order', '{"success":true,"data":{"orderId":"77","orderStatus":2.5}}', 'orderStatus'],
      ['/api/callbacks/docloud/order', '{"success":true,"data":{"orderId":"77","orderStatus":"2"}}', ''],
      ['/api/callbacks/docloud/order', '{"success":true,"data":{"orderId":"77","orderStatus":true}}', 'orderStatus'],
      ['/api/callbacks/docloud/violation', '{"success":"maybe","data":{"plateNumber":"浙A1"}}', 'success'],
      ['/api/callbacks/docloud/violation', '{"success":true,"data":{"plateNumber":"浙A1","items":5}}', 'items'],
    ];
    for (const [path, body, what] of cases) {
      const answer = await send(path, body);
      if (!what) {
        // A status as text is the document's own habit ("1" / 1): read, and here no order has it.
        expect(answer.status).toBe(200);
        continue;
      }
      expect([answer.status, answer.body.success]).toEqual([400, false]);
      expect(answer.body.message).toContain(what);
      expect(answer.body.message).not.toContain('signature');
    }
    const rejected = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'docloud', status: 'rejected' });
    for (const [, body, what] of cases.filter(([, , what]) => what)) {
      const row = rejected.find((event) => event.raw.body === body);
      expect(row?.reason).toContain(what);
    }
  });

  it('recovers a lost callback through the status job and the refresh button', async () => {
    const sim = docloud(t);
    sim.timings.orderProcessMs = null;
    const { user, car, codes } = await carWithPayable(1);
    sim.dropNextOrderCallback(1);
    const created = await order(user, { carId: car.id, codes }, newKey()).expect(201);
    const detail = await detailOf(created.body.id);
    await waitFor(async () => sim.order(detail.vendorOrderId!).status === 2, 'vendor paid');
    await sim.callbacks.idle();
    expect(sim.droppedOrderCallbacks.length).toBeGreaterThanOrEqual(1);
    expect((await getOrder(user, created.body.id)).body.status).toBe('pending');

    // Quiet for a while: the job asks the vendor. (A recent order is left alone.)
    const jobs = t.app.get(JobScheduler);
    expect(await jobs.runNow(ORDER_POLL_JOB)).toBe(true);
    expect((await getOrder(user, created.body.id)).body.status).toBe('pending');
    await backdate(created.body.id);
    expect(await jobs.runNow(ORDER_POLL_JOB)).toBe(true);
    const paid = await getOrder(user, created.body.id).expect(200);
    expect(paid.body).toMatchObject({ status: 'processing', progressLabel: '代缴账户已付款，办理中' });
    expect(paid.body.events.at(-1)).toMatchObject({ actor: 'system', message: '代缴账户已付款，服务商正在办理' });

    // The "done" callback is lost too: the user's refresh finds it.
    sim.dropNextOrderCallback(1);
    sim.completeOrder(detail.vendorOrderId!);
    await sim.callbacks.idle();
    const refreshed = await t.http
      .post(`/api/vehicles/orders/${created.body.id}/refresh`)
      .set(auth(user.token))
      .expect(200);
    expect(refreshed.body).toMatchObject({ status: 'completed', progressLabel: '订单已完成' });
  });

  it('the merchant console asks the vendor for the status of an order whose callback was lost', async () => {
    const sim = docloud(t);
    sim.timings.orderProcessMs = null;
    const { user, car, codes } = await carWithPayable(1);
    const created = await order(user, { carId: car.id, codes }, newKey()).expect(201);
    const detail = await detailOf(created.body.id);
    await waitFor(async () => sim.order(detail.vendorOrderId!).status === 2, 'vendor paid');
    await sim.callbacks.idle();
    sim.dropNextOrderCallback(1);
    sim.completeOrder(detail.vendorOrderId!);
    await sim.callbacks.idle();
    expect((await getOrder(user, created.body.id)).body.status).not.toBe('completed');

    const merchant = await t.loginMerchant('status-asker');
    await t.http
      .post(`/api/merchant/orders/${created.body.id}/refresh-status`)
      .set('Authorization', `Bearer ${merchant}`)
      .expect((response) => expect(response.status).toBeLessThan(300));
    const after = await getOrder(user, created.body.id).expect(200);
    expect(after.body).toMatchObject({ status: 'completed', progressLabel: '订单已完成' });
  });

  it('callbacks out of order: a late "paid" after "done" is recorded and ignored', async () => {
    const sim = docloud(t);
    const { user, car, codes } = await carWithPayable(1);
    sim.holdOrderCallbacks();
    const created = await order(user, { carId: car.id, codes }, newKey()).expect(201);
    const detail = await detailOf(created.body.id);
    await waitFor(async () => sim.order(detail.vendorOrderId!).status === 3, 'vendor done');
    sim.releaseOrderCallbacks({ reverse: true });
    await sim.callbacks.idle();
    const after = await getOrder(user, created.body.id).expect(200);
    expect(after.body.status).toBe('completed');
    expect(await eventTypes(after.body)).toEqual([
      'created:pending',
      'status_changed:pending',
      'status_changed:completed',
      'ignored_stale:completed',
    ]);
  });

  it('shows a partial refund, and a closed order with its reason', async () => {
    const sim = docloud(t);
    const two = await carWithPayable(2);
    sim.setNextOrderOutcome({ kind: 'partial-refund', refundCount: 1 });
    const partial = await order(two.user, { carId: two.car.id, codes: two.codes }, newKey()).expect(201);
    const done = await untilStatus(two.user, partial.body.id, 'completed');
    const refunded = done.lines.find((l: { processStatus: number }) => l.processStatus === 1);
    expect(done.refundFen).toBe(refunded.totalFen);
    expect(done.progressLabel).toBe('订单已完成（部分退款）');
    expect(done.events.some((e: { message: string }) => e.message.startsWith('部分违章未能办理，已退款'))).toBe(true);

    const one = await carWithPayable(1);
    sim.setNextOrderOutcome({ kind: 'close', cancelReason: '交管系统维护，订单已关闭并退款' });
    const closing = await order(one.user, { carId: one.car.id, codes: one.codes }, newKey()).expect(201);
    const closed = await untilStatus(one.user, closing.body.id, 'cancelled');
    expect(closed).toMatchObject({ cancelReason: '交管系统维护，订单已关闭并退款', refundFen: closed.totalFen });
    const notices = await t.http.get('/api/notices').set(auth(one.user.token)).expect(200);
    expect(notices.body.items[0]).toMatchObject({ title: '违章代缴订单已关闭' });
  });
});
