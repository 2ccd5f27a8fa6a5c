import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignedQuery } from '@banshi/vendor-clients/docloud';
import autocannon, { type Result } from 'autocannon';
import { createPool, type Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import {
  DOCLOUD_CALLBACK_CREDENTIALS,
  type DocloudCredentials,
} from '../src/vehicles/callbacks/docloud-credentials.js';
import { orderCallback, seedCreatedOrders } from '../test/faults/storm-kits/docloud.js';
import { bareTransactionServer, readBody } from './callbacks-bare-transaction.js';
import { BENCH_MYSQL_URL, startBenchServer, type Figure } from './support.js';

/** Callbacks per run (each a different order, so each one is applied, never a repeat). */
const COUNT = Number(process.env.BENCH_CALLBACKS ?? 4000);
const WARMUP = 300;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

/**
 * Docloud's order callback through the real route (signature, inbox insert, state transition,
 * commit, acknowledgement) under autocannon, against a bare `node:http` + `mysql2` handler doing
 * the same signature check and one insert into a similar table, measured in the same run.
 */
export async function benchCallbacks(): Promise<Figure[]> {
  const { app, baseUrl } = await startBenchServer({ SANDBOX_DOCLOUD_ORDER_MS: '3600000' });
  const dataSource = app.get(DataSource);
  const credentials = app.get<symbol, DocloudCredentials>(DOCLOUD_CALLBACK_CREDENTIALS);
  const tag = Date.now().toString(36).toUpperCase();
  try {
    const vendorIds = await seedCreatedOrders(dataSource, `BC${tag}`, WARMUP + COUNT, '违章代缴 基准');
    const ours = await storm(baseUrl, credentials, vendorIds.slice(0, WARMUP), vendorIds.slice(WARMUP));
    const applied = await dataSource.query(
      `SELECT COUNT(*) AS n FROM vendor_events WHERE topic = 'order' AND outcome = 'transitioned' AND dedupe_key LIKE ?`,
      [`docloud:order:BC${tag}%`],
    );
    const transitioned = Number((applied as { n: number }[])[0].n);
    if (transitioned !== WARMUP + COUNT) {
      throw new Error(`only ${transitioned} of ${WARMUP + COUNT} callbacks were applied`);
    }
    const baseline = await bareBaseline(credentials, tag);
    const sameWork = await bareTransactionBaseline(
      credentials,
      await seedCreatedOrders(dataSource, `BC${tag}T`, WARMUP + COUNT, '违章代缴 基准'),
    );
    await cleanUp(dataSource, tag);
    const oursRate = ours.result.requests.total / ours.seconds;
    const bareRate = baseline.result.requests.total / baseline.seconds;
    const sameWorkRate = sameWork.result.requests.total / sameWork.seconds;
    const group = `docloud order callback (${COUNT.toLocaleString('en')} distinct, ${CONNECTIONS} connections)`;
    return [
      {
        group,
        name: 'bare handler, our transaction (mysql2, no framework)',
        value: sameWorkRate,
        unit: 'req/s',
        ratio: { label: 'of one-insert bare', value: sameWorkRate / bareRate },
      },
      {
        group,
        name: 'throughput vs bare handler with our transaction',
        value: oursRate,
        unit: 'req/s',
        ratio: { label: 'ours / same-work bare', value: oursRate / sameWorkRate },
      },
      {
        group,
        name: 'throughput',
        value: oursRate,
        unit: 'req/s',
        ratio: { label: 'ours / bare', value: oursRate / bareRate },
      },
      { group, name: 'bare handler throughput', value: bareRate, unit: 'req/s' },
      {
        group,
        name: 'latency p50',
        value: ours.result.latency.p50,
        unit: 'ms',
        ratio: { label: 'ours / bare', value: ours.result.latency.p50 / Math.max(baseline.result.latency.p50, 0.01) },
      },
      {
        group,
        name: 'latency p99',
        value: ours.result.latency.p99,
        unit: 'ms',
        ratio: { label: 'ours / bare', value: ours.result.latency.p99 / Math.max(baseline.result.latency.p99, 0.01) },
      },
      {
        group,
        name: 'latency p99 vs bare handler with our transaction',
        value: ours.result.latency.p99,
        unit: 'ms',
        ratio: {
          label: 'ours / same-work bare',
          value: ours.result.latency.p99 / Math.max(sameWork.result.latency.p99, 0.01),
        },
      },
      { group, name: 'same-work bare handler latency p50', value: sameWork.result.latency.p50, unit: 'ms' },
      { group, name: 'same-work bare handler latency p99', value: sameWork.result.latency.p99, unit: 'ms' },
      { group, name: 'bare handler latency p50', value: baseline.result.latency.p50, unit: 'ms' },
      { group, name: 'bare handler latency p99', value: baseline.result.latency.p99, unit: 'ms' },
      { group, name: 'non-2xx answers (ours)', value: ours.result.non2xx + ours.result.errors, unit: '' },
    ];
  } finally {
    await app.close();
  }
}

/** One signed 《订单状态变更通知》 per order: paid (2) for most, done (3) for every third. */
function callbackFor(vendorId: string, index: number, credentials: DocloudCredentials) {
  return orderCallback(credentials, vendorId, index % 3 === 0 ? 3 : 2);
}

/** autocannon's own `duration` ends on its one-second sampling tick, so the run is timed here. */
interface Run {
  result: Result;
  /** From the first request sent to the last answer received. */
  seconds: number;
}

async function run(url: string, callbacks: { path: string; body: string }[]): Promise<Run> {
  let next = 0;
  let firstSent = 0n;
  let lastAnswered = 0n;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: callbacks.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          if (next === 0) firstSent = process.hrtime.bigint();
          const callback = callbacks[next++ % callbacks.length];
          return {
            ...request,
            path: callback.path,
            body: callback.body,
            headers: { 'content-type': 'application/json' },
          };
        },
        onResponse: () => {
          lastAnswered = process.hrtime.bigint();
        },
      },
    ],
  });
  return { result, seconds: Number(lastAnswered - firstSent) / 1e9 };
}

