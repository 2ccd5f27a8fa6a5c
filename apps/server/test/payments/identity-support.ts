import { auth } from '../inspection/support.js';
import type { TestApp } from '../support/test-app.js';
import { settle, wechatpay } from './support.js';

/** ¥3.00 per identity attempt. */
export const IDENTITY_PRICE = 300;

export interface Person {
  name: string;
  idNumber: string;
}

/** 提交 of a priced attempt: JSON, no photo, at the price the user was shown. */
export function startAttempt(
  t: TestApp,
  token: string,
  person: Person,
  amountFen: number | undefined = IDENTITY_PRICE,
) {
  return t.http
    .post('/api/identity/attempts')
    .set(auth(token))
    .send({ consent: 'true', ...person, ...(amountFen === undefined ? {} : { amountFen }) });
}

export function attemptOf(t: TestApp, token: string, orderId: number) {
  return t.http.get(`/api/identity/attempts/${orderId}`).set(auth(token)).expect(200);
}

/** The paid attempt's face photo, as the mini-program sends it (multipart, file field `face`). */
export function sendFace(t: TestApp, token: string, orderId: number, face: Buffer) {
  return t.http
    .post(`/api/identity/attempts/${orderId}/face`)
    .set(auth(token))
    .attach('face', face, { filename: 'face.jpg', contentType: 'image/jpeg' });
}

/** A priced attempt its user has paid through WeChat Pay (the simulator's 确认支付). */
export async function paidAttempt(t: TestApp, device: string, person: Person) {
  const token = await t.loginUser(device);
  const created = await startAttempt(t, token, person).expect(201);
  const { orderId, orderNo } = created.body as { orderId: number; orderNo: string };
  await t.http.post(`/api/payments/${orderNo}/start`).set(auth(token)).send({}).expect(200);
  wechatpay(t).pay(orderNo);
  await settle(t);
  return { token, orderId, orderNo };
}

export function timeline(t: TestApp, token: string, orderId: number) {
  return t.http.get(`/api/orders/${orderId}`).set(auth(token)).expect(200);
}
