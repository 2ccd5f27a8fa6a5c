import { Payment, type FulfilmentState } from '../../src/payments/entities/payment.entity.js';
import { Refund, type RefundStatus } from '../../src/payments/entities/refund.entity.js';
import { Order } from '../../src/orders/order.entity.js';
import { testDatabases } from '../support/databases.js';
import { moneyInvariant } from '../support/money-invariant.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The checker the fault suites end with must see each way money can go wrong; otherwise their
 * "0" would prove nothing. Books are written straight into the tables, one order per case.
 */
describe.each(testDatabases())('money invariant checker (%s)', (kind) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function books(
    paidFen: number,
    fulfilment: FulfilmentState,
    refunds: [number, RefundStatus][],
    order: Partial<Order> = {},
  ): Promise<string> {
    const orderNo = `MI${kind[0]}${++serial}`.toUpperCase();
    const now = new Date();
    const saved = await t.dataSource.getRepository(Order).save({
      orderNo,
      kind: 'invoice_scan',
      status: 'completed',
      vendorStatus: null,
      vendorRef: null,
      progress: 3,
      amountFen: 300,
      title: '票据拍照识别',
      userId: 1,
      createdAt: now,
      updatedAt: now,
      statusChangedAt: now,
      ...order,
    });
    const refundedFen = refunds.filter(([, s]) => s === 'success').reduce((sum, [fen]) => sum + fen, 0);
    const payment = await t.dataSource.getRepository(Payment).save({
      orderId: saved.id,
      userId: 1,
      outTradeNo: orderNo,
      amountFen: 300,
      lines: null,
      description: '票据拍照识别',
      status: paidFen > 0 ? 'paid' : 'closed',
      prepayId: null,
      transactionId: null,
      paidFen,
      refundedFen,
      paidAt: null,
      expiresAt: now,
      fulfilment,
      fulfilAttempts: 0,
      fulfilNextAt: null,
      createdAt: now,
      updatedAt: now,
    });
    for (const [i, [amountFen, status]] of refunds.entries()) {
      await t.dataSource.getRepository(Refund).save({
        paymentId: payment.id,
        orderId: saved.id,
        outRefundNo: `${orderNo}RF${i}`,
        amountFen,
        reason: '测试',
        status,
        refundId: null,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        succeededAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    return orderNo;
  }

  const check = async (orderNo: string) => moneyInvariant(t.dataSource, { orderNoLike: orderNo });

  it('balanced books pass: delivered, refunded whole, delivered in part', async () => {
    for (const orderNo of [
      await books(300, 'done', []),
      await books(300, 'refunded', [[300, 'success']]),
      await books(300, 'done', [
        [100, 'success'],
        [50, 'closed'],
      ]),
    ]) {
      const report = await check(orderNo);
      expect(report).toMatchObject({ orders: 1, unbalanced: [], limbo: [], refundedTwice: [], chargedTwice: [] });
      expect(report.takenFen).toBe(report.deliveredFen + report.refundedFen);
    }
  });

  it('sees a refund sent twice, one never ended, one never sent, and money kept for a failed order', async () => {
    const twice = await check(
      await books(300, 'refunded', [
        [300, 'success'],
        [300, 'success'],
      ]),
    );
    expect(twice.refundedTwice).toHaveLength(1);
    expect(twice.unbalanced).toHaveLength(1);
    expect((await check(await books(300, 'refunded', [[300, 'processing']]))).limbo).toHaveLength(1);
    expect((await check(await books(300, 'refunded', []))).unbalanced).toHaveLength(1);
    expect((await check(await books(300, 'done', [], { status: 'failed' }))).limbo).toHaveLength(1);
  });

  it('sees a service still owed, a double charge, and a vendor order without a payment', async () => {
    expect((await check(await books(300, 'due', []))).limbo).toEqual([expect.stringContaining('fulfilment due')]);
    expect((await check(await books(600, 'done', []))).chargedTwice).toHaveLength(1);
    const unpaid = await check(await books(0, 'none', [], { vendorRef: 'YD1', status: 'processing' }));
    expect(unpaid.vendorWithoutPayment).toHaveLength(1);
  });

  it('an ABNORMAL refund is counted apart, as owed, not as a break', async () => {
    const report = await check(await books(300, 'refunded', [[300, 'abnormal']]));
    expect(report).toMatchObject({ unbalanced: [], limbo: [], awaitingMerchant: [expect.any(String)] });
  });
});
