import type { OffsetClock } from '@banshi/vendor-clients';
import { WechatPayClient } from '@banshi/vendor-clients/wechatpay';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { Refund } from '../../src/payments/entities/refund.entity.js';
import { auth } from '../inspection/support.js';
import type { TestApp } from '../support/test-app.js';
import { wechatpay } from './support.js';

/** Puts WeChat Pay (the sandbox simulator and our client of it) at a Beijing time, e.g. `2026-11-02T12:00`. */
export function atWechatPay(t: TestApp, beijingTime: string): void {
  (wechatpay(t).clock as OffsetClock).setNow(Date.parse(`${beijingTime}:00+08:00`));
}

export function backToNow(t: TestApp): void {
  (wechatpay(t).clock as OffsetClock).reset();
}

/** Another system on the same merchant number: it places an order at WeChat Pay directly. */
export function elsewhereClient(t: TestApp): WechatPayClient {
  const sim = wechatpay(t);
  return new WechatPayClient({ baseUrl: sim.url, ...sim.credentials(), clock: sim.clock, maxRetries: 0 });
}

/** An order paid at WeChat Pay that was prepaid there by someone else, notified to us. */
export async function payElsewhere(t: TestApp, outTradeNo: string, totalFen: number): Promise<void> {
  await elsewhereClient(t).jsapiPrepay({
    outTradeNo,
    description: '其他系统的收款',
    totalFen,
    openid: 'o-someone-else',
    notifyUrl: `${t.baseUrl}/api/callbacks/wechatpay/notify`,
  });
  wechatpay(t).pay(outTradeNo);
}

/** Our books say a refund was made that WeChat Pay never had (a bug, or a hand edit). */
export async function ghostRefund(t: TestApp, orderId: number, amountFen: number, at: string): Promise<string> {
  const payment = await t.dataSource.getRepository(Payment).findOneByOrFail({ orderId });
  const outRefundNo = `${payment.outTradeNo}RMghost0001`;
  const when = new Date(`${at}:00+08:00`);
  await t.dataSource.getRepository(Refund).insert({
    paymentId: payment.id,
    orderId,
    outRefundNo,
    amountFen,
    reason: '测试',
    status: 'success',
    nextAttemptAt: when,
    succeededAt: when,
    createdAt: when,
    updatedAt: when,
  });
  return outRefundNo;
}

export function rerun(t: TestApp, token: string, billDate: string) {
  return t.http.post(`/api/merchant/reconciliation/runs/${billDate}/rerun`).set(auth(token));
}

export async function mismatchesOf(t: TestApp, token: string, billDate: string) {
  const res = await t.http
    .get('/api/merchant/reconciliation/mismatches')
    .query({ billDate, limit: 100 })
    .set(auth(token))
    .expect(200);
  return res.body.items as Array<Record<string, unknown>>;
}
