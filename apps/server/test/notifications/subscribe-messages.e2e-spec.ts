import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { NotificationOutbox } from '../../src/notifications/subscribe/outbox.entity.js';
import { OutboxSender } from '../../src/notifications/subscribe/outbox-sender.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { violationPayKit } from '../payments/violation-support.js';
import { auth, docloud, type TestUser } from '../vehicles/support.js';
import { answerSubscription, openidOf, sendOutbox, wechat } from './support.js';

describe.each(testDatabases())('notifications: subscribe messages on status changes (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    docloud(t).timings.orderProcessMs = 100;
  });
  afterAll(() => t.close());

  const { newKey, carWithPayable, order, untilStatus, detailOf, quote, pay } = violationPayKit(() => t);

  /** A violation order its user pays (credit mode pays first), followed to done. */
  async function completedOrder(prepare: (user: TestUser) => Promise<unknown>) {
    const { user, car, codes } = await carWithPayable(1);
    await prepare(user);
    const { payFen } = await quote(user, car.id, codes);
    const created = await order(user, { carId: car.id, codes, amountFen: payFen }, newKey()).expect(201);
    await pay(user, created.body.orderNo);
    const done = await untilStatus(user, created.body.id, 'completed');
    await docloud(t).callbacks.idle();
    return { user, order: done as { id: number; orderNo: string } };
  }

  /** Sends the completion callback again, byte for byte, as the vendor would on a retry. */
  async function repeatCompletionCallback(orderId: number) {
    const detail = await detailOf(orderId);
    const stored = await t.dataSource
      .getRepository(VendorEvent)
      .findOneByOrFail({ dedupeKey: `docloud:order:${detail.vendorOrderId}:3` });
    await t.http
      .post(`${stored.raw.path}?${stored.raw.query}`)
      .set('Content-Type', 'application/json')
      .send(stored.raw.body)
      .expect(200);
    const after = await t.dataSource.getRepository(VendorEvent).findOneByOrFail({ id: stored.id });
    expect(after.repeatCount).toBeGreaterThanOrEqual(1);
  }

  it('a user who accepted gets exactly one message per change; a repeated callback sends none', async () => {
    const { user, order: done } = await completedOrder((u) =>
      answerSubscription(t, u.token, 'violation_payment', 'accept'),
    );
    const openid = await openidOf(t, user.token);
    await sendOutbox(t);
    const sent = wechat(t).subscriptions.sentTo(openid);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      templateId: 'sandbox-tmpl-violation_payment',
      page: `vehicles/pages/order/index?id=${done.id}`,
      data: { thing1: '违章代缴', character_string2: done.orderNo, phrase3: '已完成' },
    });
    expect(sent[0].data.time5).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);

    await repeatCompletionCallback(done.id);
    await sendOutbox(t);
    expect(wechat(t).subscriptions.sentTo(openid)).toHaveLength(1);
    const rows = await t.dataSource.getRepository(NotificationOutbox).findBy({ orderId: done.id });
    expect(rows.map((row) => row.state)).toEqual(['sent']);

    // The message centre has it once too, unread.
    const notices = await t.http.get('/api/notices').set(auth(user.token)).expect(200);
    expect(notices.body.items.filter((n: { kind: string }) => n.kind === 'order_completed')).toHaveLength(1);
    expect(notices.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('a user who refused gets none, and WeChat is not even asked', async () => {
    const refusedBefore = wechat(t).subscriptions.refused.length;
    const { user, order: done } = await completedOrder((u) =>
      answerSubscription(t, u.token, 'violation_payment', 'reject'),
    );
    await sendOutbox(t);
    expect(wechat(t).subscriptions.sentTo(await openidOf(t, user.token))).toHaveLength(0);
    expect(wechat(t).subscriptions.refused.length).toBe(refusedBefore);
    const [row] = await t.dataSource.getRepository(NotificationOutbox).findBy({ orderId: done.id });
    expect(row).toMatchObject({ state: 'dropped', lastError: 'no acceptance' });
  });

  it('WeChat refusing (43101) drops the message with a record; a transient error is retried', async () => {
    // Our record says accepted, but WeChat holds no acceptance (the user switched messages off since).
    const { user, order: first } = await completedOrder((u) =>
      t.http
        .post('/api/notifications/subscriptions')
        .set(auth(u.token))
        .send({ results: [{ templateId: 'sandbox-tmpl-violation_payment', answer: 'accept' }] })
        .expect(204),
    );
    await sendOutbox(t);
    const [refused] = await t.dataSource.getRepository(NotificationOutbox).findBy({ orderId: first.id });
    expect(refused.state).toBe('dropped');
    expect(refused.lastError).toMatch(/^43101/);

    // Accepted properly now, and WeChat is busy once: the message waits and goes on the next try.
    const { user: secondUser, order: second } = await completedOrder((u) =>
      answerSubscription(t, u.token, 'violation_payment', 'accept'),
    );
    wechat(t).subscriptions.nextErrors.push(-1);
    await sendOutbox(t);
    const [waiting] = await t.dataSource.getRepository(NotificationOutbox).findBy({ orderId: second.id });
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/system error/) });
    await t.app.get(OutboxSender).sendDue(new Date(Date.now() + 3600_000));
    const [sent] = await t.dataSource.getRepository(NotificationOutbox).findBy({ orderId: second.id });
    expect(sent).toMatchObject({ state: 'sent', attempts: 2 });
    expect(wechat(t).subscriptions.sentTo(await openidOf(t, secondUser.token))).toHaveLength(1);
    expect(wechat(t).subscriptions.sentTo(await openidOf(t, user.token))).toHaveLength(0);
  });

  it('answers with a clear 400 for a template that is not ours or a bad answer', async () => {
    const { token } = { token: await t.loginUser() };
    const bad = await t.http
      .post('/api/notifications/subscriptions')
      .set(auth(token))
      .send({ results: [{ templateId: 'someone-else', answer: 'accept' }] })
      .expect(400);
    expect(bad.body.message).toMatch(/订阅/);
    await t.http
      .post('/api/notifications/subscriptions')
      .set(auth(token))
      .send({ results: [{ templateId: 'sandbox-tmpl-id_photo', answer: 'maybe' }] })
      .expect(400);
    await t.http.get('/api/notifications/subscriptions/templates').query({ kind: 'nope' }).set(auth(token)).expect(400);
  });
});
