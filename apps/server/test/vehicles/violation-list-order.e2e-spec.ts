import { signUrl } from '@banshi/vendor-clients/docloud';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCar, auth, docloud, findPlate, newUser } from './support.js';

interface Item {
  code: string;
  time: string;
  fine: string;
  address: string;
  reason: string;
  point: number;
  processStatus: number;
  paymentStatus?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 《车辆违章信息变更通知》 carries the plate's whole list and no time of its own; the vendor signs
 * the URL with a timestamp. An older list that arrives after a newer one must not replace it.
 */
describe.each(testDatabases())('vehicles: violation lists by callback keep the newest (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  /** Signs now (the vendor's time of the notification) and delivers later, when the test says. */
  const signNow = (plate: string, items: Item[]) => {
    const body = JSON.stringify({ success: true, data: { plateNumber: plate, items } });
    const url = signUrl('http://x/api/callbacks/docloud/violation', 'SANDBOXDOCLOUD01', 'sandbox-docloud-secret', body);
    return () =>
      t.http
        .post(`/api/callbacks/docloud/violation${url.slice(url.indexOf('?'))}`)
        .set('Content-Type', 'application/json;charset=utf-8')
        .send(body)
        .expect(200);
  };

  async function queriedCar() {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, (list) => list.length >= 2);
    const car = await addCar(t, user, plate);
    await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token)).expect(200);
    const items: Item[] = sim.violationsOf(plate).map((v) => ({
      code: v.code,
      time: v.time,
      fine: (v.fineFen / 100).toFixed(2),
      address: '某路口',
      reason: '违反规定停放',
      point: v.point,
      processStatus: 1,
      paymentStatus: 1,
    }));
    const list = async () =>
      (await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200)).body as {
        items: { code: string; processStatus: number; paymentStatus: number | null }[];
        queriedAt: string;
      };
    return { plate, items, list };
  }

  it('delivered newer then older: the stored list is the newer one', async () => {
    const { plate, items, list } = await queriedCar();
    await pause(20);
    const older = signNow(plate, items);
    await pause(20);
    const [first, ...rest] = items;
    const added = { ...first, code: `N${Date.now()}`, time: '2026-11-30 09:00:00' };
    const newerItems = [{ ...first, processStatus: 3, paymentStatus: 2 }, ...rest, added];
    const newer = signNow(plate, newerItems);

    await newer();
    const afterNewer = await list();
    await older();
    const stored = await list();

    expect(stored.items.map((v) => v.code).sort()).toEqual(newerItems.map((v) => v.code).sort());
    expect(stored.items.find((v) => v.code === first.code)).toMatchObject({ processStatus: 3, paymentStatus: 2 });
    expect(stored.queriedAt).toBe(afterNewer.queriedAt);
    const events = await t.dataSource
      .getRepository(VendorEvent)
      .findBy({ vendor: 'docloud', topic: 'violation', outcome: 'older_list_kept_newer' });
    expect(events.length).toBeGreaterThanOrEqual(1);
  });

  it('a list signed before the car’s last query does not replace the query’s answer', async () => {
    const sim = docloud(t);
    const user = await newUser(t);
    const plate = findPlate(sim, (list) => list.length >= 1);
    const car = await addCar(t, user, plate);
    const stale = signNow(plate, []);
    await pause(20);
    const queried = await t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token));
    await stale();
    const stored = await t.http.get(`/api/vehicles/cars/${car.id}/violations`).set(auth(user.token)).expect(200);
    expect(stored.body.items).toHaveLength(queried.body.items.length);
    expect(stored.body.items.length).toBeGreaterThan(0);
  });

  it('a later list that still shows a handled violation as untreated keeps it handled (those states never go back)', async () => {
    const { plate, items, list } = await queriedCar();
    await pause(5);
    const handled = items.map((v, i) => (i === 0 ? { ...v, processStatus: 3, paymentStatus: 2 } : v));
    await signNow(plate, handled)();
    await pause(5);
    const extra = { ...items[1], code: `L${Date.now()}` };
    await signNow(plate, [...items, extra])();
    const stored = await list();
    expect(stored.items.find((v) => v.code === items[0].code)).toMatchObject({ processStatus: 3, paymentStatus: 2 });
    // The rest of that later list is taken: it is newer.
    expect(stored.items.map((v) => v.code)).toContain(extra.code);
  });
});
