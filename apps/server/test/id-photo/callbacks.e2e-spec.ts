import { randomBytes } from 'node:crypto';
import { zjzCallbackSign, type ZjzSimulator } from '@banshi/vendor-clients/zjz';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { ZjzSubmission } from '../../src/id-photo/entities/zjz-submission.entity.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fastVendor, orderDetail, placeOrder, waitForOrder } from './support.js';

describe.each(testDatabases())('zjz callbacks (%s)', (kind) => {
  let t: TestApp;
  let sim: ZjzSimulator;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    sim = fastVendor(t);
    token = await t.loginUser();
  });
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
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['created', 'status_changed', 'ignored_stale']);
    expect((await events(orderId)).map((event) => event.outcome)).toEqual(['transitioned', 'stale']);
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

    const rejected = await t.dataSource.getRepository(VendorEvent).findBy({ vendor: 'zjz', status: 'rejected' });
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
