import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { orderKit } from '../vehicles/order-kit.js';
import { docloud, waitFor } from '../vehicles/support.js';
import { age, callsAbout, pendingCalls, runSettlement, settleByPerson, unknownGauge } from './support.js';

const CREATE_PATH = '/violation/create/order';
/** The Docloud client sends a create twice (the second under the same outOrderNo): both answers lost. */
const ALL_TRIES = 2;

describe.each(testDatabases())('outgoing-call ledger: Docloud violation orders (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { VIOLATION_PREPAY: 'off' });
  });
  beforeEach(() => {
    docloud(t).timings.orderProcessMs = 150;
  });
  afterEach(() => docloud(t).faults.reset());
  afterAll(() => t.close());

  const { newKey, carWithPayable, order, detailOf } = orderKit(() => t);

  async function lostCreate() {
    const { user, car, codes } = await carWithPayable(1);
    docloud(t).faults.loseNextAnswer(ALL_TRIES, 'fail', CREATE_PATH);
    await order(user, { carId: car.id, codes }, newKey());
    const [row] = await t.dataSource.query('SELECT order_id, out_order_no FROM violation_orders ORDER BY id DESC');
    return { orderId: Number(row.order_id), orderNo: String(row.out_order_no) };
  }

  it('a create whose answers were lost is unknown until the order’s callback settles it', async () => {
    docloud(t).timings.orderProcessMs = 1500;
    const before = await unknownGauge(t, 'docloud', 'violation-order');
    const { orderId, orderNo } = await lostCreate();
    const [call] = await callsAbout(t, orderNo);
    expect(call).toMatchObject({ vendor: 'docloud', operation: 'violation-order', subject_kind: 'order' });
    expect(call.status).toBe('unknown');
    expect(await unknownGauge(t, 'docloud', 'violation-order')).toBe(before + 1);

    await waitFor(async () => (await detailOf(orderId)).vendorOrderId ?? undefined, 'the adoption by callback');
    const [settled] = await callsAbout(t, orderNo);
    expect(settled).toMatchObject({ status: 'settled_succeeded', settled_by: 'callback' });
    expect(await unknownGauge(t, 'docloud', 'violation-order')).toBe(before);
  });

  it('one no callback settles within a day lands in 待处理 for a person', async () => {
    const sim = docloud(t);
    sim.timings.orderProcessMs = null; // the order stays as it was taken
    sim.dropNextOrderCallback(5); // and its callbacks are lost
    const { orderNo } = await lostCreate();
    const [call] = await callsAbout(t, orderNo);
    expect(call.status).toBe('unknown');
    await age(t, call.id, 2);
    await runSettlement(t);
    expect((await callsAbout(t, orderNo))[0].attention_at).toBeNull(); // within Docloud's window
    await age(t, call.id, 25 * 60);
    await runSettlement(t);
    const owner = await t.loginMerchant('owner');
    const [item] = (await pendingCalls(t, owner)).filter((each) => each.id === call.id);
    expect(item.advice).toContain('懂云');
    await settleByPerson(t, owner, call.id, 'succeeded', '懂云客服确认已下单').expect(200);
    expect((await callsAbout(t, orderNo))[0]).toMatchObject({ status: 'settled_succeeded', settled_by: 'person' });
  });
});
