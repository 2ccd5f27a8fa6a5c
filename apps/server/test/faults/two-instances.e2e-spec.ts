import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp, listen } from '../../src/app.factory.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { docloudCredentials, orderCallback, seedCreatedOrders } from './storm-kits/docloud.js';
import { inPool, postAsVendor } from './storm-kits/kit.js';

/**
 * Two server instances on one database, as behind a load balancer: every Docloud order callback is
 * delivered to both at the same moment. Each must be applied once (the other delivery counted as a
 * repeat), no answer a 5xx, and every order end as one orderly delivery would leave it.
 */
const ORDERS = 150;

describe.each(testDatabases())('two instances on one database (%s)', (kind) => {
  let t: TestApp;
  let second: NestExpressApplication;
  let secondUrl: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    second = await createApp({ ...t.config });
    secondUrl = await listen(second, t.config);
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('applies a callback delivered to both instances at once exactly once', async () => {
    const credentials = docloudCredentials(t.app);
    const ids = await seedCreatedOrders(t.dataSource, `T${kind === 'mysql' ? 'M' : 'L'}`, ORDERS);
    const callbacks = ids.flatMap((id) => [orderCallback(credentials, id, 2), orderCallback(credentials, id, 3)]);
    const statuses = await inPool(callbacks, 16, async (callback) => {
      const both = await Promise.all(
        [t.baseUrl, secondUrl].map(
          async (base) => (await postAsVendor(`${base}${callback.path}`, callback.body, 'application/json')).status,
        ),
      );
      return both;
    });
    const answers = statuses.flat();
    const events = (await t.dataSource.query(
      `SELECT status, COUNT(*) AS n, SUM(repeat_count) AS repeats FROM vendor_events WHERE vendor = 'docloud' GROUP BY status`,
    )) as { status: string; n: number; repeats: number }[];
    const marks = (await t.dataSource.query(
      `SELECT e.type, COUNT(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id GROUP BY e.type`,
    )) as { type: string; n: number }[];
    const finals = (await t.dataSource.query(`SELECT status, COUNT(*) AS n FROM orders GROUP BY status`)) as {
      status: string;
      n: number;
    }[];
    const marksOf = Object.fromEntries(marks.map((m) => [m.type, Number(m.n)]));
    console.warn(
      `two instances (${kind}): ${callbacks.length} callbacks × 2 deliveries → answers ${JSON.stringify(count(answers))}, vendor_events ${JSON.stringify(events.map((e) => [e.status, Number(e.n), Number(e.repeats)]))}, timeline ${JSON.stringify(marksOf)}`,
    );

    expect(answers.filter((status) => status !== 200)).toEqual([]);
    expect(events.map((e) => [e.status, Number(e.n), Number(e.repeats)])).toEqual([
      ['applied', callbacks.length, callbacks.length],
    ]);
    expect(finals.map((f) => [f.status, Number(f.n)])).toEqual([['completed', ORDERS]]);
    expect((marksOf.status_changed ?? 0) + (marksOf.ignored_stale ?? 0)).toBe(callbacks.length);
    expect(Object.keys(marksOf).filter((type) => !['status_changed', 'ignored_stale'].includes(type))).toEqual([]);
  }, 180_000);
});

function count(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
