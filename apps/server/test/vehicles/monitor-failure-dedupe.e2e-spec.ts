import { signUrl } from '@banshi/vendor-clients/docloud';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCar, auth, docloud, findPlate, newUser, type TestUser } from './support.js';

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;
const realNow = Date.now;

/** Moves this process's `Date.now` (what the server's day keys and the vendor's signer read) to `at`. */
function clockAt(at: number): void {
  const offset = at - realNow();
  Date.now = () => realNow() + offset;
}

/** The next midnight in China (+08:00, no daylight saving), as an instant. */
function nextChinaMidnight(): number {
  return (Math.floor((realNow() + CHINA_MS) / DAY_MS) + 1) * DAY_MS - CHINA_MS;
}

/**
 * 《车辆违章信息变更通知》, failure form: no id, no time but the URL's signed timestamp. The same
 * failure told again (the vendor's retry of one notification, or the same failure re-signed) must
 * be one failure for the owner, whether or not midnight passed in between.
 */
describe.each(testDatabases())('vehicles: a monitoring failure is told once across midnight (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterEach(() => {
    Date.now = realNow;
  });
  afterAll(() => t.close());

  const failure = (plate: string) => {
    const body = JSON.stringify({
      success: false,
      data: { plateNumber: plate, code: '1032', message: '车架号或发动机号位数错误' },
    });
    const url = signUrl('http://x/api/callbacks/docloud/violation', 'SANDBOXDOCLOUD01', 'sandbox-docloud-secret', body);
    return () =>
      t.http
        .post(`/api/callbacks/docloud/violation${url.slice(url.indexOf('?'))}`)
        .set('Content-Type', 'application/json;charset=utf-8')
        .send(body)
        .expect(200);
  };
  const failureNotices = async (user: TestUser) =>
    ((await t.http.get('/api/notices').set(auth(user.token)).expect(200)).body.items as { kind: string }[]).filter(
      (n) => n.kind === 'monitor_failed',
    );
  const monitor = (user: TestUser, carId: number) =>
    t.http.put(`/api/vehicles/cars/${carId}/monitor`).set(auth(user.token)).send({ enabled: true }).expect(200);

  it('the vendor’s retry of one failure, sent at 23:59:59 and again at 00:00:00, is a repeat', async () => {
    const user = await newUser(t);
    const plate = findPlate(docloud(t), () => true);
    const car = await addCar(t, user, plate);
    await monitor(user, car.id);
    const midnight = nextChinaMidnight();

    clockAt(midnight - 400);
    const deliver = failure(plate);
    await deliver();
    clockAt(midnight + 400);
    await deliver();

    expect(await failureNotices(user)).toHaveLength(1);
    const events = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'docloud', topic: 'violation' });
    const mine = events.filter((e) => e.raw.body.includes(plate) && e.raw.body.includes('1032'));
    expect(mine).toHaveLength(1);
    expect(mine[0].repeatCount).toBe(1);
  });

  it('the same failure signed again after midnight is not told twice; after the owner acts, a new one is', async () => {
    const user = await newUser(t);
    const plate = findPlate(docloud(t), () => true);
    const car = await addCar(t, user, plate);
    await monitor(user, car.id);
    const midnight = nextChinaMidnight();

    clockAt(midnight - 400);
    await failure(plate)();
    clockAt(midnight + 400);
    await failure(plate)();
    expect(await failureNotices(user)).toHaveLength(1);
    const view = await t.http.get(`/api/vehicles/cars/${car.id}`).set(auth(user.token)).expect(200);
    expect(view.body.monitor).toMatchObject({ enabled: true, state: 'failed' });

    // The owner switches monitoring on again: the next failure is news.
    await monitor(user, car.id);
    clockAt(midnight + 60_000);
    await failure(plate)();
    expect(await failureNotices(user)).toHaveLength(2);
  });
});
