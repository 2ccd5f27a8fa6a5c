import { sampleBill } from '@banshi/vendor-simulators/yundou';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, billImage, yundouOf } from '../invoices/support.js';
import { setPrice, settle, startPayment, wechatpay } from './support.js';

const PRICE = 80;

interface Row {
  id: number;
  orderNo: string;
  status: string;
  payable: { amountFen: number; expiresAt: string } | null;
}

describe.each(testDatabases())('我的订单: the 待支付 tab (%s)', (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    yundouOf(t);
    await setPrice(t, 'invoice_scan', PRICE);
    token = await t.loginUser('awaiting-tab');
  });
  afterAll(() => t.close());

  async function photo(bill = sampleBill('taxi')): Promise<Row> {
    const res = await t.http
      .post('/api/invoices/photos')
      .set(bearer(token))
      .field('amountFen', String(PRICE))
      .attach('file', await billImage(bill), 'bill.jpg')
      .expect(201);
    return { id: res.body.orderId, orderNo: res.body.orderNo, status: 'pending', payable: null };
  }

  const list = async (query: Record<string, string | number>) =>
    (await t.http.get('/api/orders').query(query).set(bearer(token)).expect(200)).body as {
      items: Row[];
      nextCursor: string | null;
    };

  it('lists only orders whose payment is open, newest first, keyset-paged, with what is to pay', async () => {
    const paid = await photo(sampleBill('bus'));
    await startPayment(t, token, paid.orderNo);
    wechatpay(t).pay(paid.orderNo);
    await settle(t);
    const expired = await photo();
    await t.dataSource
      .getRepository(Payment)
      .update({ outTradeNo: expired.orderNo }, { expiresAt: new Date(Date.now() - 1000) });
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    const cancelled = await photo();
    await t.http.post(`/api/payments/${cancelled.orderNo}/cancel`).set(bearer(token)).expect(200);
    await t.http
      .post('/api/invoices/qr-text')
      .set(bearer(token))
      .send({ text: '01,32,,24442000000012345678,1200.00,20240315,,A1B2' })
      .expect(201);
    const older = await photo();
    const newer = await photo();
    await startPayment(t, token, newer.orderNo);

    const first = await list({ status: 'awaiting_payment', limit: 1 });
    expect(first.items.map((row) => row.id)).toEqual([newer.id]);
    expect(first.items[0]).toMatchObject({ status: 'pending', payable: { amountFen: PRICE } });
    expect(Date.parse(first.items[0].payable?.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect(first.nextCursor).not.toBeNull();
    const second = await list({ status: 'awaiting_payment', limit: 1, cursor: first.nextCursor as string });
    expect(second.items.map((row) => row.id)).toEqual([older.id]);
    expect(second.nextCursor).toBeNull();

    // Every tab carries `payable`: only the open ones have it.
    const all = await list({ limit: 20 });
    const payableIds = all.items.filter((row) => row.payable).map((row) => row.id);
    expect(payableIds).toEqual([newer.id, older.id]);
    expect(all.items.find((row) => row.id === paid.id)).toMatchObject({ payable: null });
    expect(all.items.find((row) => row.id === cancelled.id)).toMatchObject({ status: 'cancelled', payable: null });
  });

  it('another user sees none of them; an unknown tab is a clear 400', async () => {
    const other = await t.loginUser('awaiting-tab-other');
    const res = await t.http.get('/api/orders').query({ status: 'awaiting_payment' }).set(bearer(other)).expect(200);
    expect(res.body.items).toEqual([]);
    const bad = await t.http.get('/api/orders').query({ status: 'unpaid' }).set(bearer(token)).expect(400);
    expect(bad.body.message).toBe('订单状态筛选无效');
  });
});
