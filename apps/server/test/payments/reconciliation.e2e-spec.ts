import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp, listen } from '../../src/app.factory.js';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { RECONCILE_JOB } from '../../src/payments/reconciliation/reconciliation-job.js';
import { VENDOR_SETTINGS } from '../../src/vendors/vendor-settings.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { auth, rawRows } from '../inspection/support.js';
import { atWechatPay, backToNow, ghostRefund, mismatchesOf, payElsewhere, rerun } from './reconciliation-support.js';
import {
  INSPECTION_PRICE,
  merchantRefund,
  paidOrder,
  settle,
  startPayment,
  unpaidOrder,
  wechatpay,
  startPricedApp,
} from './support.js';

const kinds = (items: Array<Record<string, unknown>>) => items.map((item) => item.kind).sort();

describe.each(testDatabases())('payments: daily reconciliation with WeChat Pay (%s)', (kind) => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await startPricedApp(kind);
    owner = await t.loginMerchant('owner');
  });
  afterEach(() => backToNow(t));
  afterAll(() => t.close());

  it('a day whose payments and refunds all match: balanced, 0 mismatches, totals on both sides', async () => {
    atWechatPay(t, '2026-11-02T12:00');
    await paidOrder(t, 'recon-a');
    const refunded = await paidOrder(t, 'recon-b');
    await merchantRefund(t, refunded.orderId, 4_800, '部分退款', 'recon0001');

    atWechatPay(t, '2026-11-03T09:59');
    const early = await rerun(t, owner, '2026-11-02').expect(400);
    expect(early.body).toMatchObject({ code: 'NOT_READY' });
    expect(early.body.message).toContain('次日 10 点后');

    atWechatPay(t, '2026-11-03T10:30');
    const run = (await rerun(t, owner, '2026-11-02').expect(200)).body;
    expect(run).toMatchObject({
      billDate: '2026-11-02',
      status: 'balanced',
      statusLabel: '已平',
      billLines: 3,
      matched: 3,
      mismatches: 0,
      wechatPaidFen: 2 * INSPECTION_PRICE,
      ourPaidFen: 2 * INSPECTION_PRICE,
      wechatRefundFen: 4_800,
      ourRefundFen: 4_800,
    });
    expect(run.wechatFeeFen).toBeGreaterThan(0);
    expect(Object.values(run.counts).every((n) => n === 0)).toBe(true);
    const runs = await t.http.get('/api/merchant/reconciliation/runs').set(auth(owner)).expect(200);
    expect(runs.body.items.map((r: { billDate: string }) => r.billDate)).toEqual(['2026-11-02']);
  });

  it('finds a payment unknown here, an amount that differs and a refund WeChat Pay never made; a rerun replaces them', async () => {
    atWechatPay(t, '2026-11-05T12:00');
    await payElsewhere(t, 'ELSEWHERE20261105', 990);
    const wrongAmount = await unpaidOrder(t, 'recon-c');
    await payElsewhere(t, wrongAmount.orderNo, 100);
    const ghost = await paidOrder(t, 'recon-d');
    await settle(t);
    const ghostNo = await ghostRefund(t, ghost.orderId, 1_000, '2026-11-05T15:00');

    atWechatPay(t, '2026-11-06T11:00');
    const first = (await rerun(t, owner, '2026-11-05').expect(200)).body;
    expect(first).toMatchObject({
      status: 'unbalanced',
      statusLabel: '有差异',
      billLines: 4,
      matched: 2,
      mismatches: 3,
    });
    expect(first.counts).toMatchObject({ unknown_payment: 1, amount_mismatch: 1, refund_missing: 1 });
    const found = await mismatchesOf(t, owner, '2026-11-05');
    expect(kinds(found)).toEqual(['amount_mismatch', 'refund_missing', 'unknown_payment']);
    const byKind = Object.fromEntries(found.map((item) => [item.kind, item]));
    expect(byKind.unknown_payment).toMatchObject({
      outTradeNo: 'ELSEWHERE20261105',
      orderId: null,
      wechatFen: 990,
      kindLabel: '微信已收款，本系统无此订单',
    });
    expect(byKind.unknown_payment.advice).toContain('原路退款');
    expect(byKind.amount_mismatch).toMatchObject({ orderId: wrongAmount.orderId, wechatFen: 100, ourFen: 100 });
    expect(byKind.amount_mismatch.detail).toBe('微信支付收款 ¥1.00，本系统记录实收 ¥1.00、订单金额 ¥148.00');
    expect(byKind.refund_missing).toMatchObject({ outRefundNo: ghostNo, orderId: ghost.orderId, ourFen: 1_000 });
    const summary = await t.http.get('/api/merchant/attention/summary').set(auth(owner)).expect(200);
    expect(summary.body.reconciliationMismatches).toBe(3);

    const staff = await t.loginMerchant('recon-staff', 'staff');
    await rerun(t, staff, '2026-11-05').expect(403);
    await rerun(t, owner, '2026-11-05').expect(200);
    expect(kinds(await mismatchesOf(t, owner, '2026-11-05'))).toEqual(kinds(found));
    await t.dataSource.query(`DELETE FROM payment_refunds WHERE out_refund_no = '${ghostNo}'`);
    const fixed = (await rerun(t, owner, '2026-11-05').expect(200)).body;
    expect(fixed).toMatchObject({ mismatches: 2, attempts: 3 });
    expect(kinds(await mismatchesOf(t, owner, '2026-11-05'))).toEqual(['amount_mismatch', 'unknown_payment']);
    const rows = await rawRows(t, 'reconciliation_mismatches');
    expect(rows.filter((row) => row.bill_date === '2026-11-05')).toHaveLength(2);
    const audit = (await rawRows(t, 'merchant_audit_log')).filter((row) => row.action === 'reconciliation_rerun');
    expect(audit.map((row) => row.target)).toContain('reconciliation:2026-11-05');
  });

  it('a failed download is kept with its reason and retried by the job; a payment we missed is applied', async () => {
    atWechatPay(t, '2026-11-07T12:00');
    const missed = await unpaidOrder(t, 'recon-f');
    await startPayment(t, missed.token, missed.orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(missed.orderNo);
    await settle(t);
    const status = async () =>
      (await rawRows(t, 'payments')).find((row) => row.out_trade_no === missed.orderNo)?.status;
    expect(await status()).toBe('paying');

    atWechatPay(t, '2026-11-08T11:00');
    wechatpay(t).faults.failNext(3, 503);
    const failed = (await rerun(t, owner, '2026-11-07').expect(200)).body;
    expect(failed).toMatchObject({ status: 'failed', statusLabel: '失败', attempts: 1 });
    expect(failed.error).toContain('系统稍后会自动重试');

    expect(await t.app.get(JobScheduler).runNow(RECONCILE_JOB)).toBe(true);
    const runs = (await t.http.get('/api/merchant/reconciliation/runs').set(auth(owner)).expect(200)).body.items;
    expect(runs.find((run: { billDate: string }) => run.billDate === '2026-11-07')).toMatchObject({
      status: 'unbalanced',
      attempts: 2,
      error: null,
      counts: expect.objectContaining({ not_paid_here: 1 }),
    });
    const [found] = await mismatchesOf(t, owner, '2026-11-07');
    expect(found).toMatchObject({ kind: 'not_paid_here', orderId: missed.orderId, wechatFen: INSPECTION_PRICE });
    expect(await status()).toBe('paid');
  });

  it('the daily job reconciles each ready day once, however many instances run it', async () => {
    atWechatPay(t, '2026-11-09T12:00');
    await paidOrder(t, 'recon-e');
    const second: NestExpressApplication = await createApp({
      ...t.config,
      vendorMode: 'live',
      liveVendors: t.app.get(VENDOR_SETTINGS),
    });
    await listen(second, t.config);
    try {
      atWechatPay(t, '2026-11-10T10:05');
      const billsBefore = wechatpay(t).stats().bills;
      const tick = () => Promise.all([t.app, second].map((app) => app.get(JobScheduler).runNow(RECONCILE_JOB)));
      expect((await tick()).some(Boolean)).toBe(true);
      await tick();
      const runs = (await rawRows(t, 'reconciliation_runs')).filter(
        (row) => String(row.bill_date) >= '2026-11-03' && String(row.bill_date) <= '2026-11-09',
      );
      expect(runs).toHaveLength(7);
      const day = runs.find((row) => row.bill_date === '2026-11-09');
      expect(day).toMatchObject({ status: 'balanced', bill_lines: 1 });
      expect(Number(day?.attempts)).toBe(1);
      // One bill fetched: the other days had no trade (NO_STATEMENT_EXIST) or were reconciled already.
      expect(wechatpay(t).stats().bills - billsBefore).toBe(1);
    } finally {
      await second.close();
    }
  });
});
