import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { auth, docloud, rawRows } from '../inspection/support.js';
import {
  CREATE_PATH,
  INSPECTION_PRICE,
  settle,
  startPayment,
  unpaidOrder,
  wechatpay,
  startPricedApp,
} from '../payments/support.js';
import { age, onlyCallAbout, pendingCalls, runSettlement, settleByPerson, unknownGauge } from './support.js';

const PREPAY_PATH = '/v3/pay/transactions/jsapi';
const REFUND_PATH = '/v3/refund/domestic/refunds';
/** The WeChat Pay client tries an idempotent call three times: all three answers are lost. */
const ALL_TRIES = 3;

describe.each(testDatabases())('outgoing-call ledger: WeChat Pay, Docloud inspection, the 待处理 list (%s)', (kind) => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startPricedApp(kind);
    owner = await t.loginMerchant('owner');
  });
  afterAll(() => t.close());
  afterEach(() => wechatpay(t).faults.reset());

  async function lostPrepay(device: string) {
    const placed = await unpaidOrder(t, device);
    wechatpay(t).faults.loseNextAnswer(ALL_TRIES, 'fail', PREPAY_PATH);
    await t.http.post(`/api/payments/${placed.orderNo}/start`).set(auth(placed.token)).send({}).expect(503);
    return placed;
  }

  it('prepay: a lost answer is unknown, then settled by the job through 查询订单; the gauge moves', async () => {
    const before = await unknownGauge(t, 'wechatpay', 'prepay');
    const { orderNo } = await lostPrepay('ledger-prepay-job');
    const call = await onlyCallAbout(t, orderNo, 'prepay');
    expect(call).toMatchObject({ vendor: 'wechatpay', subject_kind: 'payment', status: 'unknown' });
    expect(call.error_class).toContain('VendorApiError');
    expect(JSON.parse(call.request_summary as string)).toMatchObject({ totalFen: INSPECTION_PRICE });
    expect(await unknownGauge(t, 'wechatpay', 'prepay')).toBe(before + 1);

    await runSettlement(t);
    expect((await onlyCallAbout(t, orderNo, 'prepay')).status).toBe('unknown'); // still in its quiet time
    await age(t, call.id, 2);
    await runSettlement(t);
    const settled = await onlyCallAbout(t, orderNo, 'prepay');
    expect(settled).toMatchObject({ status: 'settled_succeeded', settled_by: 'job' });
    expect(JSON.parse(settled.outcome_summary as string)).toMatchObject({ tradeState: 'NOTPAY' });
    expect(await unknownGauge(t, 'wechatpay', 'prepay')).toBe(before);
  });

  it('prepay: the payment notification settles the lost call as a callback', async () => {
    const { orderNo } = await lostPrepay('ledger-prepay-callback');
    expect((await onlyCallAbout(t, orderNo, 'prepay')).status).toBe('unknown');
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect(await onlyCallAbout(t, orderNo, 'prepay')).toMatchObject({
      status: 'settled_succeeded',
      settled_by: 'callback',
    });
    expect((await rawRows(t, 'payments')).find((row) => row.out_trade_no === orderNo)?.status).toBe('paid');
  });

  it('refund: a lost answer is unknown until the job settles it through 查询单笔退款', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'ledger-refund');
    await startPayment(t, token, orderNo);
    wechatpay(t).pay(orderNo);
    await settle(t);
    wechatpay(t).faults.loseNextAnswer(ALL_TRIES, 'fail', REFUND_PATH);
    wechatpay(t).scenario.loseNotificationNext(1, 'refund');
    const body = { amountFen: 4_800, reason: '部分退款', requestId: 'ledger0001' };
    const refund = (
      await t.http.post(`/api/merchant/orders/${orderId}/refunds`).set(auth(owner)).send(body).expect(200)
    ).body;
    const call = await onlyCallAbout(t, refund.outRefundNo, 'refund');
    expect(call.status).toBe('unknown');
    expect(wechatpay(t).refund(refund.outRefundNo)?.amount.refund).toBe(4_800); // WeChat Pay did take it

    await wechatpay(t).idle(); // the refund is done at WeChat Pay, its notification lost
    await age(t, call.id, 2);
    await runSettlement(t);
    expect(await onlyCallAbout(t, refund.outRefundNo, 'refund')).toMatchObject({
      status: 'settled_succeeded',
      settled_by: 'job',
      attempts: 1,
    });
    const stored = (await rawRows(t, 'payment_refunds')).find((row) => row.out_refund_no === refund.outRefundNo);
    expect(stored?.status).toBe('success');
  });

  it('Docloud inspection: a lost create is unknown until the worker’s next try proves it arrived (1142)', async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'ledger-inspection');
    await startPayment(t, token, orderNo);
    docloud(t).faults.loseNextAnswer(1, 'fail', CREATE_PATH);
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect(await onlyCallAbout(t, orderNo, 'inspection-order')).toMatchObject({ vendor: 'docloud', status: 'unknown' });
    expect(await unknownGauge(t, 'docloud', 'inspection-order')).toBe(1);

    await t.dataSource.getRepository(Payment).update({ orderId }, { fulfilNextAt: new Date(Date.now() - 1000) });
    expect(await t.app.get(JobScheduler).runNow(PAYMENTS_JOB)).toBe(true);
    await settle(t);
    expect(await onlyCallAbout(t, orderNo, 'inspection-order')).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(await unknownGauge(t, 'docloud', 'inspection-order')).toBe(0);
  });

  it('one the job cannot settle in the window lands in 待处理; the owner settles it there, audited', async () => {
    const { orderNo } = await lostPrepay('ledger-prepay-person');
    const call = await onlyCallAbout(t, orderNo, 'prepay');
    await age(t, call.id, 31);
    wechatpay(t).faults.failNext(ALL_TRIES, 503); // 查询订单 fails too
    await runSettlement(t);
    expect((await onlyCallAbout(t, orderNo, 'prepay')).attention_at).not.toBeNull();
    const [item] = (await pendingCalls(t, owner)).filter((each) => each.id === call.id);
    expect(item.advice).toContain('微信支付商户平台');
    expect(item.choices.map((choice) => choice.value)).toEqual(['succeeded', 'failed']);
    const summary = await t.http.get('/api/merchant/attention/summary').set(auth(owner)).expect(200);
    expect(summary.body.unknownCalls).toBeGreaterThanOrEqual(1);

    const staff = await t.loginMerchant('staff-ledger', 'staff');
    await settleByPerson(t, staff, call.id, 'succeeded', '商户平台查到订单').expect(403);
    const bad = await settleByPerson(t, owner, call.id, 'maybe', '商户平台查到订单').expect(400);
    expect(bad.body.message).toContain('处理结果无效');
    await settleByPerson(t, owner, call.id, 'succeeded', '').expect(400);
    const done = await settleByPerson(t, owner, call.id, 'succeeded', '商户平台查到订单，未支付').expect(200);
    expect(done.body).toEqual({ id: call.id, status: 'settled_succeeded' });
    expect(await onlyCallAbout(t, orderNo, 'prepay')).toMatchObject({
      settled_by: 'person',
      note: '商户平台查到订单，未支付',
    });
    expect((await onlyCallAbout(t, orderNo, 'prepay')).settled_by_merchant_id).not.toBeNull();
    const again = await settleByPerson(t, owner, call.id, 'failed', '再点一次').expect(409);
    expect(again.body.code).toBe('ALREADY_SETTLED');
    expect((await pendingCalls(t, owner)).map((each) => each.id)).not.toContain(call.id);
    const audit = (await rawRows(t, 'merchant_audit_log')).filter((row) => row.action === 'outgoing_call_settle');
    expect(audit.map((row) => row.target)).toContain(`outgoing_call:${call.id}`);
  });
});
