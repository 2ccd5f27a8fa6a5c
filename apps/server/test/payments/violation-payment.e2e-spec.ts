import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auth, docloud } from '../vehicles/support.js';
import { setPrices, settle, startPayment, wechatpay } from './support.js';
import { FEE_PER_VIOLATION, VIOLATION_CREATE, violationPayKit } from './violation-support.js';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

describe.each(testDatabases())('payments: violation payment (违章代缴) paid through WeChat Pay (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await setPrices(t, { violation_service: FEE_PER_VIOLATION });
  });
  beforeEach(() => {
    docloud(t).timings.orderProcessMs = 150;
  });
  afterAll(() => t.close());

  const { newKey, carWithPayable, order, getOrder, untilStatus, detailOf, quote, unpaidOrder, pay, messages } =
    violationPayKit(() => t);
  const creates = () => docloud(t).host.callsTo(VIOLATION_CREATE);
  const tick = () => t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
  const paymentOf = (orderNo: string) => t.dataSource.getRepository(Payment).findOneByOrFail({ outTradeNo: orderNo });

  it('the quote breaks the amount down; the order waits 待支付 and Docloud is not called before payment', async () => {
    const { user, car, codes } = await carWithPayable(2);
    const q = await quote(user, car.id, codes);
    expect(q.servicePriceFen).toBe(FEE_PER_VIOLATION);
    expect(q.payFen).toBe(q.totalFen + 2 * FEE_PER_VIOLATION);
    expect(q.payLines).toEqual(
      [
        { label: '罚款', amountFen: q.fineFen },
        { label: '服务商手续费', amountFen: q.serviceFeeFen + q.markFeeFen },
        { label: '违章代缴服务费 ×2', amountFen: 2 * FEE_PER_VIOLATION },
      ].filter((line) => line.amountFen > 0),
    );
    expect(q.paymentNote).toContain('微信支付');
    expect(q.paymentNote).not.toContain('无需另行支付');

    const before = creates();
    const unconfirmed = await order(user, { carId: car.id, codes }, newKey()).expect(409);
    expect(unconfirmed.body).toMatchObject({ code: 'PRICE_CHANGED' });
    expect(unconfirmed.body.message).toContain(yuan(q.payFen));
    const created = await order(user, { carId: car.id, codes, amountFen: q.payFen }, newKey()).expect(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      progressLabel: '待支付',
      totalFen: q.totalFen,
      payment: { status: 'created', label: '待支付', amountFen: q.payFen, paidFen: 0, lines: q.payLines },
    });
    await tick();
    expect(creates()).toBe(before);
    expect((await detailOf(created.body.id)).state).toBe('priced');
  });

  it('paid → notified → only then the Docloud order (its own total, our order number) → done; paid once', async () => {
    const { user, orderId, orderNo, quote: q } = await unpaidOrder(2);
    const before = creates();
    await pay(user, orderNo);
    expect(creates()).toBe(before + 1);
    const done = await untilStatus(user, orderId, 'completed');
    expect(done.payment).toMatchObject({ status: 'paid', paidFen: q.payFen, refundedFen: 0 });
    expect(messages(done)).toEqual(expect.arrayContaining([`已支付 ${yuan(q.payFen)}`, '违章办理完成']));
    const detail = await detailOf(orderId);
    // Docloud charges the merchant what it quoted; the merchant's fee stays with the merchant.
    expect(docloud(t).order(detail.vendorOrderId!)).toMatchObject({ outOrderNo: orderNo, priceFen: q.totalFen });
    const again = await t.http.post(`/api/payments/${orderNo}/start`).set(auth(user.token)).send({}).expect(409);
    expect(again.body.message).toBe('订单已支付');
    expect((await paymentOf(orderNo)).fulfilment).toBe('done');
  });

  it('Docloud refuses the paid order (the violations are already in another order) → failed, refunded in full', async () => {
    docloud(t).timings.orderProcessMs = null;
    const { user, car, codes, quote: q, orderNo: first } = await unpaidOrder(1);
    // A second order for the same violations, made while the first was unpaid: both can be paid.
    const second = await order(user, { carId: car.id, codes, amountFen: q.payFen }, newKey()).expect(201);
    await pay(user, first);
    await pay(user, second.body.orderNo);
    await tick();
    await settle(t);
    const refused = (await getOrder(user, second.body.id).expect(200)).body;
    expect(refused).toMatchObject({
      status: 'failed',
      payment: { status: 'refunded', paidFen: q.payFen, refundedFen: q.payFen, label: `已退款 ${yuan(q.payFen)}` },
    });
    expect(messages(refused)).toEqual(
      expect.arrayContaining([
        `退款中 ${yuan(q.payFen)}：服务商未受理，全额退款`,
        `已退款 ${yuan(q.payFen)}，款项已原路退回`,
      ]),
    );
    expect(messages(refused).find((m) => m.includes('已在办理中'))).toContain('已为您申请全额退款');
    expect(wechatpay(t).refund(`${second.body.orderNo}RF`)?.status).toBe('SUCCESS');
    // The first one is untouched: paid, at Docloud.
    expect((await paymentOf(first)).status).toBe('paid');
  });

  it('Docloud pays only part: exactly the undelivered part (fines, its fees and our fee) is refunded, once', async () => {
    const sim = docloud(t);
    const { user, orderId, orderNo, quote: q } = await unpaidOrder(2);
    sim.setNextOrderOutcome({ kind: 'partial-refund', refundCount: 1 });
    await pay(user, orderNo);
    await untilStatus(user, orderId, 'completed');
    await tick();
    await settle(t);
    const done = (await getOrder(user, orderId).expect(200)).body;
    const undone = done.lines.filter((line: { processStatus: number }) => line.processStatus === 1);
    expect(undone).toHaveLength(1);
    const expected = undone[0].totalFen + FEE_PER_VIOLATION;
    expect(done).toMatchObject({
      progressLabel: '订单已完成（部分退款）',
      refundFen: expected,
      payment: { status: 'partially_refunded', paidFen: q.payFen, refundedFen: expected },
    });
    expect(messages(done)).toEqual(
      expect.arrayContaining([
        `退款中 ${yuan(expected)}：部分违章未能办理，退还相应款项`,
        `已退款 ${yuan(expected)}，款项已原路退回`,
      ]),
    );
    expect(wechatpay(t).refund(`${orderNo}RP`)?.amount.refund).toBe(expected);
    // Asking Docloud again (the refresh button, the status job) refunds nothing more.
    await t.http.post(`/api/vehicles/orders/${orderId}/refresh`).set(auth(user.token)).expect(200);
    await tick();
    expect((await paymentOf(orderNo)).refundedFen).toBe(expected);
  });

  it('Docloud closes the paid order: everything is refunded', async () => {
    docloud(t).setNextOrderOutcome({ kind: 'close', cancelReason: '交管系统维护，订单已关闭并退款' });
    const { user, orderId, orderNo, quote: q } = await unpaidOrder(1);
    await pay(user, orderNo);
    await untilStatus(user, orderId, 'cancelled');
    await tick();
    await settle(t);
    const closed = (await getOrder(user, orderId).expect(200)).body;
    expect(closed).toMatchObject({
      cancelReason: '交管系统维护，订单已关闭并退款',
      payment: { status: 'refunded', refundedFen: q.payFen },
    });
    expect(wechatpay(t).refund(`${orderNo}RC`)?.status).toBe('SUCCESS');
  });

  it('Docloud does not answer the paid order: tried again later under the same order number, one order', async () => {
    const sim = docloud(t);
    const { user, orderId, orderNo } = await unpaidOrder(1);
    sim.faults.failNext(2); // the call and the client's own retry
    await pay(user, orderNo);
    const waiting = (await getOrder(user, orderId).expect(200)).body;
    expect(waiting).toMatchObject({ status: 'processing', payment: { status: 'paid' } });
    expect(messages(waiting)).toContain('服务商暂时无法受理，正在自动重试（不会重复下单）');
    await t.dataSource.getRepository(Payment).update({ outTradeNo: orderNo }, { fulfilNextAt: new Date() });
    await tick();
    await untilStatus(user, orderId, 'completed');
    expect(sim.ordersByOutOrderNo().get(orderNo)).toHaveLength(1);
    expect((await paymentOf(orderNo)).refundedFen).toBe(0);
  });

  it('the payment notification is lost: the active query finds it paid, then Docloud is called', async () => {
    const { user, orderId, orderNo, quote: q } = await unpaidOrder(1);
    const before = creates();
    await startPayment(t, user.token, orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect((await getOrder(user, orderId).expect(200)).body).toMatchObject({
      status: 'pending',
      progressLabel: '待支付',
    });
    expect(creates()).toBe(before);

    const synced = await t.http.post(`/api/payments/${orderNo}/sync`).set(auth(user.token)).expect(200);
    expect(synced.body).toMatchObject({ status: 'paid', paidFen: q.payFen });
    await settle(t);
    await untilStatus(user, orderId, 'completed');
    expect(creates()).toBe(before + 1);
  });

  it('unpaid at time_expire: closed here and at WeChat Pay, and Docloud is never called', async () => {
    const { user, orderId, orderNo } = await unpaidOrder(1);
    const before = creates();
    await startPayment(t, user.token, orderNo);
    await t.dataSource
      .getRepository(Payment)
      .update({ outTradeNo: orderNo }, { expiresAt: new Date(Date.now() - 1000) });
    await tick();
    const closed = (await getOrder(user, orderId).expect(200)).body;
    expect(closed).toMatchObject({ status: 'cancelled', progressLabel: '支付超时', payment: { status: 'closed' } });
    expect(messages(closed)).toContain('超时未支付，订单已关闭');
    expect(wechatpay(t).transaction(orderNo)?.trade_state).toBe('CLOSED');
    await t.http.post(`/api/payments/${orderNo}/start`).set(auth(user.token)).send({}).expect(409);
    await tick();
    expect(creates()).toBe(before);
  });

  it('the price changes between quote and create → 409; a price of 0 drops only our fee, the fines are still paid', async () => {
    const { user, car, codes } = await carWithPayable(1);
    const seen = await quote(user, car.id, codes);
    await setPrices(t, { violation_service: 800 });
    try {
      const changed = await order(user, { carId: car.id, codes, amountFen: seen.payFen }, newKey()).expect(409);
      expect(changed.body).toMatchObject({ code: 'PRICE_CHANGED' });
      expect(changed.body.message).toContain(yuan(seen.totalFen + 800));

      await setPrices(t, { violation_service: 0 });
      const free = await quote(user, car.id, codes);
      expect(free).toMatchObject({ servicePriceFen: 0, payFen: seen.totalFen });
      expect(free.payLines.map((line) => line.label)).not.toContain('违章代缴服务费 ×1');
      const created = await order(user, { carId: car.id, codes, amountFen: free.payFen }, newKey()).expect(201);
      expect(created.body).toMatchObject({ status: 'pending', payment: { amountFen: seen.totalFen } });
    } finally {
      await setPrices(t, { violation_service: FEE_PER_VIOLATION });
    }
  });

  it('money invariant: every paid violation order is at Docloud or refunded, and no refund exceeds its payment', async () => {
    await tick();
    await settle(t);
    const rows = await t.dataSource.query(
      `SELECT p.out_trade_no AS no, p.paid_fen AS paid, p.refunded_fen AS refunded, p.fulfilment AS fulfilment,
              v.vendor_order_id AS vendor, v.state AS state
         FROM payments p JOIN violation_orders v ON v.order_id = p.order_id WHERE p.paid_fen > 0`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows as Record<string, unknown>[]) {
      expect(Number(row.refunded)).toBeLessThanOrEqual(Number(row.paid));
      const served = row.vendor !== null && row.fulfilment === 'done';
      const refunded = row.fulfilment === 'refunded' && Number(row.refunded) === Number(row.paid);
      expect({ no: row.no, ok: served || refunded }).toEqual({ no: row.no, ok: true });
    }
  });
});
