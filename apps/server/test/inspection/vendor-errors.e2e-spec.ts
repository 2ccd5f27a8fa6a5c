import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { STATUS_JOB, InspectionStatus } from '../../src/inspection/inspection-status.service.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  addGarageCar,
  auth,
  docloud,
  NINGBO_ADDRESS,
  occupyCarAtVendor,
  placeOrder,
  rawRows,
  saveCar,
} from './support.js';

async function counts(t: TestApp) {
  return {
    orders: (await rawRows(t, 'orders')).filter((o) => o.kind === 'inspection').length,
    details: (await rawRows(t, 'inspection_orders')).length,
  };
}

describe.each(testDatabases())('inspection: vendor failures and the status job (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    docloud(t);
  });
  afterAll(() => t.close());

  it("a vendor refusal while creating is a 422 with the vendor's own words; nothing is stored", async () => {
    const token = await t.loginUser('refused');
    const carId = await addGarageCar(t, token, '浙B4K2K1');
    await saveCar(t, token, carId).expect(200);
    await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
    // The same car was ordered through another channel of the vendor (same user token, same car).
    await occupyCarAtVendor(t, token, carId);

    const before = await counts(t);
    const res = await placeOrder(t, token, carId, 11800).expect(422);
    expect(res.body).toEqual({ code: 'VENDOR_1142', message: '操作失败：该车辆已有进行中的年检订单' });
    expect(await counts(t)).toEqual(before);
  });

  it('a vendor outage while creating is a 503 the user may retry; the attempt is kept and the retry completes it', async () => {
    const sim = docloud(t);
    const token = await t.loginUser('outage');
    const carId = await addGarageCar(t, token, '浙B4L3K2');
    await saveCar(t, token, carId).expect(200);
    await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
    const before = await counts(t);
    const creates = sim.host.callsTo('/inspection/v2/order/create');
    sim.faults.failNext(1, 503);
    const res = await placeOrder(t, token, carId, 11800).expect(503);
    expect(res.body).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retryable: true });
    expect(res.body.message).toBe(
      '年检服务响应超时，暂时无法确认是否下单成功；订单已保存，请稍后重试提交，重试不会重复下单',
    );
    // Not retried by the client (only the first attempt was made to fail; a retry would have succeeded).
    expect(sim.host.callsTo('/inspection/v2/order/create')).toBe(creates);
    // The vendor may have taken it: the attempt is kept, waiting for the user's retry.
    expect(await counts(t)).toEqual({ orders: before.orders + 1, details: before.details + 1 });
    const kept = (await rawRows(t, 'inspection_orders')).at(-1) as Record<string, unknown>;
    expect(kept.vendor_order_id).toBeNull();
    const waiting = await t.http.get('/api/inspection/orders').set(auth(token)).expect(200);
    expect(waiting.body.items[0]).toMatchObject({ status: 'pending', worderLabel: '待确认' });

    const retried = await placeOrder(t, token, carId, 11800).expect(201);
    expect(retried.body).toMatchObject({ id: Number(kept.order_id), status: 'processing' });
    expect(await counts(t)).toEqual({ orders: before.orders + 1, details: before.details + 1 });
    const vendorCar = Number(kept.vendor_car_id);
    expect(sim.inspectionOrdersByCar().get(vendorCar)).toHaveLength(1);
  });

  it('an order the vendor took but whose answer was lost is found by the retry (1142) and shown as 待核实', async () => {
    const sim = docloud(t);
    const token = await t.loginUser('lost-answer');
    const carId = await addGarageCar(t, token, '浙B4L4K3');
    await saveCar(t, token, carId).expect(200);
    await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
    sim.faults.loseNextAnswer(1, 'fail', '/inspection/v2/order/create');
    await placeOrder(t, token, carId, 11800).expect(503);
    const retried = await placeOrder(t, token, carId, 11800).expect(201);
    expect(retried.body).toMatchObject({ status: 'processing', worderLabel: '待核实' });
    expect(retried.body).not.toHaveProperty('vendorStatus');
    expect(retried.body.events.at(-1).message).toBe('服务商已受理该车辆的年检订单但未返回订单号，客服将核实办理进度');
    const kept = (await rawRows(t, 'inspection_orders')).at(-1) as Record<string, unknown>;
    expect(sim.inspectionOrdersByCar().get(Number(kept.vendor_car_id))).toHaveLength(1);
    // It stays open, so a third tap does not order the car again; the status job leaves it alone.
    const again = await placeOrder(t, token, carId, 11800).expect(409);
    expect(again.body.code).toBe('INSPECTION_ORDER_OPEN');
    expect(sim.inspectionOrdersByCar().get(Number(kept.vendor_car_id))).toHaveLength(1);
  });

  it('a bad address is refused before the vendor is asked', async () => {
    const sim = docloud(t);
    const token = await t.loginUser('bad-address');
    const carId = await addGarageCar(t, token, '浙B4M4K3');
    await saveCar(t, token, carId).expect(200);
    const creates = sim.host.callsTo('/inspection/v2/order/create');
    const wrongCity = await placeOrder(t, token, carId, 11800, { cityId: 1, districtId: 942 }).expect(400);
    expect(wrongCity.body.message).toBe('请重新选择省、市、区');
    const badPhone = await placeOrder(t, token, carId, 11800, { contactPhone: '12345' }).expect(400);
    expect(badPhone.body.fields.contactPhone).toBe('请填写正确的 11 位手机号');
    const noAddress = await t.http
      .post('/api/inspection/orders')
      .set(auth(token))
      .send({ ...NINGBO_ADDRESS, garageCarId: carId, priceFen: 11800, address: ' ' })
      .expect(400);
    expect(noAddress.body.fields.address).toBeDefined();
    expect(sim.host.callsTo('/inspection/v2/order/create')).toBe(creates);
  });

  it('the status job moves open orders forward in bounded batches, survives a failing one, and stops at a close', async () => {
    const sim = docloud(t);
    const status = t.app.get(InspectionStatus);
    const tokens = await Promise.all(['job-a', 'job-b', 'job-c'].map((device) => t.loginUser(device)));
    const plates = ['浙B6N1K4', '浙B6P2K5', '浙B6Q3K6'];
    const orderIds: number[] = [];
    for (const [i, token] of tokens.entries()) {
      const carId = await addGarageCar(t, token, plates[i]);
      await saveCar(t, token, carId).expect(200);
      orderIds.push((await placeOrder(t, token, carId, 11800).expect(201)).body.id);
    }
    const details = (await rawRows(t, 'inspection_orders')).filter((r) => orderIds.includes(Number(r.order_id)));
    const vendorIds = orderIds.map((id) => String(details.find((d) => Number(d.order_id) === id)?.vendor_order_id));
    for (const id of vendorIds) sim.advanceInspectionOrder(id); // 15 → 20
    sim.advanceInspectionOrder(vendorIds[0]); // → 25
    sim.closeInspectionOrder(vendorIds[2]); // → 60

    // At most two per tick, the least recently asked first: two ticks reach all of them.
    // Open orders the job can ask about: one whose vendor id was lost (待核实) has nothing to poll.
    const open = async () => {
      const known = new Set(
        (await rawRows(t, 'inspection_orders'))
          .filter((d) => d.vendor_order_id !== null)
          .map((d) => Number(d.order_id)),
      );
      return (await rawRows(t, 'orders')).filter(
        (o) => known.has(Number(o.id)) && ['pending', 'processing'].includes(String(o.status)),
      ).length;
    };
    const openBefore = await open();
    expect(openBefore).toBeLessThanOrEqual(4);
    expect((await status.tick(2)).checked).toBe(2);
    expect((await status.tick(2)).checked).toBe(2);
    const read = async (i: number) =>
      (await t.http.get(`/api/inspection/orders/${orderIds[i]}`).set(auth(tokens[i])).expect(200)).body;
    expect(await read(0)).toMatchObject({ worderStatus: 25, status: 'processing' });
    expect(await read(1)).toMatchObject({ worderStatus: 20, status: 'processing' });
    const closed = await read(2);
    expect(closed).toMatchObject({ worderStatus: 60, status: 'cancelled', worderLabel: '已关闭' });
    expect(closed.steps.at(-1)).toMatchObject({ worderStatus: 60, current: true });

    // A vendor outage fails the tick's polls: each row records it, and the next tick catches up.
    sim.advanceInspectionOrder(vendorIds[1]); // → 25
    sim.faults.serverErrorRate = 1;
    const failing = await status.tick();
    sim.faults.serverErrorRate = 0;
    expect(failing.failed).toBe(failing.checked);
    const merchant = await t.loginMerchant('job-boss');
    const withError = await t.http
      .get(`/api/merchant/inspection/orders/${orderIds[1]}`)
      .set(auth(merchant))
      .expect(200);
    expect(withError.body.checkError).toBeTruthy();
    expect(await t.app.get(JobScheduler).runNow(STATUS_JOB)).toBe(true);
    expect(await read(1)).toMatchObject({ worderStatus: 25 });
    const recovered = await t.http
      .get(`/api/merchant/inspection/orders/${orderIds[1]}`)
      .set(auth(merchant))
      .expect(200);
    expect(recovered.body.checkError).toBeNull();

    // A repeated answer adds nothing to the timeline; an order the user refreshes moves at once.
    const eventsBefore = (await read(0)).events.length;
    await status.tick();
    expect((await read(0)).events.length).toBe(eventsBefore);
    sim.advanceInspectionOrder(vendorIds[0]); // → 30
    const refreshed = await t.http
      .post(`/api/inspection/orders/${orderIds[0]}/refresh`)
      .set(auth(tokens[0]))
      .expect(200);
    expect(refreshed.body).toMatchObject({ worderStatus: 30, worderLabel: '办理完成，待寄回' });

    // Closed orders are no longer polled.
    const polled = sim.host.callsTo('/inspection/v2/order/detail');
    await status.tick();
    expect(sim.host.callsTo('/inspection/v2/order/detail') - polled).toBe(await open());
    expect(await open()).toBe(openBefore - 1);
  });

  it('the job runs in one instance at a time: a held lease skips the tick', async () => {
    const scheduler = t.app.get(JobScheduler);
    const { LeaseService } = await import('../../src/common/locks/lease.service.js');
    const leases = t.app.get(LeaseService);
    // Another instance holds the job's lease.
    await t.dataSource.query(
      `INSERT INTO leases (name, holder, expires_at) VALUES ('job:${STATUS_JOB}', 'other-instance', '${Date.now() + 60_000}')`,
    );
    expect(await scheduler.runNow(STATUS_JOB)).toBe(false);
    await t.dataSource.query(`DELETE FROM leases WHERE name = 'job:${STATUS_JOB}'`);
    expect(await scheduler.runNow(STATUS_JOB)).toBe(true);
    expect(leases.instanceId).not.toBe('other-instance');
  });
});
