import type { TestApp } from '../support/test-app.js';
import { orderKit } from '../vehicles/order-kit.js';
import { auth, type TestUser } from '../vehicles/support.js';
import { settle, startPayment, wechatpay } from './support.js';

export const VIOLATION_CREATE = '/violation/create/order';
/** The merchant's fee per violation in these tests: ¥5.00. */
export const FEE_PER_VIOLATION = 500;

export interface QuoteBody {
  totalFen: number;
  fineFen: number;
  serviceFeeFen: number;
  markFeeFen: number;
  servicePriceFen: number;
  payFen: number;
  payLines: { label: string; amountFen: number }[];
  paymentNote: string;
  lines: { code: string; totalFen: number }[];
}

/** Helpers of the prepaid violation-payment suites, over the suite's app (read lazily). */
export function violationPayKit(app: () => TestApp) {
  const kit = orderKit(app);

  const quote = async (user: TestUser, carId: number, codes: string[]): Promise<QuoteBody> =>
    (await app().http.post(`/api/vehicles/cars/${carId}/quote`).set(auth(user.token)).send({ codes }).expect(200))
      .body as QuoteBody;

  /** A user's order for `min` payable violations at the quoted amount, 待支付. */
  async function unpaidOrder(min = 1) {
    const { user, car, codes } = await kit.carWithPayable(min);
    const quoted = await quote(user, car.id, codes);
    const created = await kit.order(user, { carId: car.id, codes, amountFen: quoted.payFen }, kit.newKey()).expect(201);
    return {
      user,
      car,
      codes,
      quote: quoted,
      orderId: created.body.id as number,
      orderNo: created.body.orderNo as string,
      body: created.body,
    };
  }

  /** The user pays through WeChat Pay (the simulator's 确认支付) and everything in flight settles. */
  async function pay(user: TestUser, orderNo: string): Promise<void> {
    await startPayment(app(), user.token, orderNo);
    wechatpay(app()).pay(orderNo);
    await settle(app());
  }

  const messages = (body: { events: { message: string }[] }) => body.events.map((e) => e.message);

  return { ...kit, quote, unpaidOrder, pay, messages };
}
