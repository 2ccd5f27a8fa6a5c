import { wechatpayOf } from '../support/money-invariant.js';
import type { TestApp } from '../support/test-app.js';
import { Flow, type FlowContext } from './vendor-faults-flows.js';
import { eventually, seeded, VENDOR_TIMEOUT_MS } from './vendor-faults-kit.js';

/** What a bill photo costs in the paid phase (invoice_scan), and what the merchant gives back of some. */
export const PAID_SCAN_FEN = 50;
export const MERCHANT_REFUND_FEN = 20;

/**
 * WeChat Pay misbehaves as its document allows, on top of the other vendors' faults: about a
 * quarter of the calls to it fail (5xx, a hang past the client's timeout, the work done and the
 * answer lost), and its notifications are lost, repeated or sent out of order; one refund ends
 * ABNORMAL. Notification retries are quick so that the test does not wait on WeChat Pay's schedule.
 */
export function injectWechatPayFaults(t: TestApp, seed: number): void {
  const sim = wechatpayOf(t);
  Object.assign(sim.faults, {
    random: seeded(seed),
    serverErrorRate: 0.08,
    timeoutRate: 0.08,
    lostAnswerRate: 0.1,
    hangMs: VENDOR_TIMEOUT_MS + 1200,
  });
  sim.callbacks.retryDelaysMs = [100, 300, 600, 1000, 1500, 2000, 3000];
  sim.scenario.loseNotificationNext(2, 'transaction');
  sim.scenario.loseNotificationNext(1, 'refund');
  sim.scenario.repeatNotificationNext(3);
  sim.scenario.outOfOrderNext(2);
  sim.scenario.abnormalRefundNext(1);
}

export function calmWechatPay(t: TestApp): void {
  wechatpayOf(t).faults.reset();
}

/**
 * A user who pays for a bill photo: sends it at the price shown (待支付), starts the payment
 * (WeChat Pay's prepay, which may fail or lose its answer), pays on the phone, comes back (查单).
 * `merchantRefund`: the merchant then gives part of it back from the console.
 */
export class PaidInvoiceFlow extends Flow {
  private orderNo = '';
  private paid = false;

  constructor(
    ctx: FlowContext,
    name: string,
    private readonly merchantRefund: boolean,
  ) {
    super(ctx, name);
  }

  async run(): Promise<void> {
    await this.login();
    await this.payForScan();
  }

  async finish(): Promise<void> {
    await this.payForScan();
    if (this.paid && this.merchantRefund) await this.refundPart();
  }

  private async payForScan(): Promise<void> {
    if (!this.orderNo) {
      const sent = await this.tap('upload paid bill', () =>
        this.t.http
          .post('/api/invoices/photos')
          .set(...this.auth())
          .field('amountFen', String(PAID_SCAN_FEN))
          .attach('file', this.ctx.bill, 'bill.jpg'),
      );
      if (sent.status !== 201) return;
      this.orderIds.push(sent.body.id as number);
      this.orderNo = sent.body.orderNo as string;
    }
    if (this.paid) return;
    const started = await this.tap('start payment', () =>
      this.t.http
        .post(`/api/payments/${this.orderNo}/start`)
        .set(...this.auth())
        .send({ returnUrl: 'http://localhost:10086/#/invoices/pages/scan/index' }),
    );
    if (started.status !== 200) return;
    const outcome = wechatpayOf(this.t).pay(this.orderNo);
    this.paid = outcome === 'paid' || outcome === 'already-paid';
    // Back from the payment sheet: the page asks (查单), which may itself meet a fault.
    await this.tap('sync payment', () => this.t.http.post(`/api/payments/${this.orderNo}/sync`).set(...this.auth()));
  }

  /** The merchant's partial refund, once the order's service has ended one way or the other. */
  private async refundPart(): Promise<void> {
    const ended = await eventually(async () => {
      const rows = (await this.t.dataSource.query(
        `SELECT p.fulfilment, p.paid_fen FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.order_no = ?`,
        [this.orderNo],
      )) as { fulfilment: string; paid_fen: number }[];
      return rows[0]?.fulfilment === 'done' ? rows[0] : undefined;
    }, 8_000);
    if (!ended) return;
    const owner = await this.t.loginMerchant('owner');
    const orderId = await this.orderId();
    await this.tap('merchant refund', () =>
      this.t.http
        .post(`/api/merchant/orders/${orderId}/refunds`)
        .set('Authorization', `Bearer ${owner}`)
        .send({
          amountFen: MERCHANT_REFUND_FEN,
          reason: '识别较慢，退部分费用',
          requestId: `vf${this.orderNo.slice(-8)}`,
        }),
    );
  }

  private async orderId(): Promise<number> {
    const rows = (await this.t.dataSource.query('SELECT id FROM orders WHERE order_no = ?', [this.orderNo])) as {
      id: number;
    }[];
    return Number(rows[0].id);
  }
}
