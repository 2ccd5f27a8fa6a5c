import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { auth, rawRows } from '../inspection/support.js';
import { messages, order, settle, startPayment, unpaidOrder, wechatpay, startPricedApp } from './support.js';

describe.each(testDatabases())("payments: the merchant's manual refund (%s)", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startPricedApp(kind);
  });
  afterAll(() => t.close());

  it('owner only, audited, once per request id, partial allowed, never above what is left', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'manual-refund');
    await startPayment(t, token, orderNo);
    wechatpay(t).pay(orderNo);
    await settle(t);
    const owner = await t.loginMerchant('owner');
    const staff = await t.loginMerchant('staff', 'staff');
    const url = `/api/merchant/orders/${orderId}/refunds`;
    const body = { amountFen: 4_800, reason: '材料寄送延误，退部分服务费', requestId: 'dialog0001' };

    await t.http.post(url).set(auth(staff)).send(body).expect(403);
    const first = await t.http.post(url).set(auth(owner)).send(body).expect(200);
    expect(first.body).toMatchObject({ outRefundNo: `${orderNo}RMdialog0001`, amountFen: 4_800 });
    const double = await t.http.post(url).set(auth(owner)).send(body).expect(200);
    expect(double.body.outRefundNo).toBe(first.body.outRefundNo);
    const tooMuch = await t.http
      .post(url)
      .set(auth(owner))
      .send({ ...body, amountFen: 10_001, requestId: 'dialog0002' })
      .expect(409);
    expect(tooMuch.body).toEqual({ code: 'REFUND_EXCEEDS_PAID', message: '退款金额超过可退金额（可退 ¥100.00）' });
    const bad = await t.http
      .post(url)
      .set(auth(owner))
      .send({ ...body, amountFen: 0 })
      .expect(400);
    expect(bad.body.message).toContain('退款金额须大于 0');
    await settle(t);

    const view = (await order(t, token, orderId)).body;
    expect(view.payment).toMatchObject({ status: 'partially_refunded', refundedFen: 4_800 });
    expect(messages(view)).toEqual(
      expect.arrayContaining(['退款中 ¥48.00：材料寄送延误，退部分服务费', '已退款 ¥48.00，款项已原路退回']),
    );
    expect(wechatpay(t).refund(`${orderNo}RMdialog0001`)?.amount.refund).toBe(4_800);
    // WeChat Pay ended the refund, not the errand's vendor: the user's timeline and the merchant's say 系统.
    const ended = (view.events as { message: string; actor: string }[]).find((e) => e.message.startsWith('已退款'));
    expect(ended?.actor).toBe('system');
    // So did the payment: WeChat Pay told us, the errand's vendor had no part in it.
    const paid = (view.events as { message: string; actor: string }[]).find((e) => e.message.startsWith('已支付'));
    expect(paid?.actor).toBe('system');
    const desk = await t.http.get(`/api/merchant/orders/${orderId}`).set(auth(owner)).expect(200);
    const deskEnded = (desk.body.events as { message: string; actor: string }[]).find((e) =>
      e.message.startsWith('已退款'),
    );
    expect(deskEnded?.actor).toBe('system');
    const drawer = await t.http.get(`/api/merchant/orders/${orderId}/view`).set(auth(owner)).expect(200);
    const drawerEnded = (drawer.body.timeline as { text: string; actor: string }[]).find((e) =>
      e.text.startsWith('已退款'),
    );
    expect(drawerEnded?.actor).toBe('系统');
    const audit = (await rawRows(t, 'merchant_audit_log')).filter((row) => row.action === 'order_refund');
    expect(audit).toHaveLength(2);
    expect(audit[0].target).toBe(`order:${orderId}`);
  });

  it('an order without a payment has nothing to refund', async () => {
    const owner = await t.loginMerchant('owner');
    const res = await t.http
      .post('/api/merchant/orders/999999/refunds')
      .set(auth(owner))
      .send({ amountFen: 1, reason: '测试退款', requestId: 'dialog0003' })
      .expect(404);
    expect(res.body.message).toBe('该订单没有支付记录');
  });
});
