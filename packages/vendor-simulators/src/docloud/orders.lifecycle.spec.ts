import { verifyOrderStatusCallback, type DocloudOrderStatusEvent } from '@banshi/vendor-clients/docloud';
import { APP_KEY, APP_SECRET, startHarness, waitFor, type Harness } from './test-support/harness.js';

/**
 * Orders from creation to their end, with the vendor's signed callbacks arriving at a real HTTP
 * endpoint and read back through the verifier. 浙A12354 has three zero-point violations in 杭州,
 * 京B1234E and 京A1237J one or two, 沪A1237J and 沪B1238K one zero-point violation each.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ creditPayDelayMs: 10, orderProcessMs: 60 });
});
afterAll(() => h.close());

const credentials = { appKey: APP_KEY, appSecret: APP_SECRET };

function events(orderId: string): DocloudOrderStatusEvent[] {
  return h.receiver
    .at('/docloud/order')
    .map((callback) => verifyOrderStatusCallback(callback, credentials))
    .filter((event) => event.orderId === orderId);
}

let serial = 0;
async function order(plateNumber: string, pick = 1) {
  const result = await h.client.queryViolations({
    plateNumber,
    vin: 'LSVAM4187C2184847',
    engineNo: '0018835448DT',
    phone: `1370${String(1000000 + serial)}`,
    needFee: true,
  });
  const chosen = result.violations.filter((v) => v.canSelect).slice(0, pick);
  expect(chosen).toHaveLength(pick);
  const totalPriceFen = chosen.reduce((sum, v) => sum + v.fineFen + (v.serviceFeeFen ?? 0), 0);
  const codes = chosen.map((v) => v.code);
  const { orderId } = await h.client.createOrder({
    token: result.token!,
    violationCodes: codes,
    totalPriceFen,
    outOrderNo: `LC-${serial++}`,
  });
  return { token: result.token!, orderId, codes, totalPriceFen, chosen };
}

it('created → paid → done, called back at each step and shown by the query', async () => {
  const { token, orderId, codes } = await order('浙A12354', 2);
  await waitFor(() => events(orderId).length === 2, 'paid and done callbacks');
  const [paid, done] = events(orderId);
  expect(paid).toMatchObject({ orderStatus: 2, violations: codes.map((code) => ({ code, processStatus: 2 })) });
  expect(done).toMatchObject({ orderStatus: 3, violations: codes.map((code) => ({ code, processStatus: 3 })) });
  expect(done.refundMoneyFen).toBeUndefined();
  await expect(h.client.getOrderStatus({ token, orderId })).resolves.toMatchObject({ orderStatus: 3 });
  const after = await h.client.queryViolations({
    plateNumber: '浙A12354',
    vin: 'LSVAM4187C2184847',
    engineNo: '0018835448DT',
    phone: '13700009999',
  });
  expect(after.untreated).toBe(1);
  expect(after.violations.filter((v) => codes.includes(v.code)).map((v) => v.processStatus)).toEqual([3, 3]);
});

it('closed: the reason and a full refund are called back, and the violations are pending again', async () => {
  h.sim.setNextOrderOutcome({ kind: 'close', cancelReason: '交管系统维护，订单已关闭' });
  const { token, orderId, codes, totalPriceFen } = await order('京B1234E', 2);
  await waitFor(() => events(orderId).some((e) => e.orderStatus === 4), 'close callback');
  expect(events(orderId).at(-1)).toMatchObject({
    orderStatus: 4,
    cancelReason: '交管系统维护，订单已关闭',
    refundMoneyFen: totalPriceFen,
    violations: codes.map((code) => ({ code, processStatus: 1 })),
  });
  const detail = await h.client.getOrderDetail({ token, orderId });
  expect(detail).toMatchObject({ orderStatus: 4, cancelReason: '交管系统维护，订单已关闭' });
  expect(detail.orderCloseTime).toBeDefined();
});

it('done with a partial refund: refundMoney covers the violation that could not be handled', async () => {
  h.sim.setNextOrderOutcome({ kind: 'partial-refund', refundCount: 1 });
  const { orderId, chosen } = await order('京C1238L', 2);
  await waitFor(() => events(orderId).some((e) => e.orderStatus === 3), 'done callback');
  const done = events(orderId).at(-1)!;
  const refunded = chosen[1];
  expect(done.refundMoneyFen).toBe(refunded.fineFen + (refunded.serviceFeeFen ?? 0));
  expect(done.violations).toEqual([
    { code: chosen[0].code, processStatus: 3 },
    { code: refunded.code, processStatus: 1 },
  ]);
});

it('a repeated callback arrives again with the same body and signature', async () => {
  h.sim.repeatNextOrderCallback(2);
  const { orderId } = await order('沪A1237J');
  await waitFor(() => events(orderId).length === 4, 'three paid callbacks and a done one');
  const paid = h.receiver
    .at('/docloud/order')
    .filter((c) => c.rawBody.includes(`"orderId":${orderId},"orderStatus":2`));
  expect(paid).toHaveLength(3);
  expect(new Set(paid.map((c) => `${c.rawQuery}|${c.rawBody}`)).size).toBe(1);
});

it('a dropped callback leaves the receiver behind, and getOrderStatus tells the truth', async () => {
  h.sim.timings.orderProcessMs = null;
  h.sim.dropNextOrderCallback();
  try {
    const { token, orderId } = await order('沪B1238K');
    await waitFor(() => h.sim.order(orderId).status === 2, 'credit payment');
    await h.sim.callbacks.idle();
    expect(events(orderId)).toHaveLength(0);
    expect(h.sim.droppedOrderCallbacks.at(-1)).toContain(`"orderId":${orderId}`);
    await expect(h.client.getOrderStatus({ token, orderId })).resolves.toMatchObject({ orderStatus: 2 });
    h.sim.completeOrder(orderId);
    await waitFor(() => events(orderId).length === 1, 'done callback');
    expect(events(orderId)[0].orderStatus).toBe(3);
  } finally {
    h.sim.timings.orderProcessMs = 60;
  }
});

it('callbacks held and released in reverse arrive done-before-paid', async () => {
  h.sim.holdOrderCallbacks();
  const { orderId } = await order('京A1237J');
  await waitFor(() => h.sim.order(orderId).status === 3, 'order done');
  h.sim.releaseOrderCallbacks({ reverse: true });
  await waitFor(() => events(orderId).length === 2, 'both callbacks');
  expect(events(orderId).map((e) => e.orderStatus)).toEqual([3, 2]);
});

it('retries a callback the receiver failed to store until it is acknowledged', async () => {
  h.receiver.failNext = 2;
  const { orderId } = await order('沪D1239M');
  const paidDelivery = () =>
    h.sim.callbacks.deliveries.find((d) => d.body.includes(`"orderId":${orderId},"orderStatus":2`));
  await waitFor(() => paidDelivery()?.acknowledged === true, 'acknowledged paid callback');
  expect(paidDelivery()).toMatchObject({ attempts: 3 });
  expect(paidDelivery()?.answers.map((a) => a.status)).toEqual([500, 500, 200]);
});

it('online payment: the order waits at 1 until its payUrl is opened', async () => {
  h.sim.setPaymentMode('online');
  try {
    const { token, orderId } = await order('沪E1240N');
    const detail = await h.client.getOrderDetail({ token, orderId });
    expect(detail.orderStatus).toBe(1);
    expect(detail.payUrl).toMatch(new RegExp(`^${h.sim.url}/violation/pay\\?orderId=${orderId}&key=`));
    const page = await fetch(detail.payUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('支付成功');
    await waitFor(() => events(orderId).length === 2, 'paid and done callbacks');
    expect((await fetch(detail.payUrl!)).status).toBe(409);
    expect((await fetch(detail.payUrl!.replace(/key=\w+/, 'key=guess'))).status).toBe(404);
  } finally {
    h.sim.setPaymentMode('credit');
  }
});
