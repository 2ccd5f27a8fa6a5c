import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp, listen } from '../../src/app.factory.js';
import { SandboxService } from '../../src/sandbox/sandbox.service.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCar, docloud, newUser } from '../vehicles/support.js';

const QUERY = '/violation/query/1.0';
const QUERIES = 100;

/**
 * Two server instances on one database, as behind a load balancer, while 100 queries of one car
 * arrive spread over both: the paid vendor query runs once in all (the database lease keeps the
 * other instance waiting, then the stored result answers it), and every user gets the same list.
 */
describe.each(testDatabases())('two instances: concurrent violation queries (%s)', (kind) => {
  let t: TestApp;
  let second: NestExpressApplication;
  let secondUrl: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { VIOLATION_QUERY_FRESH_SECONDS: '30' });
    second = await createApp({ ...t.config });
    secondUrl = await listen(second, t.config);
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('makes one vendor call for 100 concurrent queries of one car spread over both instances', async () => {
    const simulators = [docloud(t), second.get(SandboxService).get<DocloudSimulator>('docloud')];
    for (const sim of simulators) sim.timings.queryLatencyMs = 200;
    const user = await newUser(t);
    const car = await addCar(t, user, '浙A77321');
    const before = simulators.map((sim) => sim.host.callsTo(QUERY));

    const answers = await Promise.all(
      Array.from({ length: QUERIES }, async (_, i) => {
        const base = i % 2 === 0 ? t.baseUrl : secondUrl;
        const response = await fetch(`${base}/api/vehicles/cars/${car.id}/violations/query`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}` },
        });
        return { status: response.status, body: (await response.json()) as { items?: unknown[]; message?: string } };
      }),
    );
    const calls = simulators.map((sim, i) => sim.host.callsTo(QUERY) - before[i]);
    const statuses = answers.map((answer) => answer.status);
    console.warn(
      `two instances, violation queries (${kind}): ${QUERIES} queries → answers ${JSON.stringify(tally(statuses))}, vendor calls per instance ${JSON.stringify(calls)}`,
    );

    expect(statuses).toEqual(Array(QUERIES).fill(200));
    expect(calls[0] + calls[1]).toBe(1);
    expect(new Set(answers.map((answer) => answer.body.items?.length)).size).toBe(1);
  }, 120_000);
});

function tally(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
