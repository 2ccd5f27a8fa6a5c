import type { FindOptionsWhere } from 'typeorm';
import { CallbackInbox } from '../../src/callbacks/callback-inbox.service.js';
import type { CallbackHandler } from '../../src/callbacks/callback-handler.js';
import { VendorEvent } from '../../src/callbacks/vendor-event.entity.js';
import { OrderEvent } from '../../src/orders/order-event.entity.js';
import { Order } from '../../src/orders/order.entity.js';
import { OrdersService } from '../../src/orders/orders.service.js';
import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { rawCallback, testVendorHandler, type TestEvent } from '../merchant/support.js';

describe.each(testDatabases())('callback inbox (%s)', (kind) => {
  let t: TestApp;
  let inbox: CallbackInbox;
  let handler: CallbackHandler<TestEvent>;
  const knobs = { failApply: 0 };

  beforeAll(async () => {
    t = await startTestApp(kind);
    inbox = t.app.get(CallbackInbox);
    handler = testVendorHandler(t.app.get(OrdersService), knobs);
    inbox.register(handler);
  });
  afterAll(() => t.close());

  async function newOrder(ref: string) {
    const userId = await userIdOf(t, await t.loginUser());
    return seedOrder(t, userId, 'id_photo', { status: 'pending', vendorStatus: '1', progress: 10 }, ref);
  }
  const orderRow = (id: number) => t.dataSource.getRepository(Order).findOneByOrFail({ id });
  const eventsOf = (orderId: number) => t.dataSource.getRepository(OrderEvent).findBy({ orderId });
  const inboxRows = (where: FindOptionsWhere<VendorEvent>) => t.dataSource.getRepository(VendorEvent).findBy(where);

  it('a repeated callback is acknowledged every time and applied once', async () => {
    const order = await newOrder('REF-REPEAT');
    const answers = await Promise.all(
      [1, 2, 3].map(() => inbox.receive(handler, rawCallback({ ref: 'REF-REPEAT', status: 3, sign: 'good' }))),
    );
    answers.push(await inbox.receive(handler, rawCallback({ ref: 'REF-REPEAT', status: 3, sign: 'good' })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await orderRow(order.id)).status).toBe('completed');
    const changes = (await eventsOf(order.id)).filter((e) => e.type === 'status_changed');
    expect(changes).toHaveLength(1);
    const [stored] = await inboxRows({ dedupeKey: 'testvendor:REF-REPEAT:3' });
    expect(stored).toMatchObject({ status: 'applied', outcome: 'transitioned', repeatCount: 3, orderId: order.id });
  });

  it('a forged callback is stored as rejected with its reason and never applied', async () => {
    const order = await newOrder('REF-FORGED');
    const answer = await inbox.receive(handler, rawCallback({ ref: 'REF-FORGED', status: 3, sign: 'forged' }));
    expect(answer.status).toBe(401);
    expect((await orderRow(order.id)).status).toBe('pending');
    const rejected = (await inboxRows({ status: 'rejected' })).filter((row) => row.raw.body.includes('REF-FORGED'));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ dedupeKey: null, reason: 'bad sign', orderId: null });
  });

  it('a failure while applying leaves nothing half-stored, answers failure, and the retry completes it once', async () => {
    const order = await newOrder('REF-FAIL');
    knobs.failApply = 1;
    const first = await inbox.receive(handler, rawCallback({ ref: 'REF-FAIL', status: 3, sign: 'good' }));
    expect(first.status).toBe(503);
    // The order update made inside the failed transaction is gone.
    expect((await orderRow(order.id)).status).toBe('pending');
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual(['created']);
    const [failed] = await inboxRows({ dedupeKey: 'testvendor:REF-FAIL:3' });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.reason).toContain('timed out');

    const retry = await inbox.receive(handler, rawCallback({ ref: 'REF-FAIL', status: 3, sign: 'good' }));
    expect(retry.status).toBe(200);
    expect((await orderRow(order.id)).status).toBe('completed');
    const [applied] = await inboxRows({ dedupeKey: 'testvendor:REF-FAIL:3' });
    expect(applied).toMatchObject({ status: 'applied', attempts: 2, reason: null });
    expect((await eventsOf(order.id)).filter((e) => e.type === 'status_changed')).toHaveLength(1);
  });

  it('a merchant replay applies a failed callback once and only once', async () => {
    const order = await newOrder('REF-REPLAY');
    knobs.failApply = 1;
    await inbox.receive(handler, rawCallback({ ref: 'REF-REPLAY', status: 2, sign: 'good' }));
    const [failed] = await inboxRows({ dedupeKey: 'testvendor:REF-REPLAY:2' });
    const replayed = await inbox.replay(failed.id);
    expect(replayed.status).toBe('applied');
    await expect(inbox.replay(failed.id)).rejects.toMatchObject({ status: 409 });
    expect((await orderRow(order.id)).status).toBe('processing');
  });

  it('a late callback cannot move a status backwards', async () => {
    const order = await newOrder('REF-LATE');
    await inbox.receive(handler, rawCallback({ ref: 'REF-LATE', status: 3, sign: 'good' }));
    const late = await inbox.receive(handler, rawCallback({ ref: 'REF-LATE', status: 2, sign: 'good' }));
    expect(late.status).toBe(200);
    expect((await orderRow(order.id)).status).toBe('completed');
    const [stale] = await inboxRows({ dedupeKey: 'testvendor:REF-LATE:2' });
    expect(stale.outcome).toBe('stale');
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual(['created', 'status_changed', 'ignored_stale']);
  });

  it('stores the raw callback encrypted and a masked copy for people', async () => {
    await newOrder('REF-PII');
    await inbox.receive(
      handler,
      rawCallback({ ref: 'REF-PII', status: 2, sign: 'good', id_number: '110101199003071233', phone: '13900001111' }),
    );
    const rows = await t.dataSource.query(
      `SELECT raw_enc, payload_masked FROM vendor_events WHERE dedupe_key = 'testvendor:REF-PII:2'`,
    );
    const { raw_enc: rawEnc, payload_masked: masked } = rows[0] as { raw_enc: string; payload_masked: string };
    expect(rawEnc).not.toContain('110101199003071233');
    expect(masked).not.toContain('110101199003071233');
    expect(masked).not.toContain('13900001111');
    expect(masked).toContain('139****1111');
  });
});
