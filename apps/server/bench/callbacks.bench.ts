import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSignedQuery, verifySignedQuery } from '@banshi/vendor-clients/docloud';
import autocannon, { type Result } from 'autocannon';
import { createPool, type Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { Order } from '../src/orders/order.entity.js';
import {
  DOCLOUD_CALLBACK_CREDENTIALS,
  type DocloudCredentials,
} from '../src/vehicles/callbacks/docloud-credentials.js';
import { ViolationOrder } from '../src/vehicles/entities/violation-order.entity.js';
import { BENCH_MYSQL_URL, startBenchServer, type Figure } from './support.js';

/** Callbacks per run (each a different order, so each one is applied, never a repeat). */
const COUNT = Number(process.env.BENCH_CALLBACKS ?? 4000);
const WARMUP = 300;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PATH = '/api/callbacks/docloud/order';

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
    const vendorIds = await seedOrders(dataSource, tag, WARMUP + COUNT);
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
    await cleanUp(dataSource, tag);
    const oursRate = ours.requests.total / ours.duration;
    const bareRate = baseline.requests.total / baseline.duration;
    const group = `docloud order callback (${COUNT.toLocaleString('en')} distinct, ${CONNECTIONS} connections)`;
    return [
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
        value: ours.latency.p50,
        unit: 'ms',
        ratio: { label: 'ours / bare', value: ours.latency.p50 / Math.max(baseline.latency.p50, 0.01) },
      },
      {
        group,
        name: 'latency p99',
        value: ours.latency.p99,
        unit: 'ms',
        ratio: { label: 'ours / bare', value: ours.latency.p99 / Math.max(baseline.latency.p99, 0.01) },
      },
      { group, name: 'bare handler latency p50', value: baseline.latency.p50, unit: 'ms' },
      { group, name: 'bare handler latency p99', value: baseline.latency.p99, unit: 'ms' },
      { group, name: 'non-2xx answers (ours)', value: ours.non2xx + ours.errors, unit: '' },
    ];
  } finally {
    await app.close();
  }
}

/** Credit orders already created at the vendor (status 1), stored the way the vehicles module stores them. */
async function seedOrders(dataSource: DataSource, tag: string, count: number): Promise<string[]> {
  const vendorIds: string[] = [];
  const now = new Date();
  for (let offset = 0; offset < count; offset += 500) {
    const size = Math.min(500, count - offset);
    const numbers = Array.from({ length: size }, (_, i) => offset + i);
    const orders = numbers.map((i) => ({
      orderNo: `BC${tag}${String(i).padStart(8, '0')}`,
      kind: 'violation_payment' as const,
      status: 'pending' as const,
      vendorStatus: '1',
      progress: 20,
      vendorRef: `BC${tag}${i}`,
      amountFen: 20_000,
      title: '违章代缴 基准',
      userId: 1,
      createdAt: now,
      updatedAt: now,
      statusChangedAt: now,
    }));
    const inserted = await dataSource.getRepository(Order).insert(orders);
    await dataSource.getRepository(ViolationOrder).insert(
      numbers.map((i, at) => ({
        orderId: Number(inserted.identifiers[at].id),
        userId: 1,
        carId: 1,
        idempotencyKey: `bench-${tag}-${i}`,
        outOrderNo: orders[at].orderNo,
        vendorOrderId: orders[at].vendorRef,
        state: 'created' as const,
        deductSelf: false,
        paymentMode: 'credit' as const,
        plateNumber: '浙A12345',
        vendorToken: null,
        items: [],
        fineFen: 20_000,
        serviceFeeFen: 0,
        markFeeFen: 0,
        totalFen: 20_000,
        refundFen: 0,
        payUrl: null,
        cancelReason: null,
        failureCode: null,
        failureMessage: null,
        vendorStatus: 1,
        lastVendorUpdateAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    vendorIds.push(...orders.map((order) => order.vendorRef));
  }
  return vendorIds;
}

/** One signed 《订单状态变更通知》 per order: paid (2) for most, done (3) for every third. */
function callbackFor(vendorId: string, index: number, credentials: DocloudCredentials) {
  const body = JSON.stringify({
    success: true,
    data: {
      orderId: vendorId,
      orderStatus: index % 3 === 0 ? 3 : 2,
      orderStatusTime: '2026-11-23 08:00:00',
      violations: [],
    },
  });
  const query = buildSignedQuery({}, credentials.appKey, credentials.appSecret, body);
  return { path: `${PATH}?${query}`, body };
}

function run(url: string, callbacks: { path: string; body: string }[]): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    amount: callbacks.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const callback = callbacks[next++ % callbacks.length];
          return {
            ...request,
            path: callback.path,
            body: callback.body,
            headers: { 'content-type': 'application/json' },
          };
        },
      },
    ],
  });
}

async function storm(
  baseUrl: string,
  credentials: DocloudCredentials,
  warm: string[],
  measured: string[],
): Promise<Result> {
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
async function bareBaseline(credentials: DocloudCredentials, tag: string): Promise<Result> {
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

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Leaves the bench database as it was (the merchant-list bench counts its orders). */
async function cleanUp(dataSource: DataSource, tag: string): Promise<void> {
  const like = `BC${tag}%`;
  await dataSource.query(`DELETE FROM order_events WHERE order_id IN (SELECT id FROM orders WHERE order_no LIKE ?)`, [
    like,
  ]);
  await dataSource.query(`DELETE FROM violation_orders WHERE out_order_no LIKE ?`, [like]);
  await dataSource.query(`DELETE FROM vendor_events WHERE dedupe_key LIKE ?`, [`docloud:order:${like}`]);
  await dataSource.query(`DELETE FROM orders WHERE order_no LIKE ?`, [like]);
}
