import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { IdPhotoSession } from '../../src/id-photo/entities/photo-session.entity.js';
import { ZjzSubmission } from '../../src/id-photo/entities/zjz-submission.entity.js';
import { tokenHashOf } from '../../src/id-photo/zjz-submissions.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  ADDRESS,
  bearer,
  fastVendor,
  ID_CARD_PARAM,
  orderDetail,
  uploadPhoto,
  waitForOrder,
} from '../id-photo/support.js';
import { rawRows } from '../inspection/support.js';
import { messages, setPrices, settle, startPayment, wechatpay } from './support.js';

const RECEIPT = 1_500;
const PRINT = 800;

/**
 * 证件照回执 as a paid service: 待支付 with its amount broken down, paid through WeChat Pay, only
 * then submitted to zjzapi; a refusal or a cancellation refunds in full.
 */
describe.each(testDatabases())('payments: a priced ID-photo receipt through WeChat Pay (%s)', (kind) => {
  let t: TestApp;
  let sim: ZjzSimulator;
  beforeAll(async () => {
    t = await startTestApp(kind);
    sim = fastVendor(t);
    await setPrices(t, { id_photo_receipt: RECEIPT, id_photo_print: PRINT });
  });
  afterAll(() => t.close());
  afterEach(() => sim.idle());

  const submits = () => sim.stats().submitted;
  const create = (token: string, photoId: number, extra: Record<string, unknown> = {}) =>
    t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({ photoId, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true, ...extra });

  /** A priced receipt order, 待支付 (with 打印邮寄 when `print`). */
  async function unpaid(device: string, print = false) {
    const token = await t.loginUser(device);
    const photo = await uploadPhoto(t, token, 21);
    const amountFen = RECEIPT + (print ? PRINT : 0);
    const res = await create(token, photo.id, { amountFen, ...(print ? { print: ADDRESS } : {}) }).expect(201);
    return {
      token,
      photoId: photo.id,
      orderId: res.body.order.id as number,
      orderNo: res.body.order.orderNo as string,
    };
  }

  const vendorStatusOf = async (orderId: number) =>
    (await rawRows(t, 'orders')).find((row) => Number(row.id) === orderId)?.vendor_status;

  async function pay(token: string, orderNo: string) {
    await startPayment(t, token, orderNo);
    wechatpay(t).pay(orderNo);
    await settle(t);
  }

  it('prices are read before committing: the spec list carries them, an order must carry the total seen', async () => {
    const prices = await t.http.get('/api/prices').expect(200);
    expect(prices.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'id_photo_receipt', label: '证件照回执', amountFen: RECEIPT }),
        expect.objectContaining({ service: 'id_photo_print', amountFen: PRINT }),
      ]),
    );
    const token = await t.loginUser('idpay-confirm');
    const specs = await t.http
      .get('/api/id-photo/specs')
      .set(...bearer(token))
      .expect(200);
    expect(specs.body.items[0]).toMatchObject({ priceFen: RECEIPT, printPriceFen: PRINT });
    const photo = await uploadPhoto(t, token, 21);
    const before = submits();
    const stale = await create(token, photo.id, { print: ADDRESS, amountFen: RECEIPT }).expect(409);
    expect(stale.body).toMatchObject({ code: 'PRICE_CHANGED', message: '应付金额为¥23.00，请确认后重新提交' });
    expect(submits()).toBe(before);
  });

  it('a priced order is created 待支付 with its breakdown and never reaches zjz unpaid', async () => {
    const before = submits();
    const { token, photoId, orderId, orderNo } = await unpaid('idpay-unpaid', true);
    const body = await orderDetail(t, token, orderId);
    expect(body.order).toMatchObject({ status: 'pending', amountFen: RECEIPT + PRINT });
    expect(await vendorStatusOf(orderId)).toBe('待支付');
    expect(body.payment).toMatchObject({
      status: 'created',
      label: '待支付',
      amountFen: RECEIPT + PRINT,
      lines: [
        { label: '证件照回执', amountFen: RECEIPT },
        { label: '打印邮寄', amountFen: PRINT },
      ],
    });
    expect(body.details).toMatchObject({ receiptPriceFen: RECEIPT, printPriceFen: PRINT, awaitingConfirmation: false });
    expect(messages(body)).toContain('提交回执订单，含打印邮寄，待支付 ¥23.00');
    // A second tap on 提交 finds the same order; the payments job and a prepay send nothing either.
    const again = await create(token, photoId, { amountFen: RECEIPT + PRINT, print: ADDRESS }).expect(201);
    expect(again.body.order.id).toBe(orderId);
    await startPayment(t, token, orderNo);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    expect(submits()).toBe(before);

    // Given up before paying: closed at WeChat Pay, nothing was ever sent; the photo is not reused.
    await t.http
      .post(`/api/id-photo/orders/${orderId}/cancel`)
      .set(...bearer(token))
      .expect(200);
    const closed = await orderDetail(t, token, orderId);
    expect(closed.order.status).toBe('cancelled');
    expect(closed.payment).toMatchObject({ status: 'closed', label: '已关闭' });
    // The photos of the closed order follow an ended order's retention.
    expect(body.details.deleteAfter).toBeNull();
    expect(closed.details.deleteAfter).not.toBeNull();
    expect(wechatpay(t).transaction(orderNo)?.trade_state).toBe('CLOSED');
    const reuse = await create(token, photoId, { amountFen: RECEIPT }).expect(409);
    expect(reuse.body.code).toBe('PHOTO_USED');
    expect(submits()).toBe(before);
  });

  it('paid → notified → only then submitted to zjz → done, the payment kept', async () => {
    const { token, orderId, orderNo } = await unpaid('idpay-happy');
    const before = submits();
    await pay(token, orderNo);
    expect(submits()).toBe(before + 1);
    const done = await waitForOrder(t, token, orderId, 'completed');
    expect(done.payment).toMatchObject({ status: 'paid', label: '已支付', paidFen: RECEIPT, refundedFen: 0 });
    expect(done.details.receiptReady).toBe(true);
    expect(messages(done)).toEqual(
      expect.arrayContaining(['已支付 ¥15.00', '已向证件照服务商提交回执订单', '回执办理完成']),
    );
    const events = (await rawRows(t, 'vendor_events')).filter(
      (e) => e.vendor === 'wechatpay' && Number(e.order_id) === orderId,
    );
    expect(events.map((e) => e.outcome)).toEqual(['paid']);
  });

  it('zjz refuses the paid receipt → failed and refunded in full, automatically', async () => {
    const { token, photoId, orderId, orderNo } = await unpaid('idpay-refused');
    // The vendor no longer knows the photo (its pic_id is gone at zjz): it refuses the submission.
    await t.dataSource.getRepository(IdPhotoSession).update({ id: photoId }, { picId: 'gone-at-the-vendor' });
    await pay(token, orderNo);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    await settle(t);
    const body = await orderDetail(t, token, orderId);
    expect(body.order.status).toBe('failed');
    expect(await vendorStatusOf(orderId)).toBe('提交失败');
    expect(body.payment).toMatchObject({ status: 'refunded', label: '已退款 ¥15.00', refundedFen: RECEIPT });
    expect(messages(body)).toEqual(
      expect.arrayContaining(['退款中 ¥15.00：证件照服务商未受理，全额退款', '已退款 ¥15.00，款项已原路退回']),
    );
    expect(messages(body).find((line) => line.startsWith('证件照服务商未受理'))).toContain('已为您申请全额退款');
    expect(wechatpay(t).refund(`${orderNo}RF`)?.amount.refund).toBe(RECEIPT);
  });

  it('cancelled after it was submitted (before review) → refunded in full, once', async () => {
    sim.scenario.holdNext();
    const { token, orderId, orderNo } = await unpaid('idpay-cancel');
    await pay(token, orderNo);
    expect((await orderDetail(t, token, orderId)).details.canCancel).toBe(true);
    await t.http
      .post(`/api/id-photo/orders/${orderId}/cancel`)
      .set(...bearer(token))
      .expect(200);
    await sim.idle();
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    await settle(t);
    const body = await orderDetail(t, token, orderId);
    expect(body.order.status).toBe('cancelled');
    expect(body.payment).toMatchObject({ status: 'refunded', refundedFen: RECEIPT });
    expect(messages(body).filter((line) => line.startsWith('已退款'))).toHaveLength(1);
    const refunds = (await rawRows(t, 'payment_refunds')).filter((r) => Number(r.order_id) === orderId);
    expect(refunds.map((r) => [r.out_refund_no, Number(r.amount_fen)])).toEqual([[`${orderNo}RF`, RECEIPT]]);
  });

  it('rejected in review: the user may give up instead of resubmitting, refunded in full', async () => {
    sim.scenario.rejectNext('照片背景不合格');
    const { token, orderId, orderNo } = await unpaid('idpay-give-up');
    await pay(token, orderNo);
    const rejected = await waitForOrder(t, token, orderId, 'action_required');
    expect(rejected.details).toMatchObject({ canResubmit: true, canCancel: true });
    await t.http
      .post(`/api/id-photo/orders/${orderId}/cancel`)
      .set(...bearer(token))
      .expect(200);
    await settle(t);
    const body = await orderDetail(t, token, orderId);
    expect(body.order.status).toBe('cancelled');
    expect(body.payment).toMatchObject({ status: 'refunded', refundedFen: RECEIPT });
    expect(messages(body)).toEqual(
      expect.arrayContaining(['审核未通过，您已放弃办理', '已退款 ¥15.00，款项已原路退回']),
    );
    await t.http
      .post(`/api/id-photo/orders/${orderId}/resubmit`)
      .set(...bearer(token))
      .send({})
      .expect(409);
  });

  it('the payment notification is lost: the user comes back, the active query finds it paid, then zjz', async () => {
    const { token, orderId, orderNo } = await unpaid('idpay-lost');
    await startPayment(t, token, orderNo);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    const before = submits();
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect((await orderDetail(t, token, orderId)).payment.status).toBe('paying');
    expect(submits()).toBe(before);

    const synced = await t.http
      .post(`/api/payments/${orderNo}/sync`)
      .set(...bearer(token))
      .expect(200);
    expect(synced.body).toMatchObject({ status: 'paid', paidFen: RECEIPT });
    await settle(t);
    expect(submits()).toBe(before + 1);
    await waitForOrder(t, token, orderId, 'completed');
  });

  it("zjz's answer to the paid submission is lost: kept unconfirmed, never sent twice, adopted by its callback", async () => {
    sim.scenario.holdNext();
    const { token, orderId, orderNo } = await unpaid('idpay-unconfirmed');
    const before = submits();
    sim.faults.loseNextAnswer(1, 'fail', '/receipt/submit');
    await pay(token, orderNo);
    expect(submits()).toBe(before + 1);
    const waiting = await orderDetail(t, token, orderId);
    expect(await vendorStatusOf(orderId)).toBe('待确认');
    expect(waiting.details.awaitingConfirmation).toBe(true);
    // The fulfilment worker comes back for it: it waits for the callback instead of sending again.
    await t.dataSource.query(`UPDATE payments SET fulfil_next_at = created_at WHERE out_trade_no = '${orderNo}'`);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    expect(submits()).toBe(before + 1);

    const [submission] = await t.dataSource.getRepository(ZjzSubmission).findBy({ orderId });
    const [vendorOrderNo] = [...sim.ordersByNoticeUrl()]
      .filter(([url]) => tokenHashOf(new URL(url).pathname.split('/').pop() ?? '') === submission.tokenHash)
      .flatMap(([, nos]) => nos);
    await sim.release(vendorOrderNo);
    const done = await waitForOrder(t, token, orderId, 'completed');
    expect(done.events.map((e: { type: string }) => e.type)).toContain('vendor_confirmed');
    await t.dataSource.query(`UPDATE payments SET fulfil_next_at = created_at WHERE out_trade_no = '${orderNo}'`);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    const [payment] = (await rawRows(t, 'payments')).filter((p) => p.out_trade_no === orderNo);
    expect(payment.fulfilment).toBe('done');
    expect(done.payment).toMatchObject({ status: 'paid', refundedFen: 0 });
    expect(submits()).toBe(before + 1);
  });

  it('price 0: no payment step, submitted at once as before', async () => {
    await setPrices(t, { id_photo_receipt: 0, id_photo_print: 0 });
    try {
      const token = await t.loginUser('idpay-free');
      const photo = await uploadPhoto(t, token, 21);
      const before = submits();
      const res = await create(token, photo.id).expect(201);
      expect(res.body.payment).toBeNull();
      expect(res.body.order.status).toBe('pending');
      expect(res.body.details).toMatchObject({ receiptPriceFen: 0, printPriceFen: 0 });
      expect(submits()).toBe(before + 1);
      const specs = await t.http
        .get('/api/id-photo/specs')
        .set(...bearer(token))
        .expect(200);
      expect(specs.body.items[0]).toMatchObject({ priceFen: 0, printPriceFen: 0 });
    } finally {
      await setPrices(t, { id_photo_receipt: RECEIPT, id_photo_print: PRINT });
    }
  });

  it('money invariant: every paid receipt is submitted or refunded in full, none sent unpaid', async () => {
    await settle(t);
    const payments = await rawRows(t, 'payments');
    const details = await rawRows(t, 'id_photo_orders');
    for (const payment of payments) {
      const detail = details.find((d) => Number(d.order_id) === Number(payment.order_id));
      const paid = Number(payment.paid_fen);
      const sent = Boolean(detail?.vendor_order_no);
      if (paid === 0) expect(sent).toBe(false);
      else if (sent && payment.fulfilment === 'done' && payment.status === 'paid')
        expect(Number(payment.refunded_fen)).toBe(0);
      else expect(Number(payment.refunded_fen)).toBe(paid);
    }
  });
});
