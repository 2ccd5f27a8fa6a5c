import type { Response, Test } from 'supertest';
import { makeFacePhoto, unlistedPerson } from '../../identity/support.js';
import { IDENTITY_PRICE } from '../../payments/identity-support.js';
import { setPrice } from '../../payments/support.js';
import { wechatpayOf } from '../../support/money-invariant.js';
import type { TestApp } from '../../support/test-app.js';
import { inPool, seeded } from './kit.js';

/** What the merchant gives back of every fourth paid attempt, from the console. */
const MERCHANT_REFUND_FEN = 100;

/**
 * Paying users during a callback storm: priced identity attempts (Zhima answers at once and sends
 * no callback, so no storm kit's counts are touched), each paid through WeChat Pay while its
 * notifications are repeated, held back out of order or lost, and a few of its calls fail; every
 * fourth gets a partial refund from the merchant, one of which ends ABNORMAL. What they leave is
 * judged by the money invariant once the storm is over.
 */
export class PaidIdentityUsers {
  private readonly orderNos: string[] = [];
  private face?: Buffer;

  constructor(
    private readonly t: TestApp,
    private readonly users: number,
    private readonly tag: string,
  ) {}

  /** Prices identity attempts and turns WeChat Pay's knobs. */
  async prepare(): Promise<void> {
    await setPrice(this.t, 'identity', IDENTITY_PRICE);
    this.face = await makeFacePhoto(600, 800);
    const sim = wechatpayOf(this.t);
    sim.scenario.notificationRepeat = 1;
    sim.scenario.outOfOrderNext(Math.ceil(this.users / 4));
    sim.scenario.loseNotificationNext(2, 'transaction');
    sim.scenario.loseNotificationNext(1, 'refund');
    sim.scenario.abnormalRefundNext(1);
    Object.assign(sim.faults, { random: seeded(7), serverErrorRate: 0.05, lostAnswerRate: 0.05, hangMs: 1500 });
  }

  /** Every user pays and sends their face photo, 4 at a time. */
  async run(): Promise<void> {
    await inPool(
      Array.from({ length: this.users }, (_, i) => i),
      4,
      (i) => this.pay(i),
    );
  }

  /** The knobs back to normal, before recovery. */
  calm(): void {
    const sim = wechatpayOf(this.t);
    sim.faults.reset();
    sim.scenario.notificationRepeat = 0;
    sim.notifier.releaseHeld();
  }

  get paid(): number {
    return this.orderNos.length;
  }

  private async pay(i: number): Promise<void> {
    const { t } = this;
    const token = await t.loginUser(`storm-paid-${this.tag}-${i}`);
    const auth = { Authorization: `Bearer ${token}` };
    const created = await t.http
      .post('/api/identity/attempts')
      .set(auth)
      .send({ consent: 'true', ...unlistedPerson('钱多多'), amountFen: IDENTITY_PRICE })
      .expect(201);
    const { orderId, orderNo } = created.body as { orderId: number; orderNo: string };
    await again(() => t.http.post(`/api/payments/${orderNo}/start`).set(auth).send({}), 200);
    const outcome = wechatpayOf(t).pay(orderNo);
    if (outcome !== 'paid') throw new Error(`${orderNo} could not be paid: ${outcome}`);
    this.orderNos.push(orderNo);
    await again(() => t.http.post(`/api/payments/${orderNo}/sync`).set(auth), 200);
    await again(
      () =>
        t.http
          .post(`/api/identity/attempts/${orderId}/face`)
          .set(auth)
          .attach('face', this.face as Buffer, { filename: 'face.jpg', contentType: 'image/jpeg' }),
      201,
      // A check still in progress at Zhima (slow under the storm) is waited out: 409 until its verdict.
      24,
    );
    if (i % 4 !== 0) return;
    const owner = await t.loginMerchant('owner');
    await again(
      () =>
        t.http
          .post(`/api/merchant/orders/${orderId}/refunds`)
          .set({ Authorization: `Bearer ${owner}` })
          .send({
            amountFen: MERCHANT_REFUND_FEN,
            reason: '高峰期等待较久，退部分费用',
            requestId: `storm${this.tag}${i}x`,
          }),
      200,
    );
  }
}

/**
 * Sends until the expected status, as the app does on a retryable answer (a WeChat Pay fault is a
 * 503 saying to try again; a sync before the notification finds the payment still 待支付 and the face
 * photo is refused 409 until the payment is known).
 */
async function again(send: () => Test, expected: number, tries = 10): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    if (response.status === expected) return response;
    if (attempt >= tries || ![409, 503].includes(response.status)) {
      throw new Error(`${response.status} ${JSON.stringify(response.body)} after ${attempt} tries`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(150 * attempt, 2000)));
  }
}
