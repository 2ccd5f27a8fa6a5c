import { CASHIER_SUBMIT_PATH } from '@banshi/vendor-simulators/wechatpay';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { RefundsService } from '../../src/payments/refunds.service.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { auth, docloud, placeOrder, rawRows } from '../inspection/support.js';
import {
  CREATE_PATH,
  INSPECTION_PRICE,
  messages,
  occupyCarAtVendor,
  order,
  quotedCar,
  settle,
  startPayment,
  unpaidOrder,
  wechatpay,
  startPricedApp,
} from './support.js';

describe.each(testDatabases())('payments: a priced inspection order through WeChat Pay (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startPricedApp(kind);
  });
  afterAll(() => t.close());

  it('prices: users read them, the owner sets them (audited), staff cannot', async () => {
    const prices = await t.http.get('/api/prices').expect(200);
    expect(prices.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'inspection', label: '年检代办服务费', amountFen: INSPECTION_PRICE }),
      ]),
    );
    const staff = await t.loginMerchant('staff', 'staff');
    await t.http
      .put('/api/merchant/prices')
      .set(auth(staff))
      .send({ items: [{ service: 'inspection', amountFen: 1 }] })
      .expect(403);
    const bad = await t.http
      .put('/api/merchant/prices')
      .set(auth(await t.loginMerchant('owner')))
      .send({ items: [{ service: 'inspection', amountFen: -1 }] })
      .expect(400);
    expect(bad.body.message).toContain('价格不能为负');
    const audit = await rawRows(t, 'merchant_audit_log');
    expect(audit.filter((row) => row.action === 'prices_update')).toHaveLength(1);
  });

  it('an order must carry the price the user saw; the vendor is not called before payment', async () => {
    const { token, carId } = await quotedCar(t, 'pay-confirm');
    const creates = docloud(t).host.callsTo(CREATE_PATH);
    const unconfirmed = await placeOrder(t, token, carId, 11800).expect(409);
    expect(unconfirmed.body).toMatchObject({ code: 'PRICE_CHANGED', message: '服务费为¥148.00，请确认后重新提交' });
    const created = await placeOrder(t, token, carId, 11800, { amountFen: INSPECTION_PRICE }).expect(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      worderLabel: '待支付',
      amountFen: INSPECTION_PRICE,
      payment: { status: 'created', label: '待支付', amountFen: INSPECTION_PRICE, paidFen: 0 },
    });
    expect(docloud(t).host.callsTo(CREATE_PATH)).toBe(creates);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    expect(docloud(t).host.callsTo(CREATE_PATH)).toBe(creates);
  });

  it('paid through the sandbox cashier → notified → only then the vendor order → 待取件', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'pay-happy');
    const creates = docloud(t).host.callsTo(CREATE_PATH);
    const start = await startPayment(t, token, orderNo);
    expect(start.body.requestPayment).toMatchObject({
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=wx/),
    });
    expect(start.body.payment).toMatchObject({ status: 'paying', label: '待支付' });
    const cashier = new URL(start.body.cashierUrl);
    const page = await fetch(cashier).then((res) => res.text());
    expect(page).toContain('¥148.00');
    const submit = await fetch(new URL(CASHIER_SUBMIT_PATH, cashier), {
      method: 'POST',
      body: new URLSearchParams({
        prepay_id: cashier.searchParams.get('prepay_id') as string,
        return_url: cashier.searchParams.get('return_url') as string,
        action: 'pay',
      }),
      redirect: 'manual',
    });
    expect(submit.status).toBe(303);
    expect(submit.headers.get('location')).toContain('wechatpay_result=ok');
    await settle(t);

    const done = await order(t, token, orderId);
    expect(done.body).toMatchObject({
      status: 'processing',
      worderStatus: 15,
      payment: { status: 'paid', label: '已支付' },
    });
    expect(messages(done.body)).toEqual(expect.arrayContaining(['已支付 ¥148.00', '已向年检服务商下单']));
    expect(docloud(t).host.callsTo(CREATE_PATH)).toBe(creates + 1);
    // Paying again is refused; the notification was stored and applied once.
    const again = await t.http.post(`/api/payments/${orderNo}/start`).set(auth(token)).send({}).expect(409);
    expect(again.body.message).toBe('订单已支付');
    const events = (await rawRows(t, 'vendor_events')).filter(
      (e) => e.vendor === 'wechatpay' && e.order_id === orderId,
    );
    expect(events.map((e) => [e.status, e.outcome])).toEqual([['applied', 'paid']]);
  });

  it('the vendor refuses the paid order → failed and refunded in full, refund notification on the timeline', async () => {
    const { token, carId, orderId, orderNo } = await unpaidOrder(t, 'pay-refused');
    await occupyCarAtVendor(t, token, carId);
    await startPayment(t, token, orderNo);
    wechatpay(t).pay(orderNo);
    await settle(t);

    const refunded = await order(t, token, orderId);
    expect(refunded.body).toMatchObject({
      status: 'failed',
      payment: {
        status: 'refunded',
        label: '已退款 ¥148.00',
        paidFen: INSPECTION_PRICE,
        refundedFen: INSPECTION_PRICE,
      },
    });
    const lines = messages(refunded.body);
    expect(lines).toEqual(
      expect.arrayContaining([
        '已支付 ¥148.00',
        '退款中 ¥148.00：年检服务商未受理，全额退款',
        '已退款 ¥148.00，款项已原路退回',
      ]),
    );
    expect(lines.find((line) => line.startsWith('年检服务商未受理'))).toContain('已为您申请全额退款');
    expect(wechatpay(t).refund(`${orderNo}RF`)?.status).toBe('SUCCESS');
    const applied = (await rawRows(t, 'vendor_events')).filter(
      (e) => e.vendor === 'wechatpay' && e.order_id === orderId,
    );
    expect(applied.map((e) => e.outcome).sort()).toEqual(['paid', 'refund_success']);
  });

  it('the payment notification is lost: the user comes back, the active query finds it paid', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'pay-lost');
    await startPayment(t, token, orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect((await order(t, token, orderId)).body).toMatchObject({ status: 'pending', payment: { label: '待支付' } });

    const synced = await t.http.post(`/api/payments/${orderNo}/sync`).set(auth(token)).expect(200);
    expect(synced.body).toMatchObject({ status: 'paid', label: '已支付', paidFen: INSPECTION_PRICE });
    await settle(t);
    expect((await order(t, token, orderId)).body).toMatchObject({ status: 'processing', worderStatus: 15 });
  });

  it('the notification is lost and the user never comes back: the job asks WeChat Pay after a quiet minute', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'pay-lost-silent');
    await startPayment(t, token, orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(orderNo);
    await settle(t);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    expect((await order(t, token, orderId)).body.payment.status).toBe('paying');

    await t.dataSource
      .getRepository(Payment)
      .update({ outTradeNo: orderNo }, { updatedAt: new Date(Date.now() - 61_000) });
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    expect((await order(t, token, orderId)).body).toMatchObject({
      status: 'processing',
      worderStatus: 15,
      payment: { status: 'paid' },
    });
  });

  it('repeated and out-of-order notifications change nothing', async () => {
    const { token, carId, orderId, orderNo } = await unpaidOrder(t, 'pay-repeats');
    await occupyCarAtVendor(t, token, carId);
    await startPayment(t, token, orderNo);
    const sim = wechatpay(t);
    // TRANSACTION.SUCCESS is held back until the refund's notification overtakes it; it comes twice.
    sim.scenario.outOfOrderNext();
    sim.scenario.repeatNotificationNext();
    sim.pay(orderNo);
    await t.http.post(`/api/payments/${orderNo}/sync`).set(auth(token)).expect(200);
    await settle(t);

    const body = (await order(t, token, orderId)).body;
    expect(body).toMatchObject({ status: 'failed', payment: { status: 'refunded', refundedFen: INSPECTION_PRICE } });
    expect(messages(body).filter((line) => line === '已支付 ¥148.00')).toHaveLength(1);
    expect(messages(body).filter((line) => line.startsWith('已退款'))).toHaveLength(1);
    const events = (await rawRows(t, 'vendor_events')).filter(
      (e) => e.vendor === 'wechatpay' && e.order_id === orderId,
    );
    expect(events.map((e) => e.outcome).sort()).toEqual(['refund_success', 'repeat']);
    expect(Number(events.find((e) => e.outcome === 'repeat')?.repeat_count) >= 1).toBe(true);
    expect(sim.stats().refundedFen).toBeGreaterThanOrEqual(INSPECTION_PRICE);
    expect(sim.refund(`${orderNo}RF`)?.amount.refund).toBe(INSPECTION_PRICE);
  });

  it('a refund is never more than what was paid, and the same refund key refunds once', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'pay-partial');
    await startPayment(t, token, orderNo);
    wechatpay(t).pay(orderNo);
    await settle(t);
    const refunds = t.app.get(RefundsService);
    const first = await refunds.refund(orderId, 10_000, '部分退款', 'M1');
    const same = await refunds.refund(orderId, 10_000, '部分退款', 'M1');
    expect(same.id).toBe(first.id);
    await expect(refunds.refund(orderId, 4_801, '超额退款', 'M2')).rejects.toMatchObject({
      response: { code: 'REFUND_EXCEEDS_PAID' },
    });
    await settle(t);
    const body = (await order(t, token, orderId)).body;
    expect(body.payment).toMatchObject({ status: 'partially_refunded', refundedFen: 10_000, label: '已退款 ¥100.00' });
    expect(wechatpay(t).refund(`${orderNo}RM1`)?.amount.refund).toBe(10_000);
    const rows = (await rawRows(t, 'payment_refunds')).filter((r) => Number(r.order_id) === orderId);
    expect(rows).toHaveLength(1);
  });

  it('unpaid at expiry: closed here and at WeChat Pay; money that still arrives is refunded', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'pay-expired');
    await startPayment(t, token, orderNo);
    const payments = t.dataSource.getRepository(Payment);
    await payments.update({ outTradeNo: orderNo }, { expiresAt: new Date(Date.now() - 1000) });
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    const closed = (await order(t, token, orderId)).body;
    expect(closed).toMatchObject({ status: 'cancelled', payment: { status: 'closed', label: '已关闭' } });
    expect(messages(closed)).toContain('超时未支付，订单已关闭');
    expect(wechatpay(t).transaction(orderNo)?.trade_state).toBe('CLOSED');
    expect(wechatpay(t).pay(orderNo)).toBe('closed');

    // Paid at WeChat Pay while we closed it only here (our close call never reached it).
    const late = await unpaidOrder(t, 'pay-late');
    await startPayment(t, late.token, late.orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(late.orderNo);
    await payments.update({ outTradeNo: late.orderNo }, { status: 'closed' });
    const creates = docloud(t).host.callsTo(CREATE_PATH);
    await t.http.post(`/api/payments/${late.orderNo}/sync`).set(auth(late.token)).expect(200);
    await settle(t);
    const body = (await order(t, late.token, late.orderId)).body;
    expect(body.payment).toMatchObject({ status: 'refunded', refundedFen: INSPECTION_PRICE });
    expect(messages(body)).toContain('已退款 ¥148.00，款项已原路退回');
    expect(docloud(t).host.callsTo(CREATE_PATH)).toBe(creates);
  });

  it('the user cancels an unpaid order: closed at WeChat Pay, the car is free again; a paid one cannot be cancelled', async () => {
    const { token, carId, orderId, orderNo } = await unpaidOrder(t, 'pay-cancel');
    await startPayment(t, token, orderNo);
    const cancelled = await t.http.post(`/api/payments/${orderNo}/cancel`).set(auth(token)).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'closed', label: '已关闭' });
    const body = (await order(t, token, orderId)).body;
    expect(body).toMatchObject({ status: 'cancelled' });
    expect(messages(body)).toContain('您已取消订单');
    expect(wechatpay(t).transaction(orderNo)?.trade_state).toBe('CLOSED');
    const again = await t.http.post(`/api/payments/${orderNo}/cancel`).set(auth(token)).expect(409);
    expect(again.body.message).toBe('订单已关闭');
    await placeOrder(t, token, carId, 11800, { amountFen: INSPECTION_PRICE }).expect(201);

    // Paid meanwhile (the notification not yet here): WeChat Pay refuses to close it, and it counts as paid.
    const paid = await unpaidOrder(t, 'pay-cancel-late');
    await startPayment(t, paid.token, paid.orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(paid.orderNo);
    const refused = await t.http.post(`/api/payments/${paid.orderNo}/cancel`).set(auth(paid.token)).expect(409);
    expect(refused.body.message).toBe('订单已支付，不能取消；如需退款请联系客服');
    await settle(t);
    expect((await order(t, paid.token, paid.orderId)).body).toMatchObject({
      worderStatus: 15,
      payment: { status: 'paid' },
    });
  });

  it('money invariant: every paid order is served or refunded, never a vendor order without a payment', async () => {
    await settle(t);
    const payments = await rawRows(t, 'payments');
    const details = await rawRows(t, 'inspection_orders');
    for (const payment of payments) {
      const detail = details.find((d) => Number(d.order_id) === Number(payment.order_id));
      const paid = Number(payment.paid_fen);
      if (paid === 0) expect(detail?.vendor_order_id ?? null).toBeNull();
      else if (detail?.vendor_order_id) expect(Number(payment.refunded_fen)).toBeLessThan(paid);
      else expect(Number(payment.refunded_fen)).toBe(paid);
    }
  });
});
