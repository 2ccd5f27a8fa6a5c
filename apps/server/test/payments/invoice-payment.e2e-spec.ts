import { sampleBill } from '@banshi/vendor-simulators/yundou';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { testDatabases } from '../support/databases.js';
import { rawRows } from '../inspection/support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer, billImage, getScan, yundouOf } from '../invoices/support.js';
import { setPrice, settle, startPayment, wechatpay } from './support.js';

const PRICE = 50;

describe.each(testDatabases())('payments: a priced invoice photo recognition (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await setPrice(t, 'invoice_scan', PRICE);
  });
  afterAll(() => t.close());

  const tick = () => t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
  const uploads = () => yundouOf(t).uploads.size;

  /** A photo sent at the price shown: the scan waits 待支付. */
  async function unpaidScan(device: string, bill = sampleBill('taxi')) {
    const token = await t.loginUser(device);
    const created = await t.http
      .post('/api/invoices/photos')
      .set(bearer(token))
      .field('amountFen', String(PRICE))
      .attach('file', await billImage(bill), 'bill.jpg')
      .expect(201);
    return {
      token,
      id: created.body.id as number,
      orderId: created.body.orderId as number,
      orderNo: created.body.orderNo as string,
    };
  }

  async function pay(token: string, orderNo: string): Promise<void> {
    await startPayment(t, token, orderNo);
    wechatpay(t).pay(orderNo);
    await settle(t);
    await yundouOf(t).idle();
  }

  it('the price is listed; a photo must carry it; the vendor is not called before payment', async () => {
    const prices = await t.http.get('/api/prices').expect(200);
    expect(prices.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'invoice_scan', label: '票据拍照识别', unit: '每张照片', amountFen: PRICE }),
      ]),
    );
    const token = await t.loginUser('inv-pay-confirm');
    const before = uploads();
    const unconfirmed = await t.http
      .post('/api/invoices/photos')
      .set(bearer(token))
      .attach('file', await billImage(sampleBill('bus')), 'bill.jpg')
      .expect(409);
    expect(unconfirmed.body).toMatchObject({
      code: 'PRICE_CHANGED',
      message: '票据拍照识别费用为¥0.50/张，请确认后重新提交',
    });
    const { token: owner, id } = await unpaidScan('inv-pay-confirm-2');
    const scan = await getScan(t, owner, id);
    expect(scan).toMatchObject({
      status: 'unpaid',
      orderStatus: 'pending',
      retryable: false,
      payment: {
        status: 'created',
        label: '待支付',
        amountFen: PRICE,
        lines: [{ label: '票据拍照识别', amountFen: PRICE }],
      },
    });
    await tick();
    expect(uploads()).toBe(before);
    // A QR code read here stays free.
    const qr = await t.http
      .post('/api/invoices/qr-text')
      .set(bearer(owner))
      .send({ text: '01,32,,24442000000012345678,1200.00,20240315,,A1B2' })
      .expect(201);
    expect(qr.body).toMatchObject({ status: 'recognised', payment: null });
  });

  it('paid → only then sent to Yundou → recognised; the payment stays', async () => {
    const { token, id, orderNo } = await unpaidScan('inv-pay-happy');
    const before = uploads();
    await pay(token, orderNo);
    const scan = await getScan(t, token, id);
    expect(scan).toMatchObject({
      status: 'recognised',
      orderStatus: 'completed',
      billType: 'taxi',
      payment: { status: 'paid', paidFen: PRICE, refundedFen: 0 },
    });
    expect(uploads()).toBe(before + 1);
    const order = await t.http.get(`/api/orders/${scan.orderId}`).set(bearer(token)).expect(200);
    const lines = order.body.events.map((e: { message: string }) => e.message);
    expect(lines).toEqual(expect.arrayContaining(['已支付 ¥0.50', '已支付，照片已提交识别', '服务商已受理，正在识别']));
  });

  it('Yundou cannot recognise the paid photo → failed and refunded in full', async () => {
    const { token, id, orderNo } = await unpaidScan('inv-pay-fail');
    yundouOf(t).failNextRecognitions(1, '图片模糊，请对准票据重新拍摄');
    await pay(token, orderNo);
    await tick();
    await settle(t);
    const scan = await getScan(t, token, id);
    expect(scan).toMatchObject({
      status: 'failed',
      failureMessage: '图片模糊，请对准票据重新拍摄',
      retryable: true,
      payment: { status: 'refunded', paidFen: PRICE, refundedFen: PRICE },
    });
    expect(wechatpay(t).refund(`${orderNo}RF`)?.amount.refund).toBe(PRICE);
  });

  it('Yundou unreachable when paid: sent again later under the same oid, recognised once', async () => {
    const { token, id, orderNo } = await unpaidScan('inv-pay-unreachable', sampleBill('parking'));
    yundouOf(t).faults.failNext(3, 503);
    const before = uploads();
    await pay(token, orderNo);
    expect(await getScan(t, token, id)).toMatchObject({ status: 'recognising', payment: { status: 'paid' } });
    await t.dataSource.getRepository(Payment).update({ outTradeNo: orderNo }, { fulfilNextAt: new Date() });
    await tick();
    await yundouOf(t).idle();
    expect(await getScan(t, token, id)).toMatchObject({ status: 'recognised', payment: { status: 'paid' } });
    expect(uploads()).toBe(before + 1);

    // Still unreachable past the window after paying: failed and refunded, nothing recognised.
    const late = await unpaidScan('inv-pay-unreachable-2', sampleBill('toll'));
    yundouOf(t).faults.failNext(3, 503);
    await pay(late.token, late.orderNo);
    yundouOf(t).faults.failNext(3, 503);
    await t.dataSource
      .getRepository(Payment)
      .update({ outTradeNo: late.orderNo }, { fulfilNextAt: new Date(), paidAt: new Date(Date.now() - 11 * 60_000) });
    await tick();
    await settle(t);
    const refunded = await getScan(t, late.token, late.id);
    expect(refunded).toMatchObject({ status: 'failed', payment: { status: 'refunded', refundedFen: PRICE } });
    expect(refunded.failureMessage).toContain('费用已全额退回');
  });

  it("the paid upload's answer is lost: the vendor's callback to the oid's c-url still lands; never uploaded twice", async () => {
    const { token, id, orderNo } = await unpaidScan('inv-pay-lost-answer', sampleBill('phone'));
    yundouOf(t).faults.loseNextAnswer(3, 'fail', '/api/bill/upload');
    const before = uploads();
    await pay(token, orderNo);
    expect(uploads()).toBe(before + 1);
    expect(await getScan(t, token, id)).toMatchObject({ status: 'recognised', billType: 'phone' });
    await t.dataSource.getRepository(Payment).update({ outTradeNo: orderNo }, { fulfilNextAt: new Date() });
    await tick();
    const payment = await t.dataSource.getRepository(Payment).findOneByOrFail({ outTradeNo: orderNo });
    expect(payment).toMatchObject({ status: 'paid', fulfilment: 'done', refundedFen: 0 });
    expect(uploads()).toBe(before + 1);
  });

  it('unpaid at expiry: closed, the photo scheduled for deletion, Yundou never called', async () => {
    const { token, id, orderNo } = await unpaidScan('inv-pay-expired');
    await startPayment(t, token, orderNo);
    const before = uploads();
    await t.dataSource
      .getRepository(Payment)
      .update({ outTradeNo: orderNo }, { expiresAt: new Date(Date.now() - 1000) });
    await tick();
    const scan = await getScan(t, token, id);
    expect(scan).toMatchObject({ status: 'closed', orderStatus: 'cancelled', payment: { status: 'closed' } });
    const files = (await rawRows(t, 'stored_files')).filter((f) => Number(f.order_id) === scan.orderId);
    expect(files).toHaveLength(1);
    expect(files[0].delete_after).not.toBeNull();
    expect(wechatpay(t).pay(orderNo)).toBe('closed');
    await tick();
    expect(uploads()).toBe(before);

    // Submitted again from the kept photo: a new scan, 待支付 again, still nothing sent.
    const again = await t.http
      .post(`/api/invoices/${id}/retry`)
      .set(bearer(token))
      .send({ amountFen: PRICE })
      .expect(201);
    expect(again.body).toMatchObject({
      status: 'unpaid',
      retryOfId: id,
      payment: { status: 'created', amountFen: PRICE },
    });
    expect(uploads()).toBe(before);
  });

  it("the page's countdown reaches 0: asking the server closes the unpaid order at once, no tick needed", async () => {
    const { token, id, orderNo } = await unpaidScan('inv-pay-countdown');
    await startPayment(t, token, orderNo);
    await t.dataSource.getRepository(Payment).update({ outTradeNo: orderNo }, { expiresAt: new Date(Date.now() - 1) });
    const synced = await t.http.post(`/api/payments/${orderNo}/sync`).set(bearer(token)).expect(200);
    expect(synced.body).toMatchObject({ status: 'closed', label: '已关闭' });
    expect(await getScan(t, token, id)).toMatchObject({ status: 'closed', orderStatus: 'cancelled', retryable: true });
    expect(wechatpay(t).transaction(orderNo)?.trade_state).toBe('CLOSED');
  });

  it('the payment notification is lost: back from paying, the active query finds it paid and the photo goes', async () => {
    const { token, id, orderNo } = await unpaidScan('inv-pay-lost', sampleBill('courier'));
    await startPayment(t, token, orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect(await getScan(t, token, id)).toMatchObject({ status: 'unpaid', payment: { status: 'paying' } });

    const synced = await t.http.post(`/api/payments/${orderNo}/sync`).set(bearer(token)).expect(200);
    expect(synced.body).toMatchObject({ status: 'paid', paidFen: PRICE });
    await settle(t);
    await yundouOf(t).idle();
    expect(await getScan(t, token, id)).toMatchObject({ status: 'recognised', billType: 'courier' });
  });

  it('money invariant: every paid scan is recognised or refunded; no unpaid scan was ever sent', async () => {
    await settle(t);
    const payments = await rawRows(t, 'payments');
    const scans = await rawRows(t, 'invoice_scans');
    for (const payment of payments) {
      const scan = scans.find((s) => Number(s.order_id) === Number(payment.order_id));
      const paid = Number(payment.paid_fen);
      if (paid === 0) expect(yundouOf(t).uploads.has(String(scan?.oid))).toBe(false);
      else if (scan?.status === 'recognised') expect(Number(payment.refunded_fen)).toBe(0);
      else expect(Number(payment.refunded_fen)).toBe(paid);
    }
  });
});
