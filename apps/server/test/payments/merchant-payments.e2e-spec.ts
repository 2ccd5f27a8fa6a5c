import { chinaDayOf } from '../../src/orders/china-day.js';
import { Payment, PAYMENT_STATUSES, type PaymentStatus } from '../../src/payments/entities/payment.entity.js';
import { RAW_WORDS } from '../browser/support/raw-words.js';
import { seedOrders, seedUsers, type SeededOrder } from '../merchant/support.js';
import { testDatabases } from '../support/databases.js';
import { seedOrder, userIdOf } from '../support/orders.js';
import type { TestApp } from '../support/test-app.js';
import { auth } from '../inspection/support.js';
import {
  INSPECTION_PRICE,
  merchantRefund,
  occupyCarAtVendor,
  paidOrder,
  settle,
  startPayment,
  unpaidOrder,
  wechatpay,
  startPricedApp,
} from './support.js';

interface Row {
  id: number;
  orderId: number;
  orderNo: string;
  kind: string;
  status: PaymentStatus;
  statusLabel: string;
  amountFen: number;
  paidFen: number;
  refundedFen: number;
  refundableFen: number;
  createdAt: string;
  paidAt: string | null;
  transactionId: string | null;
  userPhoneLast4: string | null;
  refunds: Array<Record<string, unknown>>;
}

interface Section {
  key: string;
  title: string;
  fields: Array<{ label: string; value: string }>;
}

const fieldsOf = (section: Section | undefined) =>
  Object.fromEntries((section?.fields ?? []).map((field) => [field.label, field.value]));

/** Bulk payments for seeded orders: every status, amounts that vary, a few orders left free. */
async function seedPayments(t: TestApp, orders: SeededOrder[]): Promise<number> {
  const rows = orders
    .filter((_, i) => i % 9 !== 4)
    .map((order, i) => {
      const status = PAYMENT_STATUSES[i % PAYMENT_STATUSES.length];
      const paid = !['created', 'paying', 'closed'].includes(status);
      const paidFen = paid ? order.amountFen : 0;
      const refundedFen = status === 'refunded' ? paidFen : status === 'partially_refunded' ? 100 : 0;
      return {
        orderId: order.id,
        userId: order.userId,
        outTradeNo: order.orderNo,
        amountFen: order.amountFen,
        description: '测试',
        status,
        paidFen,
        refundedFen,
        transactionId: paid ? `42000000${String(order.id).padStart(20, '0')}` : null,
        paidAt: paid ? order.createdAt : null,
        expiresAt: order.createdAt,
        fulfilment: 'none' as const,
        createdAt: order.createdAt,
        updatedAt: order.createdAt,
      };
    });
  await t.dataSource.createQueryBuilder().insert().into(Payment).values(rows).updateEntity(false).execute();
  return rows.length;
}

