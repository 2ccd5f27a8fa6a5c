import type { AddressInfo } from 'node:net';
import { type NotificationKeys, verifyWechatPayNotification, WechatPayClient } from '@banshi/vendor-clients/wechatpay';
import type { WechatPaySimulator } from '@banshi/vendor-simulators/wechatpay';
import { renderBillImage, sampleBill, type YundouSimulator } from '@banshi/vendor-simulators/yundou';
import autocannon from 'autocannon';
import { createPool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { ServicePrice } from '../src/payments/entities/service-price.entity.js';
import { SandboxService } from '../src/sandbox/sandbox.service.js';
import { barePaymentServer } from './payments-bare-transaction.js';
import { type CapturedNotification, NotificationCapture } from './payments-notifications.js';
import { BENCH_MYSQL_URL, percentiles, startBenchServer, type Figure } from './support.js';

/** Notifications per run, each for a different priced order (each one applied, never a repeat). */
const COUNT = Number(process.env.BENCH_PAYMENTS ?? 400);
const WARMUP = 40;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** ¥0.50 per bill photo (invoice_scan): its service is one Yundou upload. */
const PRICE_FEN = 50;
const SCANS_PER_USER = 5;
const NOTIFY_PATH = '/api/callbacks/wechatpay/notify';

/** A notification with the order it pays, read once by decrypting it. */
interface Payment {
  outTradeNo: string;
  notification: CapturedNotification;
}

/**
 * WeChat Pay's 支付成功通知 (TRANSACTION.SUCCESS), signed and encrypted by the WeChat Pay simulator
 * for real priced bill photos (paid through the real API), sent under autocannon to the real
 * notification route (verify, decrypt, inbox, payment and order in one transaction, 204), against
 * the same-work bare handler; and, for ours, how long from the notification to the vendor call it
 * unlocks (the payment worker's Yundou upload, seen arriving at the Yundou simulator).
 */
export async function benchPayments(): Promise<Figure[]> {
  const capture = await NotificationCapture.start();
  const { app } = await startBenchServer({ PUBLIC_BASE_URL: capture.url });
  // `listen` answers the public address, which is the capture server here.
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const dataSource = app.get(DataSource);
  const sandbox = app.get(SandboxService);
  const wechatpay = sandbox.get<WechatPaySimulator>('wechatpay');
  const yundou = sandbox.get<YundouSimulator>('yundou');
  // Recognition results would come back to the capture server: none during the bench.
  yundou.recognitionDelayMs = 3_600_000;
  const keys = notificationKeys(wechatpay);
  const tag = Date.now().toString(36).toUpperCase();
  const orderIds: number[] = [];
  try {
    await dataSource
      .getRepository(ServicePrice)
      .save({ service: 'invoice_scan', amountFen: PRICE_FEN, updatedBy: null, updatedAt: new Date() });
    const ours = await paidScans(baseUrl, wechatpay, capture, keys, WARMUP + COUNT, tag, orderIds);
    const arrivals = watchUploads(yundou);
    const sentAt = new Map<string, number>();
    await run(baseUrl, ours.slice(0, WARMUP), sentAt);
    const measured = await run(baseUrl, ours.slice(WARMUP), sentAt);
    const unlocked = await vendorLatencies(dataSource, ours.slice(WARMUP), sentAt, arrivals);

    const bare = await bareRun(dataSource, wechatpay, app.get(WechatPayClient), capture, keys, tag, orderIds);
    const oursRate = measured.requests / measured.seconds;
    const bareRate = bare.requests / bare.seconds;
    const group = `WeChat Pay payment notification (${COUNT.toLocaleString('en')} priced orders, ${CONNECTIONS} connections)`;
    return [
      {
        group,
        name: 'throughput',
        value: oursRate,
        unit: 'req/s',
        ratio: { label: 'ours / same-work bare', value: oursRate / bareRate },
      },
      { group, name: 'same-work bare handler throughput', value: bareRate, unit: 'req/s' },
      {
        group,
        name: 'acknowledgement latency p50',
        value: measured.p50,
        unit: 'ms',
        ratio: { label: 'ours / same-work bare', value: measured.p50 / Math.max(bare.p50, 0.01) },
      },
      {
        group,
        name: 'acknowledgement latency p99',
        value: measured.p99,
        unit: 'ms',
        ratio: { label: 'ours / same-work bare', value: measured.p99 / Math.max(bare.p99, 0.01) },
      },
      { group, name: 'same-work bare latency p50', value: bare.p50, unit: 'ms' },
      { group, name: 'same-work bare latency p99', value: bare.p99, unit: 'ms' },
      { group, name: 'notification → vendor call p50', value: unlocked.p50, unit: 'ms' },
      { group, name: 'notification → vendor call p99', value: unlocked.p99, unit: 'ms' },
      {
        group,
        name: 'vendor calls made',
        value: unlocked.count,
        unit: '',
        ratio: { label: 'of sent', value: unlocked.count / COUNT },
      },
      { group, name: 'non-2xx answers (ours)', value: measured.non2xx, unit: '' },
    ];
  } finally {
    await cleanUp(dataSource, orderIds);
    await dataSource.getRepository(ServicePrice).delete({ service: 'invoice_scan' });
    await app.close();
    await capture.close();
  }
}

function notificationKeys(sim: WechatPaySimulator): NotificationKeys {
  const credentials = sim.credentials();
  return {
    platformPublicKey: sim.platformPublicKeyPem,
    platformPublicKeyId: sim.platformPublicKeyId,
    apiV3Key: credentials.apiV3Key,
    mchid: credentials.mchid,
  };
}

/** Users send bill photos at the price, start paying, and pay: WeChat Pay's notifications are captured. */
async function paidScans(
  baseUrl: string,
  sim: WechatPaySimulator,
  capture: NotificationCapture,
  keys: NotificationKeys,
  count: number,
  tag: string,
  orderIds: number[],
): Promise<Payment[]> {
  const photo = await renderBillImage(sampleBill('taxi'));
  const api = caller(baseUrl);
  let token = '';
  for (let i = 0; i < count; i++) {
    if (i % SCANS_PER_USER === 0) token = await login(api, `bench-pay-${tag}-${i}`);
    const form = new FormData();
    form.set('amountFen', String(PRICE_FEN));
    form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'bill.jpg');
    const scan = await api('/api/invoices/photos', token, form, 201);
    orderIds.push(Number(scan.orderId));
    await api(`/api/payments/${String(scan.orderNo)}/start`, token, {}, 200);
    if (sim.pay(String(scan.orderNo)) !== 'paid') throw new Error(`${String(scan.orderNo)} could not be paid`);
  }
  await sim.idle();
  return withOrders(capture.take(), keys);
}

