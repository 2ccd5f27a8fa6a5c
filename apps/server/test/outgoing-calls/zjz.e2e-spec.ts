import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { ZjzSubmission } from '../../src/id-photo/entities/zjz-submission.entity.js';
import { tokenHashOf } from '../../src/id-photo/zjz-submissions.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { bearer, startZjzApp, ID_CARD_PARAM, uploadPhoto, waitForOrder } from '../id-photo/support.js';
import { age, callsAbout, pendingCalls, runSettlement, settleByPerson, unknownGauge } from './support.js';

/** zjzapi has no query: a lost submit is settled by its round's first callback, or by a person after a day. */
describe.each(testDatabases())('outgoing-call ledger: zjz (%s)', (kind) => {
  let t: TestApp, sim: ZjzSimulator, token: string;
  beforeAll(async () => ({ t, sim, token } = await startZjzApp(kind)));
  afterAll(() => t.close());
  afterEach(() => sim.idle());

  /** A first round whose answer was lost: its order id and its ledger entry. */
  async function lostSubmit(seed: number) {
    sim.scenario.holdNext();
    const photo = await uploadPhoto(t, token, seed);
    sim.faults.loseNextAnswer(1, 'fail', '/receipt/submit');
    await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({ photoId: photo.id, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true })
      .expect(503);
    const [row] = await t.dataSource.query(`SELECT order_id FROM id_photo_sessions WHERE id = ${Number(photo.id)}`);
    const orderId = Number((row as { order_id: number }).order_id);
    const submission = await t.dataSource.getRepository(ZjzSubmission).findOneByOrFail({ orderId, round: 1 });
    const [call] = await callsAbout(t, String(submission.id));
    return { orderId, call, photoId: photo.id };
  }

  it('a lost submit is unknown until its first callback settles it', async () => {
    const before = await unknownGauge(t, 'zjz', 'submit');
    const { orderId, call } = await lostSubmit(31);
    expect(call).toMatchObject({
      vendor: 'zjz',
      operation: 'submit',
      subject_kind: 'zjz_submission',
      status: 'unknown',
    });
    expect(await unknownGauge(t, 'zjz', 'submit')).toBe(before + 1);
    await age(t, call.id, 2);
    await runSettlement(t);
    expect((await callsAbout(t, call.subject_id))[0].attention_at).toBeNull(); // the vendor calls back within a day

    const submission = await t.dataSource.getRepository(ZjzSubmission).findOneByOrFail({ id: Number(call.subject_id) });
    const tokenOf = (url: string) => new URL(url).pathname.split('/').pop() ?? '';
    const [vendorOrderNo] = [...sim.ordersByNoticeUrl()]
      .filter(([url]) => tokenHashOf(tokenOf(url)) === submission.tokenHash)
      .flatMap(([, orderNos]) => orderNos);
    await sim.release(vendorOrderNo);
    await waitForOrder(t, token, orderId, 'completed');
    expect((await callsAbout(t, call.subject_id))[0]).toMatchObject({
      status: 'settled_succeeded',
      settled_by: 'callback',
    });
    expect(await unknownGauge(t, 'zjz', 'submit')).toBe(before);
  });

  it('silent for a day, it lands in 待处理 and a person settles it', async () => {
    const { call } = await lostSubmit(32);
    await age(t, call.id, 25 * 60);
    await runSettlement(t);
    const owner = await t.loginMerchant('owner');
    const [item] = (await pendingCalls(t, owner)).filter((each) => each.id === call.id);
    expect(item.advice).toContain('zjzapi');
    await settleByPerson(t, owner, call.id, 'failed', 'zjzapi 后台没有该时间的订单').expect(200);
    expect((await callsAbout(t, call.subject_id))[0]).toMatchObject({ status: 'settled_failed', settled_by: 'person' });
  });

  it('a day of silence is no licence to resend once a person found the vendor has it', async () => {
    const { orderId, call, photoId } = await lostSubmit(33);
    await age(t, call.id, 25 * 60);
    // The submission row is a day old too: its own age decides nothing, the ledger entry does.
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await t.dataSource.getRepository(ZjzSubmission).update({ orderId }, { createdAt: dayAgo });
    await runSettlement(t);
    const owner = await t.loginMerchant('owner');
    await settleByPerson(t, owner, call.id, 'succeeded', 'zjzapi 后台查到该订单').expect(200);
    const submitted = sim.stats().submitted;
    const again = await t.http
      .post('/api/id-photo/orders')
      .set(...bearer(token))
      .send({ photoId, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true })
      .expect(409);
    expect(again.body.code).toBe('SUBMIT_UNCONFIRMED');
    expect(sim.stats().submitted).toBe(submitted);
  });
});
