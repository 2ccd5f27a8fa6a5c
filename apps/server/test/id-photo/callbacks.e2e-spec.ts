import { randomBytes } from 'node:crypto';
import { zjzCallbackSign } from '@banshi/vendor-clients/zjz';
import { type ZjzSimulator } from '@banshi/vendor-simulators/zjz';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { ZjzSubmission } from '../../src/id-photo/entities/zjz-submission.entity.js';
import { testDatabases } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { ADDRESS, startZjzApp, orderDetail, placeOrder, waitForOrder } from './support.js';

describe.each(testDatabases())('zjz callbacks (%s)', (kind) => {
  let t: TestApp, sim: ZjzSimulator, token: string;
  beforeAll(async () => ({ t, sim, token } = await startZjzApp(kind)));
  afterAll(() => t.close());
  afterEach(async () => {
    await sim.idle();
    sim.scenario.callbackRepeat = 0;
  });

  const events = (orderId: number) =>
    t.dataSource.getRepository(VendorEvent).find({ where: { orderId }, order: { id: 'ASC' } });
  const pathOf = (url: string) => new URL(url).pathname;
  const post = (path: string, form: Record<string, string>) =>
    t.http.post(path).type('form').send(new URLSearchParams(form).toString());

  it('a repeated callback is acknowledged each time and applied once', async () => {
    sim.scenario.callbackRepeat = 2;
    const { orderId, vendorRef } = await placeOrder(t, token);
    await waitForOrder(t, token, orderId, 'completed');
    await sim.idle();
    expect(sim.callbacksFor(vendorRef).every((delivery) => delivery.acknowledged)).toBe(true);
    const detail = await orderDetail(t, token, orderId);
    expect(detail.events.filter((e: { type: string }) => e.type === 'status_changed')).toHaveLength(2);
    const stored = await events(orderId);
    expect(stored.map((event) => [event.outcome, event.repeatCount])).toEqual([
      ['transitioned', 2],
      ['transitioned', 2],
    ]);
  });

  it('a late "reviewing" after "done" is recorded and changes nothing', async () => {
    sim.outOfOrderNext();
    const { orderId, vendorRef } = await placeOrder(t, token);
    await sim.waitForStatus(vendorRef, 3);
    await sim.idle();
    const detail = await orderDetail(t, token, orderId);
    expect(detail.order.status).toBe('completed');
    // The late notice is the merchant's to read; the user's timeline is the orderly one.
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['created', 'status_changed']);
    expect((await events(orderId)).map((event) => event.outcome)).toEqual(['transitioned', 'stale']);
  });

  it('a late -2 after 办理完成 is refused: the order stays done and the later 4 still ships it', async () => {
    sim.holdNext();
    const { orderId, vendorRef } = await placeOrder(t, token, { print: ADDRESS }, 32);
    await sim.advanceTo(vendorRef, 3);
    await waitForOrder(t, token, orderId, 'processing');
    await sim.idle();
    const url = pathOf(sim.order(vendorRef)!.noticeUrl);
    const sign = zjzCallbackSign(sim.apiKey);
    // Acknowledged (it is genuine and stored), never applied: -2 only confirms our own cancellation of a pending order.
    const late = await post(url, { status: '-2', order_no: vendorRef, sign }).expect(200);
    expect(late.body).toMatchObject({ code: 0 });
    expect((await orderDetail(t, token, orderId)).order.status).toBe('processing');
    await sim.advanceTo(vendorRef, 4);
    await waitForOrder(t, token, orderId, 'completed');
    const detail = await orderDetail(t, token, orderId);
    expect(detail.events.some((e: { toStatus: string | null }) => e.toStatus === 'cancelled')).toBe(false);
    expect((await events(orderId)).map((event) => event.outcome)).toEqual([
      'transitioned',
      'transitioned',
      'refused',
      'transitioned',
    ]);
    // Its repeat after the end is acknowledged and changes nothing either.
    await post(url, { status: '-2', order_no: vendorRef, sign }).expect(200);
    expect((await orderDetail(t, token, orderId)).order.status).toBe('completed');
  });

  it('a correctly signed notice with a status that is not one (2.5, 9, true) is answered 400 as malformed', async () => {
    sim.holdNext();
    const { orderId, vendorRef } = await placeOrder(t, token);
    const url = pathOf(sim.order(vendorRef)!.noticeUrl);
    const sign = zjzCallbackSign(sim.apiKey);
    for (const status of ['2.5', '9', 'true']) {
      const answer = await post(url, { status, order_no: vendorRef, sign }).expect(400);
      expect(answer.body).toMatchObject({ code: 1 });
      expect(answer.body.msg).toContain('unknown status');
    }
    const json = await t.http
      .post(url)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ status: 2.5, order_no: vendorRef, sign }))
      .expect(400);
    expect(json.body.msg).toContain('unknown status');
    expect((await orderDetail(t, token, orderId)).order.status).toBe('pending');
    await sim.release(vendorRef);
  });

  it('a forged sign, an unknown token and a token of another order are rejected and never applied', async () => {
    sim.holdNext(2);
    const first = await placeOrder(t, token);
    const second = await placeOrder(t, token);
    const url = pathOf(sim.order(first.vendorRef)!.noticeUrl);
    const done = { status: '3', image_receipt: 'http://127.0.0.1:1/receipt.jpg' };

    const forged = await post(url, { ...done, order_no: first.vendorRef, sign: 'f'.repeat(32) }).expect(403);
    expect(forged.body).toMatchObject({ code: 1 });
    const sign = zjzCallbackSign(sim.apiKey);
    const stranger = `/api/callbacks/zjz/${randomBytes(24).toString('base64url')}`;
    await post(stranger, { ...done, order_no: first.vendorRef, sign }).expect(403);
    await post(url, { ...done, order_no: second.vendorRef, sign }).expect(403);

    const rejected = (
      await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'zjz', status: 'rejected' })
    ).filter((event) => !event.reason?.includes('unknown status'));
    expect(rejected.map((event) => event.reason)).toEqual([
      'zjz callback sign does not match',
      'zjz callback to an unknown notice_url token',
      'zjz callback order_no does not match its notice_url token',
    ]);
    expect(rejected.every((event) => event.dedupeKey === null && event.orderId === null)).toBe(true);
    expect(rejected.every((event) => !event.payloadMasked.includes(url.split('/').pop() as string))).toBe(true);
    for (const { orderId } of [first, second])
      expect((await orderDetail(t, token, orderId)).order.status).toBe('pending');
    await sim.release(first.vendorRef);
    await sim.release(second.vendorRef);
  });

  it("a file URL outside the vendor's host is never fetched: the server does not call its own API", async () => {
    sim.holdNext();
    const { orderId, vendorRef } = await placeOrder(t, token);
    const url = pathOf(sim.order(vendorRef)!.noticeUrl);
    const sign = zjzCallbackSign(sim.apiKey);
    const own = `${t.baseUrl}/api/health`;
    const answer = await post(url, { status: '3', order_no: vendorRef, image_receipt: own, sign });
    expect(answer.status).not.toBe(200);
    const failed = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'zjz', status: 'failed' });
    const event = failed.find((stored) => stored.raw.body.includes(vendorRef)) as VendorEvent;
    expect(event.reason).toContain(`${new URL(t.baseUrl).host} is not one of the zjz file hosts`);
    expect((await orderDetail(t, token, orderId)).order.status).toBe('pending');
    await sim.release(vendorRef);
    await waitForOrder(t, token, orderId, 'completed');
  });

  it('a callback that arrives before its order is stored is answered "retry" and applied on the retry', async () => {
    sim.holdNext();
    const { orderId, vendorRef } = await placeOrder(t, token);
    const submissions = t.dataSource.getRepository(ZjzSubmission);
    const { id } = await submissions.findOneByOrFail({ orderId });
    // As in the instant between the vendor's answer and our commit: the round has no order yet.
    await submissions.update({ id }, { orderId: null, vendorOrderNo: null });
    await sim.advanceTo(vendorRef, 2);
    const started = Date.now();
    while (!(await events(orderId)).length && !(await failedFor(vendorRef)) && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await failedFor(vendorRef)).toBe(true);
    await submissions.update({ id }, { orderId, vendorOrderNo: vendorRef });
    await waitForOrder(t, token, orderId, 'processing');
    const [event] = await events(orderId);
    expect(event).toMatchObject({ status: 'applied', outcome: 'transitioned' });
    expect(event.attempts).toBeGreaterThanOrEqual(2);
    await sim.release(vendorRef);
  });

  async function failedFor(vendorRef: string): Promise<boolean> {
    const failed = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'zjz', status: 'failed' });
    return failed.some((event) => event.raw.body.includes(vendorRef));
  }
});
