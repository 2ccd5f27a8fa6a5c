import { WECHATPAY_PATHS } from '@banshi/vendor-clients/wechatpay';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { Refund } from '../../src/payments/entities/refund.entity.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { docloud, rawRows } from '../inspection/support.js';
import {
  CREATE_PATH,
  INSPECTION_PRICE,
  occupyCarAtVendor,
  order,
  settle,
  startPayment,
  unpaidOrder,
  wechatpay,
  startPricedApp,
} from './support.js';

describe.each(testDatabases())('payments: vendor and WeChat Pay faults of a paid order (%s)', (kind) => {
  let t: TestApp;
  const tick = () => t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
  beforeAll(async () => {
    t = await startPricedApp(kind);
  });
  afterAll(() => t.close());

  it("the vendor's answer to the paid order is lost: tried again, the vendor's 1142 proves it arrived; no refund", async () => {
    const { token, orderId, orderNo } = await unpaidOrder(t, 'fault-vendor-lost');
    await startPayment(t, token, orderNo);
    docloud(t).faults.loseNextAnswer(1, 'fail', CREATE_PATH);
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect((await order(t, token, orderId)).body).toMatchObject({ status: 'processing', worderLabel: '待确认' });

    const creates = docloud(t).host.callsTo(CREATE_PATH);
    await t.dataSource.getRepository(Payment).update({ orderId }, { fulfilNextAt: new Date(Date.now() - 1000) });
    await tick();
    const body = (await order(t, token, orderId)).body;
    expect(body).toMatchObject({ status: 'processing', worderLabel: '待核实', payment: { status: 'paid' } });
    expect(docloud(t).host.callsTo(CREATE_PATH)).toBe(creates + 1);
    const detail = (await rawRows(t, 'inspection_orders')).find((row) => Number(row.order_id) === orderId);
    expect(docloud(t).inspectionOrdersByCar().get(Number(detail?.vendor_car_id))).toHaveLength(1);
    expect(await t.dataSource.getRepository(Refund).countBy({ orderId })).toBe(0);
    expect((await t.dataSource.getRepository(Payment).findOneByOrFail({ orderId })).fulfilment).toBe('done');
  });

  it("WeChat Pay's answer to the refund is lost: sent again under the same out_refund_no, refunded once", async () => {
    const { token, carId, orderId, orderNo } = await unpaidOrder(t, 'fault-refund-lost');
    await occupyCarAtVendor(t, token, carId);
    await startPayment(t, token, orderNo);
    const sim = wechatpay(t);
    const refundedBefore = sim.stats().refundedFen;
    // Every answer of the first send is lost, and so is the refund's notification: only a resend tells.
    sim.faults.loseNextAnswer(3, 'fail', WECHATPAY_PATHS.refunds);
    sim.scenario.loseNotificationNext(1, 'refund');
    sim.pay(orderNo);
    await settle(t);
    const pending = await t.dataSource.getRepository(Refund).findOneByOrFail({ orderId });
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });

    await t.dataSource.getRepository(Refund).update({ orderId }, { nextAttemptAt: new Date(Date.now() - 1000) });
    await tick();
    await settle(t);
    const body = (await order(t, token, orderId)).body;
    expect(body).toMatchObject({ status: 'failed', payment: { status: 'refunded', refundedFen: INSPECTION_PRICE } });
    expect(sim.stats().refundedFen - refundedBefore).toBe(INSPECTION_PRICE);
    expect(await t.dataSource.getRepository(Refund).countBy({ orderId })).toBe(1);
  });
});
