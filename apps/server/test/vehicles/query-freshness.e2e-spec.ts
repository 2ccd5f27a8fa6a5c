import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCar, auth, docloud, newUser } from './support.js';

const QUERY = '/violation/query/1.0';

describe.each(testDatabases())('vehicles: one paid query per car however many ask (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { VIOLATION_QUERY_FRESH_SECONDS: '30' });
  });
  afterAll(() => t.close());

  it('100 concurrent queries of one car make one vendor call, even when they arrive after the first ended', async () => {
    const sim = docloud(t);
    sim.timings.queryLatencyMs = 100;
    const user = await newUser(t);
    const car = await addCar(t, user, '浙A66688');
    const before = sim.host.callsTo(QUERY);
    const ask = () => t.http.post(`/api/vehicles/cars/${car.id}/violations/query`).set(auth(user.token));
    // Waves: the later ones start after the first vendor call has already finished.
    const answers = [];
    for (let wave = 0; wave < 4; wave++) {
      answers.push(...(await Promise.all(Array.from({ length: 25 }, ask))));
    }
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
    expect(sim.host.callsTo(QUERY) - before).toBe(1);
    expect(new Set(answers.map((a) => a.body.items.length)).size).toBe(1);
  });
});
