import type { WechatPaySimulator } from '@banshi/vendor-simulators/wechatpay';
import { PaymentWorker } from '../../src/payments/payment-worker.js';
import type { DatabaseKind } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addGarageCar, auth, docloud, placeOrder, saveCar } from '../inspection/support.js';

export { occupyCarAtVendor } from '../inspection/support.js';

export const INSPECTION_PRICE = 14_800;
export const CREATE_PATH = '/inspection/v2/order/create';

export const wechatpay = (t: TestApp) => t.sandbox.get<WechatPaySimulator>('wechatpay');

/** Everything in flight settles: WeChat Pay's notifications, then our kicked payment ticks. */
export async function settle(t: TestApp): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await wechatpay(t).idle();
    await t.app.get(PaymentWorker).idle();
  }
}

/** The app with docloud's sandbox and the inspection priced: where every paid-inspection suite starts. */
export async function startPricedApp(kind: DatabaseKind): Promise<TestApp> {
  const t = await startTestApp(kind);
  docloud(t);
  await setInspectionPrice(t, INSPECTION_PRICE);
  return t;
}

export async function setInspectionPrice(t: TestApp, amountFen: number): Promise<void> {
  await setPrices(t, { inspection: amountFen });
}

/** The owner sets prices through the console's route (`PRICED_SERVICES` keys, in fen). */
export async function setPrices(t: TestApp, prices: Record<string, number>): Promise<void> {
  const owner = await t.loginMerchant('owner');
  const items = Object.entries(prices).map(([service, amountFen]) => ({ service, amountFen }));
  await t.http.put('/api/merchant/prices').set(auth(owner)).send({ items }).expect(200);
}

/** The owner sets one service's price on the prices page. */
export async function setPrice(t: TestApp, service: string, amountFen: number): Promise<void> {
  await setPrices(t, { [service]: amountFen });
}

/** A user with an eligible, quoted car: what the order page needs before 提交. */
export async function quotedCar(t: TestApp, device: string): Promise<{ token: string; carId: number }> {
  return quotedCarOf(t, await t.loginUser(device));
}

/** The same for a user already signed in (the browser's). */
export async function quotedCarOf(t: TestApp, token: string): Promise<{ token: string; carId: number }> {
  const carId = await addGarageCar(t, token);
  await saveCar(t, token, carId).expect(200);
  await t.http.get(`/api/inspection/cars/${carId}/pre-order`).set(auth(token)).expect(200);
  return { token, carId };
}

/** A priced inspection order, 待支付. */
export async function unpaidOrder(t: TestApp, device: string) {
  const { token, carId } = await quotedCar(t, device);
  const res = await placeOrder(t, token, carId, 11800, { amountFen: INSPECTION_PRICE }).expect(201);
  return { token, carId, orderId: res.body.id as number, orderNo: res.body.orderNo as string };
}

export async function startPayment(t: TestApp, token: string, orderNo: string) {
  return t.http
    .post(`/api/payments/${orderNo}/start`)
    .set(auth(token))
    .send({ returnUrl: 'http://localhost:10086/#/inspection/pages/order/index?id=1' })
    .expect(200);
}

export function order(t: TestApp, token: string, orderId: number) {
  return t.http.get(`/api/inspection/orders/${orderId}`).set(auth(token)).expect(200);
}

export const messages = (body: { events: { message: string }[] }) => body.events.map((e) => e.message);

/** A priced inspection order its user has paid through WeChat Pay (the simulator's 确认支付). */
export async function paidOrder(t: TestApp, device: string) {
  const placed = await unpaidOrder(t, device);
  await startPayment(t, placed.token, placed.orderNo);
  wechatpay(t).pay(placed.orderNo);
  await settle(t);
  return placed;
}

/** The owner's manual refund of part of an order, settled at WeChat Pay. */
export async function merchantRefund(
  t: TestApp,
  orderId: number,
  amountFen: number,
  reason: string,
  requestId: string,
) {
  const owner = await t.loginMerchant('owner');
  await t.http
    .post(`/api/merchant/orders/${orderId}/refunds`)
    .set(auth(owner))
    .send({ amountFen, reason, requestId })
    .expect(200);
  await settle(t);
}
