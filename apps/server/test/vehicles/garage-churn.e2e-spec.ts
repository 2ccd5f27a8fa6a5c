import { VehicleCar } from '../../src/vehicles/entities/car.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auth, docloud, ENGINE_NO, findPlate, nextPhone, VIN } from './support.js';

const QUERY = '/violation/query/1.0';
const ROUNDS = 20;

/**
 * The churn the hardening issue found: add a car with a new phone → query its violations (a paid
 * Docloud query) → delete it, over and over. Each round used to buy a fresh query.
 */
async function churn(t: TestApp, rounds: number) {
  const sim = docloud(t);
  const token = await t.loginUser();
  const plate = findPlate(sim, (list) => list.length >= 1);
  const before = sim.host.callsTo(QUERY);
  const statuses: number[] = [];
  const lists: number[] = [];
  let refusal: { code: string; message: string } | undefined;
  for (let round = 0; round < rounds; round++) {
    const added = await t.http
      .post('/api/vehicles/cars')
      .set(auth(token))
      .send({ plateNumber: plate, vin: VIN, engineNo: ENGINE_NO, phone: nextPhone(), consent: true });
    statuses.push(added.status);
    if (added.status !== 201) {
      refusal ??= added.body;
      continue;
    }
    const query = await t.http.post(`/api/vehicles/cars/${added.body.id}/violations/query`).set(auth(token));
    expect(query.status).toBe(200);
    lists.push(query.body.items.length);
    await t.http.delete(`/api/vehicles/cars/${added.body.id}`).set(auth(token)).expect(204);
  }
  return { calls: sim.host.callsTo(QUERY) - before, statuses, lists, refusal };
}

describe.each(testDatabases())('vehicles: garage churn is bounded (%s)', (kind) => {
  describe('with the default daily allowance', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, { VIOLATION_QUERY_FRESH_SECONDS: '30' });
    });
    afterAll(() => t.close());

    it('add → query → delete, 20 rounds with a new phone each: one paid query, additions stop at 5 a day', async () => {
      const { calls, statuses, lists, refusal } = await churn(t, ROUNDS);
      expect(calls).toBe(1);
      expect(statuses).toEqual([...Array(5).fill(201), ...Array(ROUNDS - 5).fill(429)]);
      expect(new Set(lists).size).toBe(1);
      expect(refusal).toMatchObject({
        code: 'CAR_ADDS_DAILY_LIMIT',
        message: '今天添加车辆次数已达上限（5次），请明天再试；已在车库中的车辆可照常查询违章',
      });
    });
  });

  describe('with a generous daily allowance', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, {
        VIOLATION_QUERY_FRESH_SECONDS: '30',
        CAR_ADDS_PER_DAY: '100',
        VENDOR_TIMEOUT_MS: '500',
      });
    });
    afterAll(() => t.close());

    it.each(['fail', 'hang'] as const)(
      'a paid query whose answer is lost (%s) is sent once: the person is told to try later, nothing is resent',
      async (mode) => {
        const sim = docloud(t);
        sim.faults.hangMs = 1500;
        const token = await t.loginUser();
        const plate = findPlate(sim, (list) => list.length >= 1);
        const car = await t.http
          .post('/api/vehicles/cars')
          .set(auth(token))
          .send({ plateNumber: plate, vin: VIN, engineNo: ENGINE_NO, phone: nextPhone(), consent: true })
          .expect(201);
        const before = sim.host.callsTo(QUERY);
        sim.faults.loseNextAnswer(1, mode, QUERY);
        const answer = await t.http.post(`/api/vehicles/cars/${car.body.id}/violations/query`).set(auth(token));
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({ retryable: true });
        // Give a background retry, if there were one, the time to show.
        await new Promise((resolve) => setTimeout(resolve, mode === 'hang' ? 1500 : 300));
        expect(sim.host.callsTo(QUERY) - before).toBe(1);
      },
    );

    it('a plate deleted and added again reuses its recent answer: 20 rounds, one paid query, the same list', async () => {
      const { calls, statuses, lists } = await churn(t, ROUNDS);
      expect(statuses).toEqual(Array(ROUNDS).fill(201));
      expect(calls).toBe(1);
      expect(lists).toHaveLength(ROUNDS);
      expect(new Set(lists).size).toBe(1);
      expect(lists[0]).toBeGreaterThan(0);
    });

    it('the added car shows the carried-over list at once, and a stale one is not carried over', async () => {
      const sim = docloud(t);
      const token = await t.loginUser();
      const plate = findPlate(sim, (list) => list.length >= 1);
      const add = () =>
        t.http
          .post('/api/vehicles/cars')
          .set(auth(token))
          .send({ plateNumber: plate, vin: VIN, engineNo: ENGINE_NO, phone: nextPhone(), consent: true })
          .expect(201);
      const first = await add();
      await t.http.post(`/api/vehicles/cars/${first.body.id}/violations/query`).set(auth(token)).expect(200);
      await t.http.delete(`/api/vehicles/cars/${first.body.id}`).set(auth(token)).expect(204);
      const again = await add();
      expect(again.body.violations.queriedAt).not.toBeNull();
      expect(again.body.violations.untreated).toBeGreaterThan(0);

      // Older than the freshness window: the next addition starts empty and a query asks the vendor.
      await t.dataSource
        .getRepository(VehicleCar)
        .update({ id: again.body.id }, { violationsAt: new Date(Date.now() - 60_000) });
      await t.http.delete(`/api/vehicles/cars/${again.body.id}`).set(auth(token)).expect(204);
      const third = await add();
      expect(third.body.violations.queriedAt).toBeNull();
      const before = sim.host.callsTo(QUERY);
      await t.http.post(`/api/vehicles/cars/${third.body.id}/violations/query`).set(auth(token)).expect(200);
      expect(sim.host.callsTo(QUERY) - before).toBe(1);
    });
  });
});
