import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { makeIdNumber } from '@banshi/vendor-clients';
import { DocloudClient } from '@banshi/vendor-clients/docloud';
import { ViolationOrder } from '../../src/vehicles/entities/violation-order.entity.js';
import { makeLicencePhoto } from './images.js';
import { orderKit } from './order-kit.js';
import { addCar, auth, docloud, newUser, waitFor } from './support.js';

const CREATE = '/violation/create/order';
const DRIVER = makeIdNumber('330106', '19880506', 71);

describe.each(testDatabases())('vehicles: ordering violation payments (%s)', (kind) => {
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

  const { newKey, carWithPayable, order, getOrder, untilStatus } = orderKit(() => t);

  it('a retried create with the same idempotency key makes no second vendor order', async () => {
    const sim = docloud(t);
    const { user, car, codes } = await carWithPayable(1);
    const key = newKey();
    const before = sim.host.callsTo(CREATE);
    const first = await order(user, { carId: car.id, codes }, key).expect(201);
    // The answer was lost on the way: the app sends the same request again, then several at once.
    const again = await order(user, { carId: car.id, codes, idempotencyKey: key }).expect(201);
    const burst = await Promise.all([1, 2, 3].map(() => order(user, { carId: car.id, codes }, key)));
    expect(again.body.id).toBe(first.body.id);
    expect(burst.map((r) => [r.status, r.body.id])).toEqual([1, 2, 3].map(() => [201, first.body.id]));
    expect(sim.host.callsTo(CREATE) - before).toBe(1);
    const rows = await t.dataSource.getRepository(ViolationOrder).findBy({ carId: car.id });
    expect(rows).toHaveLength(1);

    // Concurrent first attempts with a new key: one order too.
    const other = await carWithPayable(1);
    const key2 = newKey();
    const before2 = sim.host.callsTo(CREATE);
    const together = await Promise.all(
      [1, 2, 3, 4].map(() => order(other.user, { carId: other.car.id, codes: other.codes }, key2)),
    );
    expect(new Set(together.map((r) => r.body.id)).size).toBe(1);
    expect(together.every((r) => r.status === 201)).toBe(true);
    expect(sim.host.callsTo(CREATE) - before2).toBe(1);

    // The key cannot be reused for something else, and a request without a key is refused.
    const reused = await order(user, { carId: car.id, codes: ['other'] }, key).expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const keyless = await order(user, { carId: car.id, codes }).expect(400);
    expect(keyless.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('keeps an attempt the vendor did not answer, and sends it again with the same number on retry', async () => {
    const sim = docloud(t);
    const { user, car, codes } = await carWithPayable(2);
    const key = newKey();
    sim.faults.failNext(2); // the create call and the client's own retry
    const down = await order(user, { carId: car.id, codes: [codes[0]] }, key).expect(503);
    expect(down.body).toMatchObject({
      retryable: true,
      message: '违章代缴服务暂时无法下单，请稍后重试；重试不会重复扣款',
    });
    const attempt = await t.dataSource.getRepository(ViolationOrder).findOneByOrFail({ idempotencyKey: key });
    expect(attempt).toMatchObject({ state: 'creating', vendorOrderId: null });
    const pendingOrder = await getOrder(user, attempt.orderId).expect(200);
    expect(pendingOrder.body).toMatchObject({ status: 'pending', progressLabel: '提交中', awaitingCheck: false });

    const retried = await order(user, { carId: car.id, codes: [codes[0]] }, key).expect(201);
    expect(retried.body.id).toBe(attempt.orderId);
    const vendorOrderId = (await t.dataSource.getRepository(ViolationOrder).findOneByOrFail({ idempotencyKey: key }))
      .vendorOrderId;
    expect(sim.order(vendorOrderId!).outOrderNo).toBe(retried.body.orderNo);

    // This time the vendor did take the first attempt, but its answer was lost: the retry meets
    // 1117 and the order is shown as being checked, never as failed (the vendor may charge for it).
    const key2 = newKey();
    sim.faults.failNext(2);
    await order(user, { carId: car.id, codes: [codes[1]] }, key2).expect(503);
    const lost = await t.dataSource.getRepository(ViolationOrder).findOneByOrFail({ idempotencyKey: key2 });
    const client = t.app.get(DocloudClient, { strict: false });
    // Its credit-payment callback would adopt the attempt before the retry arrives (as it should):
    // held here, so that the retry is the one that meets 1117.
    sim.holdOrderCallbacks();
    await client.createOrder({
      token: lost.vendorToken!,
      violationCodes: [codes[1]],
      totalPriceFen: lost.totalFen,
      outOrderNo: lost.outOrderNo,
    });
    const unknown = await order(user, { carId: car.id, codes: [codes[1]] }, key2).expect(201);
    expect(unknown.body).toMatchObject({ status: 'processing', progressLabel: '待核实', awaitingCheck: true });
    expect(unknown.body.events.at(-1).message).toBe('服务商已受理该订单但未返回订单号，客服将核实办理结果');
    sim.releaseOrderCallbacks();
  });

  it('refuses a changed price before the vendor, and remembers a vendor refusal for the same key', async () => {
    const sim = docloud(t);
    sim.timings.orderProcessMs = null;
    const { user, car, codes } = await carWithPayable(1);
    const before = sim.host.callsTo(CREATE);
    const changed = await order(user, { carId: car.id, codes, expectedTotalFen: 1 }, newKey()).expect(409);
    expect(changed.body).toEqual({ code: 'PRICE_CHANGED', message: '违章费用已更新，请返回确认新的金额后再支付' });
    expect(sim.host.callsTo(CREATE)).toBe(before);

    // Ordered and paid once; then our stored list goes stale (still "untreated") and the user orders again.
    const first = await order(user, { carId: car.id, codes }, newKey()).expect(201);
    await untilStatus(user, first.body.id, 'processing');
    await t.dataSource.query(`UPDATE vehicle_violations SET process_status = 1 WHERE car_id = ${Number(car.id)}`);
    const key = newKey();
    const refused = await order(user, { carId: car.id, codes }, key).expect(422);
    expect(refused.body).toEqual({ code: 'DOCLOUD_1104', message: '所选违章已在办理中，无需重复下单；请刷新违章列表' });
    const failedOrder = await t.dataSource.getRepository(ViolationOrder).findOneByOrFail({ idempotencyKey: key });
    expect((await getOrder(user, failedOrder.orderId)).body).toMatchObject({
      status: 'failed',
      failureMessage: refused.body.message,
    });
    const calls = sim.host.callsTo(CREATE);
    const replay = await order(user, { carId: car.id, codes }, key).expect(422);
    expect(replay.body).toEqual(refused.body);
    expect(sim.host.callsTo(CREATE)).toBe(calls);
  });

  it('point violations: self-deduct check, travel licence, then a self-deduct order', async () => {
    const { user, car } = await carWithPayable(0, '苏E12361');
    const points = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    const withPoints = points.body.items.filter((v: { points: number }) => v.points > 0);
    expect(withPoints.length).toBeGreaterThan(0);
    expect(withPoints.every((v: { canSelect: boolean }) => !v.canSelect)).toBe(true);

    const bad = await t.http
      .post(`/api/vehicles/cars/${car.id}/deduct-self`)
      .set(auth(user.token))
      .send({ driveNum: '123', fileNum: '330100123456' })
      .expect(400);
    expect(bad.body.message).toBe('请填写正确的驾驶证号（18 位身份证号）');
    const check = await t.http
      .post(`/api/vehicles/cars/${car.id}/deduct-self`)
      .set(auth(user.token))
      .send({ driveNum: DRIVER, fileNum: '330100123456' })
      .expect(200);
    expect(check.body).toEqual({ passed: true, message: '验证通过：扣分违章可以代办了，需同时上传行驶证' });
    const [carRow] = await t.dataSource.query(
      `SELECT drive_num_enc, file_num_enc FROM vehicle_cars WHERE id = ${Number(car.id)}`,
    );
    expect(JSON.stringify(carRow)).not.toContain(DRIVER);

    const list = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    const selectable = list.body.items.filter(
      (v: { canSelect: boolean; points: number }) => v.canSelect && v.points > 0,
    );
    expect(selectable.length).toBeGreaterThan(0);
    expect(selectable[0].markFeeFen).toBe(selectable[0].points * 5000);
    const codes = [selectable[0].code];
    const noLicence = await order(user, { carId: car.id, codes }, newKey()).expect(409);
    expect(noLicence.body.code).toBe('TRAVEL_LICENSE_REQUIRED');

    const photo = await makeLicencePhoto();
    expect(photo.length).toBeGreaterThan(500 * 1024);
    const front = await t.http
      .post(`/api/vehicles/cars/${car.id}/travel-license/front`)
      .set(auth(user.token))
      .attach('file', photo, { filename: 'front.jpg', contentType: 'image/jpeg' })
      .expect(200);
    expect(front.body).toEqual({ front: true, back: false, uploaded: false });
    const notImage = await t.http
      .post(`/api/vehicles/cars/${car.id}/travel-license/back`)
      .set(auth(user.token))
      .attach('file', Buffer.from('%PDF-1.4 not an image'), { filename: 'back.pdf', contentType: 'application/pdf' });
    expect(notImage.status).toBeGreaterThanOrEqual(400);
    expect(notImage.status).toBeLessThan(500);
    const back = await t.http
      .post(`/api/vehicles/cars/${car.id}/travel-license/back`)
      .set(auth(user.token))
      .attach('file', photo, { filename: 'back.jpg', contentType: 'image/jpeg' })
      .expect(200);
    expect(back.body).toEqual({ front: false, back: false, uploaded: true });
    const files = await t.dataSource.query(`SELECT id FROM stored_files WHERE purpose = 'travel-license'`);
    expect(files).toEqual([]);

    const quote = await t.http
      .post(`/api/vehicles/cars/${car.id}/quote`)
      .set(auth(user.token))
      .send({ codes })
      .expect(200);
    expect(quote.body).toMatchObject({ deductSelf: true, markFeeFen: selectable[0].markFeeFen });
    const created = await order(user, { carId: car.id, codes, expectedTotalFen: quote.body.totalFen }, newKey()).expect(
      201,
    );
    expect(created.body).toMatchObject({ deductSelf: true, totalFen: quote.body.totalFen });
    await untilStatus(user, created.body.id, 'completed');
  });
});

describe.each(testDatabases())('vehicles: online payment (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { DOCLOUD_PAYMENT_MODE: 'online' });
    docloud(t).setPaymentMode('online');
    docloud(t).timings.orderProcessMs = 150;
  });
  afterAll(() => t.close());

  it('asks the user to pay on the vendor’s page, then follows the order to done', async () => {
    const user = await newUser(t);
    const car = await addCar(t, user, '沪C3342Y', { engineNo: undefined });
    const list = await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token)).expect(200);
    const codes = list.body.items
      .filter((v: { canSelect: boolean }) => v.canSelect)
      .map((v: { code: string }) => v.code);
    const quote = await t.http
      .post(`/api/vehicles/cars/${car.id}/quote`)
      .set(auth(user.token))
      .send({ codes })
      .expect(200);
    expect(quote.body).toMatchObject({ paymentMode: 'online', paymentNote: expect.stringContaining('支付页面') });
    const created = await t.http
      .post('/api/vehicles/orders')
      .set(auth(user.token))
      .set('Idempotency-Key', `online-${Date.now()}`)
      .send({ carId: car.id, codes })
      .expect(201);
    expect(created.body).toMatchObject({
      status: 'action_required',
      progressLabel: '订单已创建',
      paymentMode: 'online',
    });
    expect(created.body.payUrl).toMatch(/\/violation\/pay\?orderId=\d+&key=/);

    const page = await fetch(created.body.payUrl);
    expect(page.status).toBe(200);
    const done = await waitFor(async () => {
      const response = await t.http.get(`/api/vehicles/orders/${created.body.id}`).set(auth(user.token));
      return response.body.status === 'completed' ? response.body : undefined;
    }, 'online order done');
    expect(done.payUrl).toBeNull();
    expect(done.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'pending',
      'action_required',
      'processing',
      'completed',
    ]);
  });
});
