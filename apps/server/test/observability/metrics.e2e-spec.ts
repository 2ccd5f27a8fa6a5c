import { WechatSimulator } from '@banshi/vendor-simulators/wechat';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { docloudCredentials, orderCallback, seedCreatedOrders } from '../faults/storm-kits/docloud.js';
import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Labels = Record<string, string>;

/** The value of one sample of the Prometheus text format, 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Labels = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

// nestjs-pino builds one pino-http per process, on the first application's options: every app of
// this file logs to the first one's destination, so there is one list for all of them.
const logs: Record<string, unknown>[] = [];
const logDestination = { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) };

describe.each(testDatabases())('metrics and request ids (%s)', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, {}, { logDestination });
  });
  afterAll(() => t.close());

  const scrape = async () =>
    (
      await t.http
        .get('/metrics')
        .expect(200)
        .expect('content-type', /text\/plain/)
    ).text;

  it('callbacks move /metrics by outcome: applied, repeat, rejected', async () => {
    const before = await scrape();
    const credentials = docloudCredentials(t.app);
    const ids = await seedCreatedOrders(t.dataSource, `MT${kind.toUpperCase()}`, 4);
    const send = (callback: { path: string; body: string }) =>
      t.http.post(callback.path).set('Content-Type', 'application/json').send(callback.body);
    for (const id of ids) await send(orderCallback(credentials, id, 2)).expect(200);
    for (const id of ids.slice(0, 2)) await send(orderCallback(credentials, id, 2)).expect(200);
    const forged = orderCallback(credentials, ids[0], 3);
    await send({ ...forged, path: forged.path.replace(/sign=[^&]+/, 'sign=forged') }).expect((r) =>
      expect(r.status).toBeGreaterThanOrEqual(400),
    );
    const after = await scrape();

    const moved = (name: string, labels: Labels) => sample(after, name, labels) - sample(before, name, labels);
    const order = { vendor: 'docloud', topic: 'order' };
    expect(moved('banshi_callbacks_total', { ...order, outcome: 'applied' })).toBe(4);
    expect(moved('banshi_callbacks_total', { ...order, outcome: 'repeat' })).toBe(2);
    expect(moved('banshi_callbacks_total', { ...order, outcome: 'rejected' })).toBe(1);
    expect(moved('banshi_callbacks_total', { ...order, outcome: 'failed' })).toBe(0);
    expect(moved('banshi_callback_duration_seconds_count', order)).toBe(7);

    const [{ n }] = (await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM orders WHERE kind = 'violation_payment' AND status = 'processing'",
    )) as { n: number }[];
    expect(Number(n)).toBeGreaterThanOrEqual(4);
    expect(sample(after, 'banshi_orders', { kind: 'violation_payment', status: 'processing' })).toBe(Number(n));
  });

  it('vendor calls move /metrics by endpoint and outcome, and their log lines carry the request id', async () => {
    const wechat = t.sandbox.get<WechatSimulator>('wechat');
    const call = { vendor: 'wechat', endpoint: '/sns/jscode2session' };
    const before = await scrape();

    const login = await t.http
      .post('/api/auth/wechat')
      .set('X-Request-Id', `trace-${kind}-1`)
      .send({ code: wechat.mintLoginCode() })
      .expect(200);
    expect(login.headers['x-request-id']).toBe(`trace-${kind}-1`);
    wechat.faults.failNext(1);
    await t.http
      .post('/api/auth/wechat')
      .set('X-Request-Id', `trace-${kind}-2`)
      .send({ code: wechat.mintLoginCode() })
      .expect(503);
    const after = await scrape();

    const moved = (name: string, labels: Labels) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('banshi_vendor_calls_total', { ...call, outcome: 'ok' })).toBe(1);
    expect(moved('banshi_vendor_calls_total', { ...call, outcome: 'http_5xx' })).toBe(1);
    expect(moved('banshi_vendor_call_duration_seconds_count', call)).toBe(2);

    const vendorLines = logs.filter((line) => line.endpoint === '/sns/jscode2session' && line.vendor === 'wechat');
    expect(vendorLines.find((line) => line.requestId === `trace-${kind}-1`)).toMatchObject({
      vendor: 'wechat',
      outcome: 'ok',
      status: 200,
    });
    expect(vendorLines.find((line) => line.requestId === `trace-${kind}-2`)).toMatchObject({ outcome: 'http_5xx' });
    // pino-http's own line for the request has the same id.
    expect(logs.some((line) => (line.req as { id?: string } | undefined)?.id === `trace-${kind}-1`)).toBe(true);
    // Without a caller's id, one is made and answered.
    const made = await t.http.get('/api/health').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('jobs and unconfirmed orders are counted', async () => {
    const before = await scrape();
    await t.app.get(JobScheduler).runNow('delete-expired-files');
    const userId = await userIdOf(t, await t.loginUser());
    await seedOrder(t, userId, 'inspection', { status: 'pending', vendorStatus: '待确认', progress: 5 });
    const after = await scrape();
    const job = { job: 'delete-expired-files' };
    expect(
      sample(after, 'banshi_jobs_total', { ...job, result: 'ran' }) -
        sample(before, 'banshi_jobs_total', { ...job, result: 'ran' }),
    ).toBe(1);
    expect(sample(after, 'banshi_orders_unconfirmed', { kind: 'inspection', vendor_status: '待确认' })).toBe(1);
  });

  it('/metrics is refused to an outside address (as forwarded by a proxy)', async () => {
    const outside = await t.http.get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
    expect(outside.body.code).toBe('FORBIDDEN');
    await t.http.get('/metrics').set('X-Forwarded-For', '10.1.2.3').expect(200);
  });
});

describe('metrics token', () => {
  let t: TestApp;
  const token = 'metrics-token-for-the-test';
  beforeAll(async () => {
    t = await startTestApp('sqlite', { METRICS_TOKEN: token });
  });
  afterAll(() => t.close());

  it('with METRICS_TOKEN set, /metrics needs it, from any address', async () => {
    await t.http.get('/metrics').expect(401);
    await t.http.get('/metrics').set('Authorization', 'Bearer not-the-token-at-all').expect(401);
    const ok = await t.http
      .get('/metrics')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Forwarded-For', '203.0.113.9')
      .expect(200);
    expect(ok.text).toContain('banshi_callbacks_total');
  });
});
