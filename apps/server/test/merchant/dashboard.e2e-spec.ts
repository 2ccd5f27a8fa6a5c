import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import type { OrderKind, OrderStatus } from '../../src/orders/order-status.js';
import { Order } from '../../src/orders/order.entity.js';
import { testDatabases } from '../support/databases.js';
import { userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auth } from './support.js';

/** `YYYY-MM-DD HH:MM:SS.mmm` in Beijing time. */
const bj = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

/**
 * A hand-made month: [kind, status, amount in fen, created (Beijing), seconds until the status
 * last changed]. The numbers the dashboard must show are counted by hand below.
 */
const ORDERS: Array<[OrderKind, OrderStatus, number, string, number]> = [
  ['id_photo', 'completed', 700, '2024-03-01 10:00:00.000', 3600],
  ['id_photo', 'completed', 1500, '2024-03-01 23:59:59.999', 600],
  ['id_photo', 'failed', 700, '2024-03-02 00:00:00.000', 100],
  ['id_photo', 'pending', 700, '2024-03-03 08:00:00.000', 0],
  ['invoice_scan', 'completed', 0, '2024-03-02 12:00:00.000', 30],
  ['invoice_scan', 'completed', 0, '2024-03-02 12:30:00.000', 90],
  // 23:59:59 UTC of March 2nd, but March 3rd in Beijing.
  ['invoice_scan', 'failed', 0, '2024-03-03 07:59:59.000', 10],
  ['identity', 'completed', 200, '2024-03-01 00:00:00.000', 5],
  ['identity', 'failed', 200, '2024-03-03 23:59:59.999', 3],
  ['identity', 'cancelled', 200, '2024-03-02 09:00:00.000', 60],
  ['violation_payment', 'completed', 20150, '2024-03-02 15:00:00.000', 86400],
  ['violation_payment', 'processing', 5000, '2024-03-03 10:00:00.000', 7],
  // Outside the period.
  ['id_photo', 'completed', 99999, '2024-02-29 23:59:59.999', 1],
  ['identity', 'completed', 99999, '2024-03-04 00:00:00.000', 1],
];

/** [vendor, status, received (Beijing)]. */
type CallbackRow = readonly [string, 'applied' | 'rejected' | 'failed', string];
const CALLBACKS: CallbackRow[] = [
  ...Array.from({ length: 5 }, (_, i): CallbackRow => ['zjz', 'applied', `2024-03-0${1 + (i % 3)} 12:00:00.000`]),
  ['zjz', 'rejected', '2024-03-02 01:00:00.000'],
  ['zjz', 'failed', '2024-03-03 23:59:59.999'],
  ['docloud', 'applied', '2024-03-01 08:00:00.000'],
  ['docloud', 'applied', '2024-03-02 08:00:00.000'],
  ['docloud', 'applied', '2024-03-03 08:00:00.000'],
  ['yundou', 'rejected', '2024-03-01 00:00:00.000'],
  ['yundou', 'rejected', '2024-03-02 00:00:00.000'],
  ...Array.from({ length: 4 }, (): CallbackRow => ['zjz', 'failed', '2024-02-29 23:00:00.000']),
  ['docloud', 'failed', '2024-03-04 00:00:00.000'],
];

