import { CASHIER_SUBMIT_PATH } from '@banshi/vendor-simulators/wechatpay';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { IdentityPaidAttempt } from '../../src/identity/entities/identity-paid-attempt.entity.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { FulfilmentService } from '../../src/payments/fulfilment.service.js';
import { PAYMENTS_JOB } from '../../src/payments/payment-worker.js';
import { auth } from '../inspection/support.js';
import { certify, gatewayCalls, makeFacePhoto, unlistedPerson, WANG_WU, zhima } from '../identity/support.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { attemptOf, IDENTITY_PRICE, paidAttempt, sendFace, startAttempt, timeline } from './identity-support.js';
import { messages, setPrice, settle, wechatpay } from './support.js';

describe.each(testDatabases())('payments: identity attempts through WeChat Pay (%s)', (kind) => {
  let t: TestApp;
  let face: Buffer;
  beforeAll(async () => {
    t = await startTestApp(kind);
    face = await makeFacePhoto();
  });
  beforeEach(() => zhima(t).resetKnobs());
  afterAll(() => t.close());

  const payment = async (orderId: number) => t.dataSource.getRepository(Payment).findOneByOrFail({ orderId });

  it('price 0: the free flow as before, no payment; no priced attempt can be made', async () => {
    const token = await t.loginUser('id-free');
    const status = await t.http.get('/api/identity/status').set(auth(token)).expect(200);
    expect(status.body).toMatchObject({ priceFen: 0, attemptsToday: 0, openAttemptId: null });
    const done = await certify(t, token, unlistedPerson(), face).expect(201);
    expect(done.body).toMatchObject({ passed: true });
    expect(await t.dataSource.getRepository(Payment).countBy({ orderId: done.body.orderId })).toBe(0);
    const priced = await startAttempt(t, await t.loginUser('id-free-2'), unlistedPerson(), 100).expect(409);
    expect(priced.body).toMatchObject({ code: 'NOT_PRICED' });
  });

  it('the owner prices it (实名核验费); users see it before they commit', async () => {
    await setPrice(t, 'identity', IDENTITY_PRICE);
    const prices = await t.http.get('/api/prices').expect(200);
    expect(prices.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'identity', label: '实名核验费', unit: '每次', amountFen: IDENTITY_PRICE }),
      ]),
    );
    const token = await t.loginUser('id-price');
    const status = await t.http.get('/api/identity/status').set(auth(token)).expect(200);
    expect(status.body).toMatchObject({ priceFen: IDENTITY_PRICE });
  });

  it('a priced attempt never reaches Zhima unpaid', async () => {
    const token = await t.loginUser('id-unpaid');
    const calls = gatewayCalls(t);
    const free = await certify(t, token, unlistedPerson(), face).expect(409);
    expect(free.body).toMatchObject({ code: 'PAYMENT_REQUIRED', message: expect.stringContaining('¥3.00') });
    const unseen = await startAttempt(t, token, unlistedPerson(), 100).expect(409);
    expect(unseen.body).toEqual({ code: 'PRICE_CHANGED', message: '实名认证费用为¥3.00，请确认后重新提交' });
    const created = await startAttempt(t, token, unlistedPerson('孙八')).expect(201);
    expect(created.body).toMatchObject({
      state: 'awaiting_payment',
      label: '待支付',
      name: '孙*',
      payment: { status: 'created', label: '待支付', amountFen: IDENTITY_PRICE },
      certification: null,
    });
    expect(JSON.stringify(created.body)).not.toContain('320102');
    const early = await sendFace(t, token, created.body.orderId, face).expect(409);
    expect(early.body).toMatchObject({ code: 'PAYMENT_REQUIRED', message: '请先完成支付，再拍照认证' });
    const status = await t.http.get('/api/identity/status').set(auth(token)).expect(200);
    expect(status.body).toMatchObject({ openAttemptId: created.body.orderId, attemptsToday: 1 });
    const second = await startAttempt(t, token, unlistedPerson()).expect(409);
    expect(second.body.code).toBe('IDENTITY_ATTEMPT_OPEN');
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    expect(gatewayCalls(t)).toBe(calls);
  });

  it('paid through the sandbox cashier → photo → only then Zhima → 认证通过, the money stays', async () => {
    const token = await t.loginUser('id-happy');
    const created = await startAttempt(t, token, unlistedPerson()).expect(201);
    const { orderId, orderNo } = created.body;
    const start = await t.http
      .post(`/api/payments/${orderNo}/start`)
      .set(auth(token))
      .send({ returnUrl: `http://localhost:10086/#/identity/pages/attempt/index?id=${orderId}` })
      .expect(200);
    const cashier = new URL(start.body.cashierUrl);
    expect(await fetch(cashier).then((res) => res.text())).toContain('¥3.00');
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
    await settle(t);
    const paid = await attemptOf(t, token, orderId);
    expect(paid.body).toMatchObject({
      state: 'awaiting_photo',
      label: '已支付，待拍照认证',
      payment: { status: 'paid' },
    });

    const calls = gatewayCalls(t);
    const verdict = await sendFace(t, token, orderId, face).expect(201);
    expect(verdict.body).toMatchObject({ passed: true, orderId, orderNo });
    expect(gatewayCalls(t)).toBe(calls + 1);
    await settle(t);
    expect((await attemptOf(t, token, orderId)).body).toMatchObject({
      state: 'done',
      label: '认证通过',
      payment: { status: 'paid', refundedFen: 0 },
      certification: { passed: true },
    });
    expect(await payment(orderId)).toMatchObject({ fulfilment: 'done', refundedFen: 0 });
    expect(messages((await timeline(t, token, orderId)).body)).toEqual(
      expect.arrayContaining(['已支付 ¥3.00', '认证通过']),
    );
    // Verified: the next attempt is refused before anything is charged.
    expect((await startAttempt(t, token, unlistedPerson()).expect(409)).body.code).toBe('ALREADY_VERIFIED');
    await sendFace(t, token, orderId, face).expect(409);
    expect(gatewayCalls(t)).toBe(calls + 1);
  });

  it('a failed face check is a certification delivered: no refund', async () => {
    const { token, orderId } = await paidAttempt(t, 'id-not-passed', WANG_WU);
    const verdict = await sendFace(t, token, orderId, face).expect(201);
    expect(verdict.body).toMatchObject({ passed: false });
    await settle(t);
    expect((await attemptOf(t, token, orderId)).body).toMatchObject({ state: 'done', label: '认证未通过' });
    expect(await payment(orderId)).toMatchObject({ status: 'paid', fulfilment: 'done', refundedFen: 0 });
  });

  it('Zhima refuses the request before the user could verify → refunded in full, not counted', async () => {
    const { token, orderId, orderNo } = await paidAttempt(t, 'id-refused', unlistedPerson());
    zhima(t).failNextCertify('INVALID_PARAMETER');
    const refused = await sendFace(t, token, orderId, face).expect(422);
    expect(refused.body.message).toContain('本次费用将原路全额退回');
    await settle(t);
    const body = (await attemptOf(t, token, orderId)).body;
    expect(body).toMatchObject({
      state: 'refused',
      label: '认证未受理',
      payment: { status: 'refunded', label: '已退款 ¥3.00', refundedFen: IDENTITY_PRICE },
      certification: null,
    });
    expect(wechatpay(t).refund(`${orderNo}RF`)?.status).toBe('SUCCESS');
    expect(messages((await timeline(t, token, orderId)).body)).toEqual(
      expect.arrayContaining(['已退款 ¥3.00，款项已原路退回']),
    );
    const status = await t.http.get('/api/identity/status').set(auth(token)).expect(200);
    expect(status.body.attemptsToday).toBe(0);
    await sendFace(t, token, orderId, face).expect(409);
  });

  it('Zhima busy: no verdict, nothing refunded, the paid user takes the photo again', async () => {
    const { token, orderId } = await paidAttempt(t, 'id-busy', unlistedPerson());
    zhima(t).faults.failNext(1, 503);
    const busy = await sendFace(t, token, orderId, face).expect(503);
    expect(busy.body).toMatchObject({ retryable: true });
    await settle(t);
    expect((await attemptOf(t, token, orderId)).body).toMatchObject({ state: 'awaiting_photo' });
    await sendFace(t, token, orderId, face).expect(201);
    await settle(t);
    expect(await payment(orderId)).toMatchObject({ fulfilment: 'done', refundedFen: 0 });
  });

  it('the payment notification is lost: the user comes back, the active query finds it paid', async () => {
    const token = await t.loginUser('id-lost');
    const { orderId, orderNo } = (await startAttempt(t, token, unlistedPerson()).expect(201)).body;
    await t.http.post(`/api/payments/${orderNo}/start`).set(auth(token)).send({}).expect(200);
    wechatpay(t).scenario.loseNotificationNext(1, 'transaction');
    wechatpay(t).pay(orderNo);
    await settle(t);
    expect((await attemptOf(t, token, orderId)).body.state).toBe('awaiting_payment');
    await sendFace(t, token, orderId, face).expect(409);
    const synced = await t.http.post(`/api/payments/${orderNo}/sync`).set(auth(token)).expect(200);
    expect(synced.body).toMatchObject({ status: 'paid', paidFen: IDENTITY_PRICE });
    await settle(t);
    expect((await attemptOf(t, token, orderId)).body.state).toBe('awaiting_photo');
    await sendFace(t, token, orderId, face).expect(201);
  });

  it('paid and no photo within the window → 超时未认证, refunded in full', async () => {
    const { token, orderId } = await paidAttempt(t, 'id-no-photo', unlistedPerson());
    await t.dataSource
      .getRepository(IdentityPaidAttempt)
      .update({ orderId }, { faceDueAt: new Date(Date.now() - 3_600_000) });
    const late = await sendFace(t, token, orderId, face).expect(409);
    expect(late.body.message).toContain('已超过拍照认证时限');
    await t.app.get(FulfilmentService).wake(orderId);
    await t.app.get(JobScheduler).runNow(PAYMENTS_JOB);
    await settle(t);
    expect((await attemptOf(t, token, orderId)).body).toMatchObject({
      state: 'expired',
      label: '超时未认证',
      payment: { status: 'refunded', refundedFen: IDENTITY_PRICE },
    });
  });

  it('daily quota counts free and paid attempts; a 429 says when to try again; cancelled ones give it back', async () => {
    const token = await t.loginUser('id-quota');
    await setPrice(t, 'identity', 0);
    for (let i = 0; i < 4; i++) await certify(t, token, WANG_WU, face).expect(201);
    await setPrice(t, 'identity', IDENTITY_PRICE);
    const fifth = (await startAttempt(t, token, WANG_WU).expect(201)).body;
    const status = await t.http.get('/api/identity/status').set(auth(token)).expect(200);
    expect(status.body).toMatchObject({ attemptsToday: 5, attemptsLeftToday: 0 });
    const calls = gatewayCalls(t);
    const sixth = await startAttempt(t, token, WANG_WU).expect(429);
    expect(sixth.body).toEqual({
      code: 'IDENTITY_DAILY_LIMIT',
      message: '今日实名认证次数已达上限（5次），请于明天 00:00（北京时间）后再试',
      retryable: true,
    });
    await t.http.post(`/api/payments/${fifth.orderNo}/cancel`).set(auth(token)).expect(200);
    expect((await attemptOf(t, token, fifth.orderId)).body.state).toBe('closed');
    await startAttempt(t, token, WANG_WU).expect(201);
    expect(gatewayCalls(t)).toBe(calls);
  });
});