function withOrders(notifications: CapturedNotification[], keys: NotificationKeys): Payment[] {
  return notifications.map((notification) => {
    const event = verifyWechatPayNotification({ headers: notification.headers, rawBody: notification.body }, keys);
    if (event.kind !== 'transaction') throw new Error('a refund notification was captured');
    return { outTradeNo: event.outTradeNo, notification };
  });
}

/** When each oid first reached the Yundou simulator (its uploads map is filled as uploads arrive). */
function watchUploads(yundou: YundouSimulator): Map<string, number> {
  const arrivals = new Map<string, number>();
  const uploads = yundou.uploads;
  const set = uploads.set.bind(uploads);
  uploads.set = (oid, upload) => {
    if (!arrivals.has(oid)) arrivals.set(oid, Date.now());
    return set(oid, upload);
  };
  return arrivals;
}

/** Waits for the vendor calls the measured notifications unlock, and answers their latencies. */
async function vendorLatencies(
  dataSource: DataSource,
  payments: Payment[],
  sentAt: Map<string, number>,
  arrivals: Map<string, number>,
) {
  const rows = (await dataSource.query(
    `SELECT s.oid, o.order_no AS orderNo FROM invoice_scans s JOIN orders o ON o.id = s.order_id
     WHERE o.order_no IN (${payments.map(() => '?').join(',')})`,
    payments.map((p) => p.outTradeNo),
  )) as { oid: string; orderNo: string }[];
  const deadline = Date.now() + 180_000;
  while (rows.some((row) => !arrivals.has(row.oid)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const samples = rows
    .filter((row) => arrivals.has(row.oid))
    .map((row) => (arrivals.get(row.oid) as number) - (sentAt.get(row.orderNo) as number));
  return { ...percentiles(samples.length ? samples : [0]), count: samples.length };
}

interface Run {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function run(url: string, payments: Payment[], sentAt: Map<string, number>): Promise<Run> {
  let next = 0;
  let firstSent = 0n;
  let lastAnswered = 0n;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: payments.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          if (next === 0) firstSent = process.hrtime.bigint();
          const { outTradeNo, notification } = payments[next++ % payments.length];
          sentAt.set(outTradeNo, Date.now());
          return { ...request, path: NOTIFY_PATH, body: notification.body, headers: notification.headers };
        },
        onResponse: () => {
          lastAnswered = process.hrtime.bigint();
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    seconds: Number(lastAnswered - firstSent) / 1e9,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/**
 * The bare handler gets its own priced orders (rows as ours stores them, paid at the simulator
 * through our WeChat Pay client): its notifications are as genuine, its orders as fresh.
 */
async function bareRun(
  dataSource: DataSource,
  sim: WechatPaySimulator,
  client: WechatPayClient,
  capture: NotificationCapture,
  keys: NotificationKeys,
  tag: string,
  orderIds: number[],
): Promise<Run> {
  const [{ userId }] = (await dataSource.query('SELECT user_id AS userId FROM orders WHERE id = ?', [orderIds[0]])) as {
    userId: number;
  }[];
  for (let i = 0; i < WARMUP + COUNT; i++) {
    const orderNo = `BP${tag}${String(i).padStart(6, '0')}`;
    orderIds.push(await seedPricedOrder(dataSource, orderNo, Number(userId)));
    await client.jsapiPrepay({
      outTradeNo: orderNo,
      description: '票据拍照识别 基准',
      totalFen: PRICE_FEN,
      openid: 'oBench000000000000000000000',
      notifyUrl: `${capture.url}${NOTIFY_PATH}`,
    });
    sim.pay(orderNo);
  }
  await sim.idle();
  const payments = withOrders(capture.take(), keys);
  const pool = createPool({ uri: BENCH_MYSQL_URL, connectionLimit: 20 });
  const server = barePaymentServer(pool, keys);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const ignored = new Map<string, number>();
    await run(url, payments.slice(0, WARMUP), ignored);
    return await run(url, payments.slice(WARMUP), ignored);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await pool.end();
  }
}

async function seedPricedOrder(dataSource: DataSource, orderNo: string, userId: number): Promise<number> {
  const now = new Date();
  const order = (await dataSource.query(
    `INSERT INTO orders (order_no, kind, status, vendor_status, vendor_ref, progress, amount_fen, title, user_id,
       created_at, updated_at, status_changed_at) VALUES (?, 'invoice_scan', 'pending', '待支付', NULL, 1, ?, ?, ?, ?, ?, ?)`,
    [orderNo, PRICE_FEN, '票据拍照识别 基准', userId, now, now, now],
  )) as { insertId: number };
  await dataSource.query(
    `INSERT INTO payments (order_id, user_id, out_trade_no, amount_fen, \`lines\`, description, status, prepay_id,
       transaction_id, paid_fen, refunded_fen, paid_at, expires_at, fulfilment, fulfil_attempts, fulfil_next_at,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, 'paying', NULL, NULL, 0, 0, NULL, ?, 'none', 0, NULL, ?, ?)`,
    [order.insertId, userId, orderNo, PRICE_FEN, '票据拍照识别 基准', new Date(Date.now() + 3_600_000), now, now],
  );
  return order.insertId;
}

type Api = (path: string, token: string, body: unknown, expected: number) => Promise<Record<string, unknown>>;

function caller(baseUrl: string): Api {
  return async (path, token, body, expected) => {
    const form = body instanceof FormData;
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(form ? {} : { 'content-type': 'application/json' }),
      },
      body: form ? body : JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status !== expected) throw new Error(`${path}: HTTP ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
}

async function login(api: Api, deviceId: string): Promise<string> {
  const { code } = await api('/api/sandbox/wechat/code', '', { deviceId }, 200);
  return String((await api('/api/auth/wechat', '', { code }, 200)).token);
}

/** Leaves the bench database as it was (the merchant-list bench counts its orders). */
async function cleanUp(dataSource: DataSource, orderIds: number[]): Promise<void> {
  for (let at = 0; at < orderIds.length; at += 500) {
    const ids = orderIds.slice(at, at + 500);
    const list = ids.map(() => '?').join(',');
    for (const table of ['order_events', 'vendor_events', 'payments', 'invoice_scans']) {
      await dataSource.query(`DELETE FROM ${table} WHERE order_id IN (${list})`, ids);
    }
    await dataSource.query(`DELETE FROM orders WHERE id IN (${list})`, ids);
  }
}