describe.each(testDatabases())('merchant dashboard (%s)', (kind) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    token = await t.loginMerchant('numbers', 'staff');
    const userId = await userIdOf(t, await t.loginUser('dashboard-user'));
    await t.dataSource.getRepository(Order).insert(
      ORDERS.map(([orderKind, status, amountFen, created, seconds], i) => {
        const createdAt = bj(created);
        const statusChangedAt = new Date(createdAt.getTime() + seconds * 1000);
        return {
          orderNo: `BD${String(i).padStart(8, '0')}`,
          kind: orderKind,
          status,
          vendorStatus: status,
          progress: 10,
          amountFen,
          title: '看板订单',
          userId,
          createdAt,
          updatedAt: statusChangedAt,
          statusChangedAt,
        };
      }),
    );
    await t.dataSource.getRepository(VendorEvent).insert(
      CALLBACKS.map(([vendor, status, received], i) => ({
        vendor,
        topic: 'order',
        dedupeKey: status === 'rejected' ? null : `dash:${i}`,
        status,
        outcome: status === 'applied' ? 'transitioned' : null,
        reason: status === 'applied' ? null : 'test',
        orderId: null,
        raw: { method: 'POST', path: '/x', params: {}, query: '', headers: {}, body: '{}' },
        payloadMasked: '{}',
        repeatCount: 0,
        attempts: 1,
        receivedAt: bj(received),
        updatedAt: bj(received),
      })),
    );
  });
  afterAll(() => t.close());

  it('matches a hand count over China days: orders per day and kind, rates, amounts, times, vendor errors', async () => {
    const { body } = await t.http
      .get('/api/merchant/dashboard')
      .query({ from: '2024-03-01', to: '2024-03-03' })
      .set(auth(token))
      .expect(200);
    expect(body.days).toEqual(['2024-03-01', '2024-03-02', '2024-03-03']);

    const perDay = (day: string) =>
      Object.fromEntries(
        body.perDay
          .filter((row: { day: string; count: number }) => row.day === day && row.count > 0)
          .map((row: { kind: string; count: number }) => [row.kind, row.count]),
      );
    expect(perDay('2024-03-01')).toEqual({ id_photo: 2, identity: 1 });
    expect(perDay('2024-03-02')).toEqual({ id_photo: 1, invoice_scan: 2, identity: 1, violation_payment: 1 });
    expect(perDay('2024-03-03')).toEqual({ id_photo: 1, invoice_scan: 1, identity: 1, violation_payment: 1 });
    expect(body.perDay).toHaveLength(3 * 5);

    const kinds = Object.fromEntries(body.kinds.map((row: { kind: string }) => [row.kind, row]));
    expect(kinds.id_photo).toEqual({
      kind: 'id_photo',
      total: 4,
      completed: 2,
      failed: 1,
      cancelled: 0,
      open: 1,
      completionRate: 0.5,
      failureRate: 0.25,
      amountFen: 2200,
      avgCompletionSeconds: 2100,
    });
    expect(kinds.invoice_scan).toMatchObject({
      total: 3,
      completed: 2,
      failed: 1,
      open: 0,
      completionRate: 0.6667,
      failureRate: 0.3333,
      amountFen: 0,
      avgCompletionSeconds: 60,
    });
    expect(kinds.identity).toMatchObject({
      total: 3,
      completed: 1,
      failed: 1,
      cancelled: 1,
      open: 0,
      completionRate: 0.3333,
      failureRate: 0.3333,
      amountFen: 200,
      avgCompletionSeconds: 5,
    });
    expect(kinds.violation_payment).toMatchObject({
      total: 2,
      completed: 1,
      failed: 0,
      open: 1,
      completionRate: 0.5,
      failureRate: 0,
      amountFen: 20150,
      avgCompletionSeconds: 86400,
    });
    expect(kinds.inspection).toMatchObject({ total: 0, completionRate: 0, amountFen: 0, avgCompletionSeconds: null });
    expect(body.totals).toEqual({ orders: 12, completed: 6, failed: 3, amountFen: 22550 });

    expect(body.vendors).toEqual([
      { vendor: 'docloud', total: 3, applied: 3, rejected: 0, failed: 0, errorRate: 0 },
      { vendor: 'yundou', total: 2, applied: 0, rejected: 2, failed: 0, errorRate: 1 },
      { vendor: 'zjz', total: 7, applied: 5, rejected: 1, failed: 1, errorRate: 0.2857 },
    ]);
  });

  it('one day alone, and the default week ending today', async () => {
    const day = await t.http
      .get('/api/merchant/dashboard')
      .query({ from: '2024-03-03', to: '2024-03-03' })
      .set(auth(token))
      .expect(200);
    expect(day.body.totals).toEqual({ orders: 4, completed: 0, failed: 2, amountFen: 0 });
    const week = await t.http.get('/api/merchant/dashboard').set(auth(token)).expect(200);
    expect(week.body.days).toHaveLength(7);
    expect(week.body.to).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  });

  it('refuses a period that ends before it starts or is longer than a year, with a message', async () => {
    const reversed = await t.http
      .get('/api/merchant/dashboard')
      .query({ from: '2024-03-05', to: '2024-03-01' })
      .set(auth(token))
      .expect(400);
    expect(reversed.body).toMatchObject({ code: 'BAD_PERIOD', message: '开始日期不能晚于结束日期' });
    const long = await t.http
      .get('/api/merchant/dashboard')
      .query({ from: '2022-01-01', to: '2024-03-01' })
      .set(auth(token))
      .expect(400);
    expect(long.body.message).toContain('最长 366 天');
    await t.http.get('/api/merchant/dashboard').query({ from: '3/1/2024' }).set(auth(token)).expect(400);
  });
});
