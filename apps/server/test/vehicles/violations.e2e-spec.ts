import { DocloudClient } from '@banshi/vendor-clients/docloud';
import { Lease } from '../../src/common/locks/lease.entity.js';
import { Transactions } from '../../src/database/transactions.js';
import { VehicleCar } from '../../src/vehicles/entities/car.entity.js';
import { replaceFromQuery } from '../../src/vehicles/violations/violation-store.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCar, auth, docloud, ENGINE_NO, findPlate, newUser, recordCalls, VIN, type TestUser } from './support.js';

const QUERY = '/violation/query/1.0';

interface ViolationItem {
  code: string;
  points: number;
  fineFen: number;
  serviceFeeFen: number | null;
  canSelect: boolean;
  selectNote: string | null;
  processStatus: number;
}

describe.each(testDatabases())('vehicles: violations (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterEach(() => {
    const sim = docloud(t);
    sim.timings.queryLatencyMs = 30;
    sim.faults.reset();
  });
  afterAll(() => t.close());

  const query = (user: TestUser, carId: number) =>
    t.http.post(`/api/vehicles/cars/${carId}/violations/query`).set(auth(user.token));

  it('queries a car: fine, points, fees, what can be paid and why not, with totals', async () => {
    const user = await newUser(t);
    const car = await addCar(t, user, '浙A66688');
    const stored = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    expect(stored.body).toMatchObject({ items: [], queriedAt: null, stale: false });

    const client = t.app.get(DocloudClient, { strict: false });
    const recorded = recordCalls(client, 'queryViolations');
    const response = await Promise.resolve(query(user, car.id).expect(200)).finally(() => recorded.restore());
    const items = response.body.items as ViolationItem[];
    expect(items).toHaveLength(3);
    const withPoints = items.find((v) => v.points === 6)!;
    expect(withPoints).toMatchObject({
      canSelect: false,
      selectNote: '扣分违章需驾驶证本人办理：完成“自扣分验证”后可代办',
      processStatus: 1,
    });
    const zero = items.filter((v) => v.points === 0);
    expect(zero).toHaveLength(2);
    for (const v of zero) {
      expect(v).toMatchObject({ fineFen: 5000, canSelect: true, selectNote: null, processStatus: 1 });
      expect(v.serviceFeeFen).toBeGreaterThan(0);
    }
    expect(response.body).toMatchObject({
      plateNumber: '浙A**688',
      city: '杭州市',
      stale: false,
      summary: { untreated: 3, totalPoints: 6, payable: 2, totalFineFen: items.reduce((s, v) => s + v.fineFen, 0) },
    });
    // The vendor got the phone (浙江 needs it) and only the parts the city asks for.
    expect(recorded.calls).toHaveLength(1);
    expect(recorded.calls[0][0]).toMatchObject({
      plateNumber: '浙A66688',
      vin: '184847',
      engineNo: '5448DT',
      phone: user.phone,
      needFee: true,
    });

    // The list is stored: the next visit shows it at once, and the car card has the totals.
    const again = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    expect(again.body.items).toHaveLength(3);
    const garage = await t.http.get('/api/vehicles/cars').set(auth(user.token)).expect(200);
    expect(garage.body.items[0].violations).toMatchObject({ untreated: 3, totalPoints: 6, payable: 2 });
  });

  it('20 concurrent queries of one car make one vendor call', async () => {
    const sim = docloud(t);
    sim.timings.queryLatencyMs = 300;
    const user = await newUser(t);
    const car = await addCar(
      t,
      user,
      findPlate(sim, (list) => list.length >= 2),
    );
    const before = sim.host.callsTo(QUERY);
    const answers = await Promise.all(Array.from({ length: 20 }, () => query(user, car.id)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(sim.host.callsTo(QUERY) - before).toBe(1);
    const counts = new Set(answers.map((a) => a.body.items.length));
    expect(counts.size).toBe(1);
    expect(answers.every((a) => a.body.stale === false)).toBe(true);
  });

  it('waits for another server instance querying the same car and uses its fresh result', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, (list) => list.length >= 1);
    const car = await addCar(t, user, plate);
    // Another instance holds the car's query lease.
    const leaseName = `vehicles:query:${car.id}`;
    await t.dataSource
      .getRepository(Lease)
      .insert({ name: leaseName, holder: 'other-instance', expiresAt: String(Date.now() + 20_000) });
    const before = sim.host.callsTo(QUERY);
    const waiting = query(user, car.id).then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sim.host.callsTo(QUERY)).toBe(before);

    // That instance queries and stores the answer, then lets go of the lease.
    const client = t.app.get(DocloudClient, { strict: false });
    const result = await client.queryViolations({
      plateNumber: plate,
      vin: '184847',
      engineNo: '5448DT',
      phone: user.phone,
      needFee: true,
    });
    const row = await t.dataSource.getRepository(VehicleCar).findOneByOrFail({ id: car.id });
    await t.app.get(Transactions).run((manager) => replaceFromQuery(manager, row, result, false, new Date()));
    await t.dataSource.getRepository(Lease).delete({ name: leaseName });

    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(result.violations.length);
    expect(sim.host.callsTo(QUERY) - before).toBe(1); // the other instance's call only
  });

  it('waits out the vendor’s own 1014 (another query of the plate) and then answers fresh', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, (list) => list.length >= 1);
    const car = await addCar(t, user, plate);
    sim.timings.queryLatencyMs = 900;
    const client = t.app.get(DocloudClient, { strict: false });
    const before = sim.host.callsTo(QUERY);
    const elsewhere = client.queryViolations({ plateNumber: plate, vin: VIN, engineNo: ENGINE_NO, phone: user.phone });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await query(user, car.id).expect(200);
    await elsewhere;
    expect(answer.body).toMatchObject({ stale: false, staleReason: null });
    expect(answer.body.queriedAt).not.toBeNull();
    // Ours was refused with 1014 at least once, then answered.
    expect(sim.host.callsTo(QUERY) - before).toBeGreaterThanOrEqual(3);
  });

  it('serves the stored list, marked stale with the reason, when the vendor stays busy or is down', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, (list) => list.length >= 2);
    const car = await addCar(t, user, plate);
    const first = await query(user, car.id).expect(200);

    sim.faults.failNext(4);
    const down = await query(user, car.id).expect(200);
    expect(down.body).toMatchObject({ stale: true, queriedAt: first.body.queriedAt });
    expect(down.body.staleReason).toBe('违章查询服务暂时无法连接，请稍后重试；先为您显示上次查询结果');
    expect(down.body.items).toHaveLength(first.body.items.length);

    // A car never queried has nothing to fall back on: the person is told to try later.
    const other = await addCar(
      t,
      user,
      findPlate(sim, (list) => list.length >= 1),
    );
    sim.faults.failNext(4);
    const nothing = await query(user, other.id).expect(503);
    expect(nothing.body).toMatchObject({ retryable: true, message: '违章查询服务暂时无法连接，请稍后重试' });
  });

  it('shows counts in the car’s city, its province and elsewhere, reusing a recent answer', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const car = await addCar(t, user, '浙A12375');
    const pending = sim.violationsOf('浙A12375').filter((v) => v.processStatus === 1);
    const before = sim.host.callsTo('/violation/amount/query');
    const client = t.app.get(DocloudClient, { strict: false });
    const recorded = recordCalls(client, 'queryCounts');
    const response = await Promise.resolve(
      t.http.post(`/api/vehicles/cars/${car.id}/counts`).set(auth(user.token)).expect(200),
    ).finally(() => recorded.restore());
    expect(response.body.counts).toMatchObject({
      localCity: pending.filter((v) => v.city === '杭州市').length,
      localProvince: pending.filter((v) => v.city !== '杭州市' && v.province === '浙江省').length,
      otherProvince: pending.filter((v) => v.province !== '浙江省').length,
      total: Math.min(10, pending.length),
    });
    expect(response.body.counts.localCity + response.body.counts.localProvince).toBeGreaterThan(0);
    expect(response.body.counts.otherProvince).toBeGreaterThan(0);
    expect(recorded.calls[0][0]).toEqual({ plateNumber: '浙A12375', engineNo: '5448DT', carType: 2 });

    await t.http.post(`/api/vehicles/cars/${car.id}/counts`).set(auth(user.token)).expect(200);
    expect(sim.host.callsTo('/violation/amount/query') - before).toBe(1);
    const garage = await t.http.get('/api/vehicles/cars').set(auth(user.token)).expect(200);
    expect(garage.body.items[0].counts).toEqual(response.body.counts);

    // A city that needs no engine number cannot be counted.
    const suzhou = await addCar(t, user, '苏E12361');
    const unavailable = await t.http.post(`/api/vehicles/cars/${suzhou.id}/counts`).set(auth(user.token)).expect(422);
    expect(unavailable.body.code).toBe('COUNTS_UNAVAILABLE');
  });

  it('prices a violation typed in by hand (直通车) and adds it to the car’s list', async () => {
    const user = await newUser(t);
    const car = await addCar(t, user, '浙A778QZ');
    const response = await t.http
      .post(`/api/vehicles/cars/${car.id}/manual-quote`)
      .set(auth(user.token))
      .send({
        items: [
          {
            city: '杭州市',
            time: '2025-04-02 14:00',
            location: '西溪科创园',
            lawCode: '1039',
            reason: '违反规定停放',
            fineYuan: 200,
            points: 0,
            ticketNo: '3301000000123',
          },
        ],
      })
      .expect(200);
    expect(response.body.items).toHaveLength(1);
    const [quoted] = response.body.items;
    expect(quoted).toMatchObject({ fineFen: 20000, points: 0, canSelect: true, time: '2025-04-02 14:00:00' });
    expect(quoted.serviceFeeFen).toBeGreaterThan(0);
    const list = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    expect(list.body.items.map((v: { code: string }) => v.code)).toContain(quoted.code);

    const invalid = await t.http
      .post(`/api/vehicles/cars/${car.id}/manual-quote`)
      .set(auth(user.token))
      .send({
        items: [
          { city: '杭州市', time: '昨天', location: 'x', lawCode: '1039', reason: '停车', fineYuan: 200, points: 0 },
        ],
      })
      .expect(400);
    expect(invalid.body.message).toBe('违章时间格式应为“2025-05-20 08:31”');
  });
});
