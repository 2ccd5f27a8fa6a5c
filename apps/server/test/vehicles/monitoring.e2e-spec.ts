import { signUrl } from '@banshi/vendor-clients/docloud';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { MONITOR_SYNC_JOB } from '../../src/vehicles/monitoring/monitor.service.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCar, auth, docloud, findPlate, newUser, waitFor, type TestUser } from './support.js';

interface NoticeItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
}

describe.each(testDatabases())('vehicles: monitoring and notices (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterEach(() => docloud(t).faults.reset());
  afterAll(() => t.close());

  const monitor = (user: TestUser, carId: number, enabled: boolean) =>
    t.http.put(`/api/vehicles/cars/${carId}/monitor`).set(auth(user.token)).send({ enabled });
  const notices = async (user: TestUser) =>
    (await t.http.get('/api/notices').set(auth(user.token)).expect(200)).body as {
      items: NoticeItem[];
      unread: number;
    };

  it('a monitored car’s new violation arrives by callback and shows as a notice', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, (list) => list.length >= 1);
    const car = await addCar(t, user, plate);
    await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token)).expect(200);
    const before = (await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token))).body.items
      .length;

    const switched = await monitor(user, car.id, true).expect(200);
    expect(switched.body.monitor).toEqual({ enabled: true, state: 'on', message: null });
    expect(sim.isMonitored(plate)).toBe(true);

    const code = sim.addViolation(plate, { fine: 200, point: 0, reason: '机动车违反规定停放', address: '文三路口' });
    const [notice] = await waitFor(async () => {
      const list = await notices(user);
      return list.items.length ? list.items : undefined;
    }, 'the notice');
    expect(notice).toMatchObject({
      kind: 'new_violations',
      title: '发现新违章',
      link: `/vehicles/pages/violations/index?carId=${car.id}`,
      read: false,
    });
    expect(notice.body).toContain(`${plate.slice(0, 2)}**${plate.slice(-3)} 新增 1 条违章`);
    expect(notice.body).toContain('文三路口');
    expect(notice.body).toContain('罚款 ¥200.00');
    expect(notice.body).not.toContain(plate);
    // The callback is kept encrypted, and its readable copy masked: the plate is nowhere in clear.
    const rows = await t.dataSource.query(
      `SELECT raw_enc, payload_masked FROM vendor_events WHERE topic = 'violation'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(plate);

    // The car's stored list has it without a query.
    const list = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    expect(list.body.items).toHaveLength(before + 1);
    expect(list.body.items.map((v: { code: string }) => v.code)).toContain(code);

    // Read one, then all.
    expect((await notices(user)).unread).toBe(1);
    await t.http.post(`/api/notices/${notice.id}/read`).set(auth(user.token)).expect(200);
    expect((await notices(user)).unread).toBe(0);
    const stranger = await newUser(t);
    await t.http.post(`/api/notices/${notice.id}/read`).set(auth(stranger.token)).expect(404);
    expect((await notices(stranger)).items).toEqual([]);
  });

  it('the same change delivered twice makes one notice; a forged change is refused', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, (list) => list.length >= 1);
    const car = await addCar(t, user, plate);
    await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token)).expect(200);
    await monitor(user, car.id, true).expect(200);
    const items = sim.violationsOf(plate).map((v) => ({
      code: v.code,
      time: v.time,
      fine: (v.fineFen / 100).toFixed(2),
      address: '某路口',
      reason: '违反规定停放',
      point: v.point,
      processStatus: v.processStatus,
    }));
    items.push({ ...items[0], code: '999999-X1', time: '2025-06-01 08:00:00' });
    const body = JSON.stringify({ success: true, data: { plateNumber: plate, items } });
    const deliver = (secret: string) => {
      const url = signUrl('http://x/api/callbacks/docloud/violation', 'SANDBOXDOCLOUD01', secret, body);
      return t.http
        .post(`/api/callbacks/docloud/violation${url.slice(url.indexOf('?'))}`)
        .set('Content-Type', 'application/json;charset=utf-8')
        .send(body);
    };
    expect((await deliver('sandbox-docloud-secret').expect(200)).body).toEqual({ success: true });
    expect((await deliver('sandbox-docloud-secret').expect(200)).body).toEqual({ success: true });
    expect((await notices(user)).items.filter((n) => n.kind === 'new_violations')).toHaveLength(1);
    const stored = await t.dataSource
      .getRepository(VendorEvent)
      .findBy({ vendor: 'docloud', topic: 'violation', status: 'applied' });
    expect(stored.some((row) => row.repeatCount === 1)).toBe(true);

    const forged = await deliver('guessed-secret').expect(401);
    expect(forged.body.success).toBe(false);
  });

  it('a monitoring failure becomes a notice telling the user what to fix', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, () => true);
    const car = await addCar(t, user, plate);
    await monitor(user, car.id, true).expect(200);
    sim.failMonitoredCar(plate, '1032', '车架号或发动机号位数错误');
    const [notice] = await waitFor(async () => {
      const list = await notices(user);
      return list.items.length ? list.items : undefined;
    }, 'the failure notice');
    expect(notice).toMatchObject({
      kind: 'monitor_failed',
      title: '违章监控未能生效',
      link: `/vehicles/pages/car-form/index?id=${car.id}`,
    });
    expect(notice.body).toContain('车架号或发动机号位数不对，请按该城市要求的位数修改车辆信息');
    const view = await t.http.get(`/api/vehicles/cars/${car.id}`).set(auth(user.token)).expect(200);
    expect(view.body.monitor).toMatchObject({ enabled: true, state: 'failed' });
    expect(view.body.monitor.message).toContain('位数不对');
  });

  it('watches a plate while any of its owners wants it; switching off or removing tells the vendor', async () => {
    const sim = docloud(t);
    const plate = findPlate(sim, () => true);
    const a = await newUser(t);
    const b = await newUser(t);
    const carA = await addCar(t, a, plate);
    const carB = await addCar(t, b, plate);
    await monitor(a, carA.id, true).expect(200);
    await monitor(b, carB.id, true).expect(200);
    await monitor(a, carA.id, false).expect(200);
    expect(sim.isMonitored(plate)).toBe(true);
    await t.http.delete(`/api/vehicles/cars/${carB.id}`).set(auth(b.token)).expect(204);
    expect(sim.isMonitored(plate)).toBe(false);

    // Cars without a VIN (Beijing asks for none) cannot be monitored.
    const beijing = await addCar(t, a, '京A12345', { vin: undefined });
    const refused = await monitor(a, beijing.id, true).expect(422);
    expect(refused.body.code).toBe('MONITOR_UNAVAILABLE');
  });

  it('switches the vendor could not take are synced later by the job, in batches of at most 50', async () => {
    const sim = docloud(t);
    // The vendor is down when the user switches: the switch is kept as pending.
    const user = await newUser(t);
    const car = await addCar(
      t,
      user,
      findPlate(sim, () => true),
    );
    sim.faults.failNext(2);
    const pending = await monitor(user, car.id, true).expect(200);
    expect(pending.body.monitor).toMatchObject({ enabled: true, state: 'pending' });

    // Many more pending switches (as after an outage), then the job.
    const plates: string[] = [];
    for (let i = 0; i < 18; i++) {
      const owner = await newUser(t);
      for (let j = 0; j < 3; j++) {
        const plate = findPlate(sim, () => true);
        plates.push(plate);
        await addCar(t, owner, plate);
      }
    }
    await t.dataSource.query(
      `UPDATE vehicle_cars SET monitor_wanted = 1, monitor_state = 'pending' WHERE monitor_state = 'off' AND removed_at IS NULL AND vin_enc IS NOT NULL AND engine_no_enc IS NOT NULL`,
    );
    const batchesBefore = sim.host.callsTo('/monitor/car/batchAdd');
    expect(await t.app.get(JobScheduler).runNow(MONITOR_SYNC_JOB)).toBe(true);
    expect(plates.every((plate) => sim.isMonitored(plate))).toBe(true);
    const batches = sim.host.callsTo('/monitor/car/batchAdd') - batchesBefore;
    expect(batches).toBeGreaterThanOrEqual(2);
    const [{ waiting }] = await t.dataSource.query(
      `SELECT COUNT(*) AS waiting FROM vehicle_cars WHERE monitor_state = 'pending'`,
    );
    expect(Number(waiting)).toBe(0);
    const view = await t.http.get(`/api/vehicles/cars/${car.id}`).set(auth(user.token)).expect(200);
    expect(view.body.monitor.state).toBe('on');
  });
});
