import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { certify, makeFacePhoto, unlistedPerson, zhima } from '../identity/support.js';
import { attemptOf, IDENTITY_PRICE, paidAttempt, sendFace } from '../payments/identity-support.js';
import { setPrice, settle } from '../payments/support.js';
import { age, callsAbout, pendingCalls, runSettlement, settleByPerson, unknownGauge } from './support.js';

/** Zhima's client does not retry a certification: one lost answer is the lost verdict. */
const GATEWAY = '/gateway.do';

describe.each(testDatabases())('outgoing-call ledger: Zhima, which has no query (%s)', (kind) => {
  let t: TestApp;
  let owner: string;
  let face: Buffer;
  beforeAll(async () => {
    t = await startTestApp(kind);
    owner = await t.loginMerchant('owner');
    face = await makeFacePhoto();
  });
  afterAll(() => t.close());
  afterEach(() => zhima(t).faults.reset());

  async function lostCertification(subjectId: string) {
    const [call] = (await callsAbout(t, subjectId)).filter((row) => row.status === 'unknown');
    expect(call).toMatchObject({ vendor: 'zhima', operation: 'certify' });
    expect(call.request_summary).not.toContain('110101');
    await age(t, call.id, 2);
    await runSettlement(t);
    const [item] = (await pendingCalls(t, owner)).filter((each) => each.id === call.id);
    expect(item.advice).toContain('transaction_id');
    expect(item.choices.map((choice) => choice.value)).toEqual(['passed', 'not_passed', 'no_record']);
    return call;
  }

  it('a free certification whose verdict was lost is recorded, goes to 待处理 and is settled by a person', async () => {
    const token = await t.loginUser('ledger-zhima-free');
    const me = (await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200)).body;
    const before = await unknownGauge(t, 'zhima', 'certify');
    zhima(t).faults.loseNextAnswer(1, 'fail', GATEWAY);
    const person = unlistedPerson();
    const lost = await certify(t, token, person, face).expect(503);
    expect(lost.body.retryable).toBe(true);
    expect(await unknownGauge(t, 'zhima', 'certify')).toBe(before + 1);

    const call = await lostCertification(String(me.id));
    expect(call.subject_kind).toBe('user');
    await settleByPerson(t, owner, call.id, 'not_passed', '开放平台查到该 transaction_id，认证未通过').expect(200);
    const [settled] = (await callsAbout(t, String(me.id))).filter((row) => row.id === call.id);
    expect(settled).toMatchObject({ status: 'settled_succeeded', settled_by: 'person' });
    expect(await unknownGauge(t, 'zhima', 'certify')).toBe(before);
  });

  it('a paid attempt whose verdict was lost ends with the verdict the person found in the Alipay console', async () => {
    await setPrice(t, 'identity', IDENTITY_PRICE);
    const person = unlistedPerson('孙八');
    const { token, orderId, orderNo } = await paidAttempt(t, 'ledger-zhima-paid', person);
    zhima(t).faults.loseNextAnswer(1, 'fail', GATEWAY);
    await sendFace(t, token, orderId, face).expect(503);
    expect((await attemptOf(t, token, orderId)).body.state).toBe('awaiting_photo');

    const call = await lostCertification(orderNo);
    expect(call.subject_kind).toBe('order');
    await settleByPerson(t, owner, call.id, 'passed', '开放平台查到该认证，已通过').expect(200);
    await settle(t);
    const view = (await attemptOf(t, token, orderId)).body;
    expect(view.state).toBe('done');
    expect(view.certification).toMatchObject({ passed: true });
    expect(view.payment.status).toBe('paid');
  });
});
