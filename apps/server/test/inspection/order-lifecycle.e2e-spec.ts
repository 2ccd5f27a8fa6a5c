import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { STATUS_JOB } from '../../src/inspection/inspection-status.service.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addGarageCar, auth, docloud, placeOrder, rawRows, saveCar } from './support.js';

describe.each(testDatabases())('inspection: from an eligible car to a finished order (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    docloud(t);
  });
  afterAll(() => t.close());

  it('binds the car, quotes, places the order, and follows every status to 已收件 through the status job', async () => {
    const sim = docloud(t);
    const token = await t.loginUser('lifecycle-owner');
    const carId = await addGarageCar(t, token, '浙B2A7K1');

    const saved = await saveCar(t, token, carId).expect(200);
    expect(saved.body).toMatchObject({ garageCarId: carId, plateNumber: '浙B**7K1', bound: true, openOrderId: null });
    expect(saved.body.exemption.eligible).toBe(true);
    expect(saved.body.profile).toMatchObject({
      brandName: '奥迪',
      seriesName: 'A3',
      modelName: '2014款 30 TFSI 豪华型',
    });

    const pre = await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
    expect(pre.body).toMatchObject({ priceFen: 11800, inspectionCityName: '宁波市', useFor: 0 });
    expect(pre.body.materials.map((m: { text: string }) => m.text)).toEqual([
      '行驶证正副本原件',
      '在保险期间内的交强险保单副本原件',
      '车主身份证正反面复印件',
      '车辆违章处理完',
    ]);
    const policy = pre.body.materials[1];
    expect(policy.hints).toHaveLength(3);
    expect(policy.sampleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.png$/);
    const picture = await fetch(policy.sampleUrl);
    expect(picture.headers.get('content-type')).toBe('image/png');

    // Credit (挂账) pays at once: the vendor is already at 15 when the order comes back.
    const created = await placeOrder(t, token, carId, 11800).expect(201);
    const orderId: number = created.body.id;
    expect(created.body).toMatchObject({
      status: 'processing',
      worderStatus: 15,
      worderLabel: '待取件',
      amountFen: 11800,
      plateNumber: '浙B**7K1',
      cityName: '宁波市',
      shopName: '宁波平台养车免检服务中心',
      returnAddress: { name: '张*', phone: '139****5678', province: '浙江省', city: '宁波市', county: '鄞州区' },
      returnShipment: null,
    });
    const detail = (await rawRows(t, 'inspection_orders'))[0];
    const vendorOrderId = String(detail.vendor_order_id);
    expect(sim.inspectionOrderStatus(vendorOrderId)).toBe(15);

    const cars = await t.http.get('/api/inspection/cars').set(auth(token)).expect(200);
    expect(cars.body.cars[0].openOrderId).toBe(orderId);
    const again = await placeOrder(t, token, carId, 11800).expect(409);
    expect(again.body.code).toBe('INSPECTION_ORDER_OPEN');

    const expected: [number, string][] = [
      [20, 'processing'],
      [25, 'processing'],
      [30, 'processing'],
      [35, 'processing'],
      [50, 'completed'],
    ];
    const scheduler = t.app.get(JobScheduler);
    for (const [worder, status] of expected) {
      expect(sim.advanceInspectionOrder(vendorOrderId)).toBe(worder);
      expect(await scheduler.runNow(STATUS_JOB)).toBe(true);
      const order = await t.http.get(`/api/inspection/orders/${orderId}`).set(auth(token)).expect(200);
      expect(order.body).toMatchObject({ worderStatus: worder, status });
    }

    const done = await t.http.get(`/api/inspection/orders/${orderId}`).set(auth(token)).expect(200);
    expect(done.body.returnShipment).toEqual({ company: '顺丰速运', number: expect.stringMatching(/^SF2/) });
    expect(done.body.sendEmsNumber).toMatch(/^SF1/);
    expect(done.body.steps.map((s: { worderStatus: number; reached: boolean }) => [s.worderStatus, s.reached])).toEqual(
      [
        [10, true],
        [15, true],
        [20, true],
        [25, true],
        [30, true],
        [35, true],
        [50, true],
      ],
    );
    expect(
      done.body.steps
        .filter((s: { at: string | null }) => s.at === null)
        .map((s: { worderStatus: number }) => s.worderStatus),
    ).toEqual([]);
    // The vendor's codes are the merchant's: the user's timeline has none.
    expect(done.body.events.every((e: object) => !('vendorStatus' in e))).toBe(true);
    const changes = (await t.app.get(OrdersService).timeline(orderId))
      .filter((e) => e.type === 'status_changed')
      .map((e) => `${e.actor}:${e.vendorStatus}`);
    expect(changes).toEqual(['vendor:15', 'vendor:20', 'vendor:25', 'vendor:30', 'vendor:35', 'vendor:50']);
    expect(done.body.events.some((e: { message: string }) => e.message.includes('回寄：顺丰速运 SF2'))).toBe(true);

    // A finished order is not asked about any more.
    const calls = sim.host.callsTo('/inspection/v2/order/detail');
    await scheduler.runNow(STATUS_JOB);
    expect(sim.host.callsTo('/inspection/v2/order/detail')).toBe(calls);

    // The generic order list and the merchant see it as an inspection order.
    const mine = await t.http.get(`/api/orders/${orderId}`).set(auth(token)).expect(200);
    expect(mine.body).toMatchObject({ kind: 'inspection', status: 'completed', amountFen: 11800 });
    const list = await t.http.get('/api/inspection/orders').set(auth(token)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: orderId, worderStatus: 50, status: 'completed' })]);
  });

  it('the contact phone, name, address and plate are not in clear in the database; APIs mask them', async () => {
    const token = await t.loginUser('privacy-owner');
    const carId = await addGarageCar(t, token, '浙B3C8K2');
    await saveCar(t, token, carId).expect(200);
    await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
    await placeOrder(t, token, carId, 11800, {
      contactName: '欧阳娜娜',
      contactPhone: '13711112222',
      ownerPhone: '13633334444',
      address: '鄞州区天童南路一号院7幢',
    }).expect(201);
    const everything = JSON.stringify([
      ...(await rawRows(t, 'inspection_orders')),
      ...(await rawRows(t, 'inspection_vehicles')),
      ...(await rawRows(t, 'inspection_accounts')),
      ...(await rawRows(t, 'orders')),
      ...(await rawRows(t, 'order_events')),
    ]);
    for (const secret of ['13711112222', '13633334444', '欧阳娜娜', '天童南路一号院', '浙B3C8K2']) {
      expect(everything).not.toContain(secret);
    }
    const row = (await rawRows(t, 'inspection_orders')).at(-1) as Record<string, unknown>;
    expect(String(row.contact_phone_enc)).toMatch(/^v1\./);
    expect(String(row.return_address_enc)).toMatch(/^v1\./);

    const [order] = (await t.http.get('/api/inspection/orders').set(auth(token)).expect(200)).body.items;
    const detail = await t.http.get(`/api/inspection/orders/${order.id}`).set(auth(token)).expect(200);
    expect(detail.body.returnAddress).toMatchObject({ name: '欧**娜', phone: '137****2222' });
    expect(detail.body.ownerPhone).toBe('136****4444');
    expect(JSON.stringify(detail.body)).not.toContain('13711112222');

    const merchant = await t.loginMerchant('inspection-boss');
    const view = await t.http.get(`/api/merchant/inspection/orders/${order.id}`).set(auth(merchant)).expect(200);
    expect(view.body).toMatchObject({
      plateNumber: '浙B**8K2',
      returnAddress: { name: '欧**娜', phone: '137****2222' },
      ownerPhone: '136****4444',
      vendorOrderId: expect.stringMatching(/^\d+$/),
    });
    const text = JSON.stringify(view.body);
    for (const secret of ['13711112222', '13633334444', '欧阳娜娜', '天童南路一号院'])
      expect(text).not.toContain(secret);
    // A user token is not a merchant token.
    await t.http.get(`/api/merchant/inspection/orders/${order.id}`).set(auth(token)).expect(403);
  });

  it("another user cannot see, refresh or order on my car, and gets 404 — not someone else's data", async () => {
    const owner = await t.loginUser('owner-a');
    const other = await t.loginUser('stranger-b');
    const carId = await addGarageCar(t, owner, '浙B5D1K3');
    await saveCar(t, owner, carId).expect(200);
    const created = await placeOrder(t, owner, carId, 11800).expect(201);
    const orderId = created.body.id;

    await t.http.get(`/api/inspection/orders/${orderId}`).set(auth(other)).expect(404);
    await t.http.post(`/api/inspection/orders/${orderId}/refresh`).set(auth(other)).expect(404);
    await t.http.get(`/api/orders/${orderId}`).set(auth(other)).expect(404);
    const theirs = await t.http.get('/api/inspection/orders').set(auth(other)).expect(200);
    expect(theirs.body.items).toEqual([]);
    await t.http.get(`/api/inspection/cars/${carId}`).set(auth(other)).expect(404);
    await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(other)).expect(404);
    await saveCar(t, other, carId).expect(404);
    const stolen = await placeOrder(t, other, carId, 11800).expect(404);
    expect(stolen.body.code).toBe('CAR_NOT_FOUND');
    await t.http.get('/api/inspection/orders/not-a-number').set(auth(owner)).expect(404);
  });
});
