import { createHash } from 'node:crypto';
import type { ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { ZjzSubmission } from '../../src/id-photo/entities/zjz-submission.entity.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { bearer, startZjzApp, ID_CARD_PARAM, orderDetail, placeOrder, uploadPhoto, waitForOrder } from './support.js';

/**
 * zjz has no idempotency key and no way to look an order up, so a submission whose answer was lost
 * is kept unconfirmed and the vendor's own callback to its notice_url settles it: one vendor order
 * per order of ours, whatever the user taps meanwhile.
 */
describe.each(testDatabases())('zjz lost answers (%s)', (kind) => {
  let t: TestApp, sim: ZjzSimulator, token: string;
  beforeAll(async () => ({ t, sim, token } = await startZjzApp(kind)));
  afterAll(() => t.close());
  afterEach(() => sim.idle());

  /** The vendor's orders made for one order of ours: those calling back to one of its rounds' notice_url. */
  const vendorOrdersOf = async (orderId: number) => {
    const rounds = await t.dataSource.getRepository(ZjzSubmission).findBy({ orderId });
    const hashes = new Set(rounds.map((round) => round.tokenHash));
    const hashOf = (url: string) =>
      createHash('sha256')
        .update(new URL(url).pathname.split('/').pop() ?? '')
        .digest('hex');
    return [...sim.ordersByNoticeUrl()].filter(([url]) => hashes.has(hashOf(url))).flatMap(([, orderNos]) => orderNos);
  };

  it('a submit the vendor took but whose answer was lost is confirmed by its first callback', async () => {
    sim.scenario.holdNext();
    const photo = await uploadPhoto(t, token, 21);
    const submitted = sim.stats().submitted;
    sim.faults.loseNextAnswer(1, 'fail', '/receipt/submit');
    const submit = () =>
      t.http
        .post('/api/id-photo/orders')
        .set(...bearer(token))
        .send({ photoId: photo.id, color: 'white', param: ID_CARD_PARAM, agreePrivacy: true });
    const lost = await submit().expect(503);
    expect(lost.body).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retryable: true });
    expect(sim.stats().submitted).toBe(submitted + 1);
    // The user taps again: nothing is sent, the order waits for the vendor's word.
    const again = await submit().expect(409);
    expect(again.body).toMatchObject({ code: 'SUBMIT_UNCONFIRMED', retryable: true });
    expect(sim.stats().submitted).toBe(submitted + 1);

    const [row] = await t.dataSource.query(`SELECT order_id FROM id_photo_sessions WHERE id = ${Number(photo.id)}`);
    const orderId = Number((row as { order_id: number }).order_id);
    const cancel = await t.http
      .post(`/api/id-photo/orders/${orderId}/cancel`)
      .set(...bearer(token))
      .expect(409);
    expect(cancel.body.message).toBe('订单提交结果确认中，暂时无法取消，请稍后再试');
    const [vendorOrderNo] = await vendorOrdersOf(orderId);
    await sim.release(vendorOrderNo);
    const done = await waitForOrder(t, token, orderId, 'completed');
    expect(done.events.map((e: { type: string }) => e.type)).toContain('vendor_confirmed');
    expect(await vendorOrdersOf(orderId)).toEqual([vendorOrderNo]);
    const [order] = await t.dataSource.query(`SELECT vendor_ref FROM orders WHERE id = ${orderId}`);
    expect((order as { vendor_ref: string }).vendor_ref).toBe(vendorOrderNo);
  });

  it('a resubmission whose answer was lost is picked up by its callback; a retry meanwhile is told it is pending', async () => {
    sim.scenario.rejectNext('照片背景不合格');
    const { orderId, vendorRef } = await placeOrder(t, token);
    await waitForOrder(t, token, orderId, 'action_required');
    sim.scenario.holdNext();
    sim.faults.loseNextAnswer(1, 'fail', '/receipt/submit');
    const resubmit = () =>
      t.http
        .post(`/api/id-photo/orders/${orderId}/resubmit`)
        .set(...bearer(token))
        .send({});
    const lost = await resubmit().expect(503);
    expect(lost.body).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retryable: true });
    // The vendor has round 2 already and refuses another: the user is told it is on its way.
    const pending = await resubmit().expect(409);
    expect(pending.body.code).toBe('RESUBMIT_PENDING');
    expect((await orderDetail(t, token, orderId)).order.status).toBe('action_required');

    await sim.release(vendorRef);
    const done = await waitForOrder(t, token, orderId, 'completed');
    expect(done.details.round).toBe(2);
    expect(done.events.map((e: { type: string }) => e.type)).toContain('vendor_confirmed');
    expect(await vendorOrdersOf(orderId)).toEqual([vendorRef]);
  });
});