describe.each(testDatabases())("the merchant's payments and the order view's 支付 section (%s)", (kind) => {
  let t: TestApp;
  let owner: string;
  let staff: string;
  const real: Record<'paid' | 'partial' | 'auto' | 'unpaid', { orderId: number; orderNo: string }> = {} as never;

  beforeAll(async () => {
    t = await startPricedApp(kind);
    owner = await t.loginMerchant('owner');
    staff = await t.loginMerchant('clerk', 'staff');
    real.paid = await paidOrder(t, 'mp-paid');
    real.partial = await paidOrder(t, 'mp-partial');
    await merchantRefund(t, real.partial.orderId, 4_800, '材料寄送延误，退部分服务费', 'mpdialog01');
    // The vendor refuses the paid order (the car already has an open order there): refunded automatically.
    const auto = await unpaidOrder(t, 'mp-auto');
    await occupyCarAtVendor(t, auto.token, auto.carId);
    await startPayment(t, auto.token, auto.orderNo);
    wechatpay(t).pay(auto.orderNo);
    await settle(t);
    real.auto = auto;
    real.unpaid = await unpaidOrder(t, 'mp-unpaid');
    const users = await seedUsers(t.dataSource, 6, 'mp');
    await seedPayments(t, await seedOrders(t.dataSource, users, 60, 'MP', 7));
  }, 120_000);
  afterAll(() => t.close());

  /** Follows the cursors to the end; checks the total and sums every page states. */
  async function listAll(token: string, query: Record<string, string | number> = {}, limit = 20) {
    const items: Row[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let total = -1;
    do {
      const res: { body: { items: Row[]; nextCursor: string | null; total: number } } = await t.http
        .get('/api/merchant/payments')
        .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
        .set(auth(token))
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      if (total >= 0) expect(res.body.total).toBe(total);
      total = res.body.total;
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(total).toBe(items.length);
    return { items, pages };
  }

  it('lists every payment exactly once, newest first, on pages of 20; staff may read it', async () => {
    const { items, pages } = await listAll(staff);
    const payments = await t.dataSource.getRepository(Payment).find();
    expect(items).toHaveLength(payments.length);
    expect(pages).toBe(Math.ceil(payments.length / 20));
    expect(new Set(items.map((row) => row.id)).size).toBe(items.length);
    const inOrder = items.every((row, i) => {
      if (i === 0) return true;
      const [at, before] = [Date.parse(row.createdAt), Date.parse(items[i - 1].createdAt)];
      return at < before || (at === before && row.orderId < items[i - 1].orderId);
    });
    expect(inOrder).toBe(true);
    // The newest are the real orders, placed just now.
    expect(items[0].orderNo).toBe(real.unpaid.orderNo);
    const sums = await t.http.get('/api/merchant/payments').query({ limit: 1 }).set(auth(owner)).expect(200);
    expect(sums.body.paidFen).toBe(payments.reduce((sum, p) => sum + p.paidFen, 0));
    expect(sums.body.refundedFen).toBe(payments.reduce((sum, p) => sum + p.refundedFen, 0));
    await t.http.get('/api/merchant/payments').expect(401);
  });

  it('filters by status (one or several), kind, days, order number and amount, paging the same way', async () => {
    const { items: all } = await listAll(owner, {}, 100);
    const check = async (query: Record<string, string | number>, keep: (row: Row) => boolean) => {
      const { items } = await listAll(owner, query, 7);
      const expected = all.filter(keep).map((row) => row.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(items.map((row) => row.id)).toEqual(expected);
    };
    for (const status of PAYMENT_STATUSES) await check({ status }, (row) => row.status === status);
    await check({ status: 'created,paying' }, (row) => row.status === 'created' || row.status === 'paying');
    await check({ kind: 'inspection' }, (row) => row.kind === 'inspection');
    await check({ kind: 'id_photo', status: 'paid' }, (row) => row.kind === 'id_photo' && row.status === 'paid');
    await check({ from: '2025-01-10', to: '2025-01-20' }, (row) => {
      const day = chinaDayOf(new Date(row.createdAt));
      return day >= '2025-01-10' && day <= '2025-01-20';
    });
    await check({ orderNo: real.partial.orderNo }, (row) => row.orderNo === real.partial.orderNo);
    await check({ minAmountFen: 1000, maxAmountFen: 3000 }, (row) => row.amountFen >= 1000 && row.amountFen <= 3000);
  });

  it('refuses malformed filters and cursors in Chinese', async () => {
    const bad = async (query: Record<string, string>, message: string) => {
      const res = await t.http.get('/api/merchant/payments').query(query).set(auth(owner)).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(message);
    };
    await bad({ status: 'paid,done' }, '支付状态筛选无效');
    await bad({ kind: 'pizza' }, '订单类型无效');
    await bad({ from: '2025-02-30' }, '日期无效');
    await bad({ minAmountFen: '-1' }, '最低金额不能为负数');
    await bad({ cursor: 'nonsense' }, '分页参数无效');
  });

  it('each row: amounts, status in words, masked transaction id and user, refunds with who made them', async () => {
    const { items } = await listAll(owner, {}, 100);
    const row = (orderNo: string) => items.find((item) => item.orderNo === orderNo) as Row;
    const partial = row(real.partial.orderNo);
    expect(partial).toMatchObject({
      kind: 'inspection',
      status: 'partially_refunded',
      statusLabel: '部分退款',
      amountFen: INSPECTION_PRICE,
      paidFen: INSPECTION_PRICE,
      refundedFen: 4_800,
      refundableFen: INSPECTION_PRICE - 4_800,
    });
    expect(partial.paidAt).not.toBeNull();
    const [payment] = await t.dataSource.getRepository(Payment).findBy({ orderId: real.partial.orderId });
    expect(payment.transactionId).toBeTruthy();
    expect(partial.transactionId).toContain('****');
    expect(partial.transactionId).not.toBe(payment.transactionId);
    expect(partial.refunds).toEqual([
      expect.objectContaining({
        outRefundNo: `${real.partial.orderNo}RMmpdialog01`,
        amountFen: 4_800,
        reason: '材料寄送延误，退部分服务费',
        status: 'success',
        statusLabel: '已退款',
        initiator: 'merchant',
        initiatorLabel: '商家退款',
      }),
    ]);
    const auto = row(real.auto.orderNo);
    expect(auto).toMatchObject({ status: 'refunded', statusLabel: '已退款', refundableFen: 0 });
    expect(auto.refunds).toEqual([
      expect.objectContaining({
        amountFen: INSPECTION_PRICE,
        status: 'success',
        initiator: 'automatic',
        initiatorLabel: '自动退款（服务未能完成）',
      }),
    ]);
    expect(row(real.paid.orderNo)).toMatchObject({ status: 'paid', statusLabel: '已支付', refunds: [] });
    expect(row(real.unpaid.orderNo)).toMatchObject({ status: 'created', statusLabel: '待支付', paidFen: 0 });
    // The user as the orders list shows them: the last four digits of the phone and nothing more.
    expect(Object.keys(partial).filter((key) => /phone|user/i.test(key))).toEqual([
      'userId',
      'userNickname',
      'userPhoneLast4',
    ]);
    expect(partial.userPhoneLast4).toMatch(/^\d{4}$/);
  });

  it('the order view: a 支付 section in words with each refund, for both merchant UIs; none for a free order', async () => {
    const view = async (orderId: number, token = staff) =>
      (await t.http.get(`/api/merchant/orders/${orderId}/view`).set(auth(token)).expect(200)).body as {
        sections: Section[];
        payment: Row | null;
      };
    const partial = await view(real.partial.orderId);
    const keys = partial.sections.map((s) => s.key);
    expect(keys.slice(0, 3)).toEqual(['order', 'payment', 'payment-refund-1']);
    const payment = partial.sections[1];
    expect(payment.title).toBe('支付');
    expect(fieldsOf(payment)).toMatchObject({
      支付状态: '部分退款',
      订单金额: '¥148.00',
      实付金额: '¥148.00',
      已退金额: '¥48.00',
      可退金额: '¥100.00',
      支付方式: '微信支付',
      商户订单号: real.partial.orderNo,
      退款笔数: '1 笔',
    });
    expect(fieldsOf(payment).支付时间).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(partial.sections[2].title).toBe('退款 1 · ¥48.00');
    expect(fieldsOf(partial.sections[2])).toMatchObject({
      退款金额: '¥48.00',
      退款状态: '已退款',
      发起方: '商家退款',
      退款原因: '材料寄送延误，退部分服务费',
      退款单号: `${real.partial.orderNo}RMmpdialog01`,
    });
    expect(partial.payment).toMatchObject({ refundableFen: 10_000, status: 'partially_refunded' });
    for (const section of partial.sections.filter((s) => s.key.startsWith('payment'))) {
      for (const field of section.fields) {
        expect(field.label).not.toMatch(RAW_WORDS);
        expect(field.value).not.toMatch(RAW_WORDS);
      }
    }

    const auto = await view(real.auto.orderId, owner);
    expect(fieldsOf(auto.sections.find((s) => s.key === 'payment-refund-1'))).toMatchObject({
      发起方: '自动退款（服务未能完成）',
      退款金额: '¥148.00',
    });
    const unpaid = await view(real.unpaid.orderId);
    expect(fieldsOf(unpaid.sections.find((s) => s.key === 'payment'))).toMatchObject({
      支付状态: '待支付',
      支付时间: '未支付',
      退款笔数: '0 笔',
    });
    expect(fieldsOf(unpaid.sections.find((s) => s.key === 'payment'))).not.toHaveProperty('实付金额');

    const free = await seedOrder(t, await userIdOf(t, await t.loginUser('mp-free')), 'id_photo');
    const freeView = await view(free.id);
    expect(freeView.payment).toBeNull();
    expect(freeView.sections.some((s) => s.key.startsWith('payment'))).toBe(false);
  });
});