async function storm(
  baseUrl: string,
  credentials: DocloudCredentials,
  warm: string[],
  measured: string[],
): Promise<Run> {
  await run(
    baseUrl,
    warm.map((id, i) => callbackFor(id, i, credentials)),
  );
  return run(
    baseUrl,
    measured.map((id, i) => callbackFor(id, i, credentials)),
  );
}

/** The floor: signature check and one insert, nothing else. */
async function bareBaseline(credentials: DocloudCredentials, tag: string): Promise<Run> {
  const pool = createPool({ uri: BENCH_MYSQL_URL, connectionLimit: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_bare_inbox (
    id INT AUTO_INCREMENT PRIMARY KEY,
    vendor VARCHAR(32) NOT NULL, topic VARCHAR(32) NOT NULL,
    dedupe_key VARCHAR(191) NULL UNIQUE, status VARCHAR(16) NOT NULL,
    raw TEXT NOT NULL, received_at DATETIME(3) NOT NULL
  ) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await pool.query('DELETE FROM bench_bare_inbox');
  const server = bareServer(pool, credentials);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${tag}${i}`);
    await run(
      url,
      ids(WARMUP, 'BW').map((id, i) => callbackFor(id, i, credentials)),
    );
    return await run(
      url,
      ids(COUNT, 'BB').map((id, i) => callbackFor(id, i, credentials)),
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await pool.query('DELETE FROM bench_bare_inbox');
    await pool.end();
  }
}

/** The same transaction our route runs, without the framework (see callbacks-bare-transaction.ts). */
async function bareTransactionBaseline(credentials: DocloudCredentials, vendorIds: string[]): Promise<Run> {
  const pool = createPool({ uri: BENCH_MYSQL_URL, connectionLimit: 20 });
  const server = bareTransactionServer(pool, credentials);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await run(
      url,
      vendorIds.slice(0, WARMUP).map((id, i) => callbackFor(id, i, credentials)),
    );
    return await run(
      url,
      vendorIds.slice(WARMUP).map((id, i) => callbackFor(id, i, credentials)),
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await pool.end();
  }
}

function bareServer(pool: Pool, credentials: DocloudCredentials): Server {
  return createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = request.url ?? '';
      const query = url.slice(url.indexOf('?') + 1);
      try {
        verifySignedQuery(query, body, credentials.appKey, credentials.appSecret);
      } catch {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"success":false}');
        return;
      }
      const data = (JSON.parse(body) as { data: { orderId: string; orderStatus: number } }).data;
      await pool.execute(
        'INSERT INTO bench_bare_inbox (vendor, topic, dedupe_key, status, raw, received_at) VALUES (?, ?, ?, ?, ?, ?)',
        ['docloud', 'order', `docloud:order:${data.orderId}:${data.orderStatus}`, 'applied', body, new Date()],
      );
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
    })().catch(() => response.writeHead(500).end());
  });
}

/** Leaves the bench database as it was (the merchant-list bench counts its orders). */
async function cleanUp(dataSource: DataSource, tag: string): Promise<void> {
  const like = `BC${tag}%`;
  await dataSource.query(`DELETE FROM order_events WHERE order_id IN (SELECT id FROM orders WHERE order_no LIKE ?)`, [
    like,
  ]);
  await dataSource.query(
    `DELETE FROM notices WHERE dedupe_key IN
       (SELECT CONCAT(prefix, id, ':3') FROM orders, (SELECT 'vehicles:order:' AS prefix UNION SELECT 'bench:order:') p
        WHERE order_no LIKE ?)`,
    [like],
  );
  await dataSource.query(`DELETE FROM violation_orders WHERE out_order_no LIKE ?`, [like]);
  await dataSource.query(`DELETE FROM vendor_events WHERE dedupe_key LIKE ?`, [`docloud:order:${like}`]);
  await dataSource.query(`DELETE FROM orders WHERE order_no LIKE ?`, [like]);
}
