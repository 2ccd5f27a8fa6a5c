import type { WechatPaySimulator } from '@banshi/vendor-simulators/wechatpay';
import { In, type DataSource } from 'typeorm';
import { PaymentWorker } from '../../src/payments/payment-worker.js';
import { Payment } from '../../src/payments/entities/payment.entity.js';
import { Refund } from '../../src/payments/entities/refund.entity.js';
import type { TestApp } from './test-app.js';

/**
 * The money invariant of design.md ("for every order: taken = delivered + refunded"), read from
 * the database once the vendors have recovered and everything in flight has settled, and, when the
 * WeChat Pay simulator is at hand, against its own books (its stats taken before the test's
 * orders, so that its totals cover the same orders). The fault, storm and crash tests end
 * with it; the payment e2e tests check single orders by hand.
 *
 * "Delivered" is read from the service's side, not from the refunds: a payment whose fulfilment
 * ended `done` delivered what was paid less the refunds of parts not delivered (and the merchant's
 * own); one that ended `refunded` delivered nothing. So a refund that was never sent, sent twice, or
 * stuck shows up as a difference instead of cancelling itself out.
 */
export interface MoneyReport {
  /** Orders with a payment that took money. */
  orders: number;
  takenFen: number;
  deliveredFen: number;
  refundedFen: number;
  /** Money of ABNORMAL refunds: neither delivered nor back with the user, owed by the merchant. */
  awaitingMerchantFen: number;
  /** Orders whose taken ≠ delivered + refunded, with the figures. */
  unbalanced: string[];
  /** Orders paid more than once (in our books or at WeChat Pay), or paid above their amount. */
  chargedTwice: string[];
  /** Priced orders that reached their vendor without their payment being known. */
  vendorWithoutPayment: string[];
  /** Paid orders neither delivered nor refunded (fulfilment still owed, or a refund not ended). */
  limbo: string[];
  /** Refunds WeChat Pay ended ABNORMAL (the card is closed): a person's to settle, counted apart. */
  awaitingMerchant: string[];
  /** Refunds beyond one per key, or above what was paid, or unknown to us at WeChat Pay. */
  refundedTwice: string[];
  /** Our books and WeChat Pay's disagree (only with the simulator). */
  disagreements: string[];
}

interface PaymentRow {
  order_id: number;
  order_no: string;
  status: string;
  vendor_ref: string | null;
  amount_fen: number;
  out_trade_no: string;
  paid_fen: number;
  refunded_fen: number;
  fulfilment: string;
}

interface RefundRow {
  order_id: number;
  out_refund_no: string;
  amount_fen: number;
  status: string;
}

/** Reads the books; `wechatpay` adds WeChat Pay's own view of every payment and refund. */
export async function moneyInvariant(
  dataSource: DataSource,
  options: { wechatpay?: { sim: WechatPaySimulator; since: WechatPayStats }; orderNoLike?: string } = {},
): Promise<MoneyReport> {
  const like = options.orderNoLike ?? '%';
  const payments = (await dataSource.query(
    `SELECT o.id AS order_id, o.order_no, o.status, o.vendor_ref, p.amount_fen, p.out_trade_no, p.paid_fen,
            p.refunded_fen, p.fulfilment
     FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.order_no LIKE ? ORDER BY o.id`,
    [like],
  )) as PaymentRow[];
  const refunds = (await dataSource.query(
    `SELECT r.order_id, r.out_refund_no, r.amount_fen, r.status
     FROM payment_refunds r JOIN orders o ON o.id = r.order_id WHERE o.order_no LIKE ?`,
    [like],
  )) as RefundRow[];
  const refundsOf = new Map<number, RefundRow[]>();
  for (const r of refunds) refundsOf.set(Number(r.order_id), [...(refundsOf.get(Number(r.order_id)) ?? []), r]);

  const report: MoneyReport = {
    orders: 0,
    takenFen: 0,
    deliveredFen: 0,
    refundedFen: 0,
    awaitingMerchantFen: 0,
    unbalanced: [],
    chargedTwice: [],
    vendorWithoutPayment: [],
    limbo: [],
    refundedTwice: [],
    disagreements: [],
    awaitingMerchant: [],
  };
  for (const row of payments) {
    const p = numeric(row);
    const own = refundsOf.get(p.order_id) ?? [];
    if (p.paid_fen === 0) {
      if (p.vendor_ref !== null || ['processing', 'completed'].includes(p.status)) {
        report.vendorWithoutPayment.push(`${p.order_no} ${p.status} vendor ${p.vendor_ref ?? '-'}`);
      }
      if (own.length > 0) report.refundedTwice.push(`${p.order_no}: refund of an unpaid order`);
      continue;
    }
    report.orders++;
    checkOne(p, own, report);
  }
  if (options.wechatpay) againstWechatPay(options.wechatpay, payments.map(numeric), refunds, report);
  return report;
}

function checkOne(p: PaymentRow, own: RefundRow[], report: MoneyReport): void {
  const succeeded = own.filter((r) => r.status === 'success').reduce((sum, r) => sum + Number(r.amount_fen), 0);
  const committed = own.filter((r) => r.status !== 'closed').reduce((sum, r) => sum + Number(r.amount_fen), 0);
  const delivered = p.fulfilment === 'done' ? p.paid_fen - committed : 0;
  report.takenFen += p.paid_fen;
  report.refundedFen += succeeded;
  report.deliveredFen += Math.max(delivered, 0);
  if (p.paid_fen > p.amount_fen) report.chargedTwice.push(`${p.order_no}: paid ${p.paid_fen} of ${p.amount_fen}`);
  if (committed > p.paid_fen || succeeded !== p.refunded_fen) {
    report.refundedTwice.push(`${p.order_no}: refunds ${committed} (ended ${succeeded}, books ${p.refunded_fen})`);
  }
  if (!['done', 'refunded'].includes(p.fulfilment)) report.limbo.push(`${p.order_no}: fulfilment ${p.fulfilment}`);
  const abnormal = own.filter((r) => r.status === 'abnormal');
  for (const r of abnormal) report.awaitingMerchant.push(`${r.out_refund_no} ${r.amount_fen}`);
  const stuck = abnormal.reduce((sum, r) => sum + Number(r.amount_fen), 0);
  report.awaitingMerchantFen += stuck;
  const open = own.filter((r) => ['pending', 'processing'].includes(r.status));
  for (const r of open) report.limbo.push(`${p.order_no}: refund ${r.out_refund_no} ${r.status}`);
  if (p.fulfilment === 'done' && ['failed', 'cancelled'].includes(p.status) && committed < p.paid_fen) {
    report.limbo.push(`${p.order_no}: ${p.status} yet ${p.paid_fen - committed} kept`);
  }
  // An ABNORMAL refund is neither delivered nor back with the user: it balances only as owed.
  if (p.paid_fen !== Math.max(delivered, 0) + succeeded + stuck) {
    report.unbalanced.push(
      `${p.order_no}: taken ${p.paid_fen} ≠ delivered ${delivered} + refunded ${succeeded} + abnormal ${stuck} (${p.fulfilment})`,
    );
  }
}

type WechatPayStats = ReturnType<WechatPaySimulator['stats']>;

/**
 * WeChat Pay's books: each payment of ours paid there with the same amount, each refund of ours
 * there with the same status and amount, and its totals (since `since`, the stats taken before the
 * test's orders) neither more payments nor more refunds than ours: a refund sent twice under two
 * keys, or money taken for an order we do not know, shows there.
 */
function againstWechatPay(
  wechatpay: { sim: WechatPaySimulator; since: WechatPayStats },
  payments: PaymentRow[],
  refunds: RefundRow[],
  report: MoneyReport,
): void {
  const { sim, since } = wechatpay;
  for (const p of payments) {
    const at = sim.transaction(p.out_trade_no);
    const paidThere = at && ['SUCCESS', 'REFUND'].includes(at.trade_state) ? (at.amount?.total ?? 0) : 0;
    if (paidThere !== p.paid_fen)
      report.disagreements.push(`${p.order_no}: paid ${p.paid_fen}, WeChat Pay ${paidThere}`);
  }
  for (const r of refunds) {
    const there = sim.refund(r.out_refund_no);
    const status = there?.status.toLowerCase() ?? 'pending';
    if (status !== r.status || (there && there.amount.refund !== Number(r.amount_fen))) {
      report.disagreements.push(`${r.out_refund_no}: ours ${r.status}, WeChat Pay ${there?.status ?? 'none'}`);
    }
  }
  const now = sim.stats();
  const paid = payments.filter((p) => p.paid_fen > 0);
  const accepted = refunds.filter((r) => sim.refund(r.out_refund_no) !== undefined);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (now.paid - since.paid !== paid.length || now.paidFen - since.paidFen !== sum(paid.map((p) => p.paid_fen))) {
    report.chargedTwice.push(`WeChat Pay took ${now.paid - since.paid} payments, we know ${paid.length}`);
  }
  if (now.refunds - since.refunds !== accepted.length) {
    report.refundedTwice.push(`WeChat Pay accepted ${now.refunds - since.refunds} refunds, we sent ${accepted.length}`);
  }
  const ended = sum(refunds.filter((r) => r.status === 'success').map((r) => Number(r.amount_fen)));
  if (now.refundedFen - since.refundedFen !== ended) {
    report.refundedTwice.push(`WeChat Pay refunded ${now.refundedFen - since.refundedFen} fen, we count ${ended}`);
  }
}

const numeric = (row: PaymentRow): PaymentRow => ({
  ...row,
  order_id: Number(row.order_id),
  amount_fen: Number(row.amount_fen),
  paid_fen: Number(row.paid_fen),
  refunded_fen: Number(row.refunded_fen),
});

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The one line the suites print. */
export function moneyLine(report: MoneyReport): string {
  return (
    `money invariant: ${report.orders} orders, taken ${yuan(report.takenFen)} = delivered ${yuan(report.deliveredFen)}` +
    ` + refunded ${yuan(report.refundedFen)} + owed by the merchant (refunds ABNORMAL) ${yuan(report.awaitingMerchantFen)};` +
    ` unbalanced ${report.unbalanced.length}; charged twice ${report.chargedTwice.length};` +
    ` vendor orders without payment ${report.vendorWithoutPayment.length}; neither served nor refunded ${report.limbo.length};` +
    ` refunded twice ${report.refundedTwice.length}; disagreements with WeChat Pay ${report.disagreements.length};` +
    ` refunds ABNORMAL awaiting the merchant ${report.awaitingMerchant.length}`
  );
}

/** Prints the line and answers the findings (empty lists when the invariant holds), for `toEqual`. */
export async function checkMoney(
  label: string,
  dataSource: DataSource,
  options: Parameters<typeof moneyInvariant>[1] = {},
): Promise<{ report: MoneyReport; findings: Record<string, string[]> }> {
  const report = await moneyInvariant(dataSource, options);
  console.warn(`${label}: ${moneyLine(report)}`);
  const { unbalanced, chargedTwice, vendorWithoutPayment, limbo, refundedTwice, disagreements, awaitingMerchant } =
    report;
  const findings = {
    unbalanced,
    chargedTwice,
    vendorWithoutPayment,
    limbo,
    refundedTwice,
    disagreements,
    awaitingMerchant,
  };
  return { report, findings: Object.fromEntries(Object.entries(findings).map(([k, v]) => [k, v.slice(0, 5)])) };
}

/** What `checkMoney`'s findings are when the invariant holds. */
export const MONEY_HOLDS = {
  unbalanced: [],
  chargedTwice: [],
  vendorWithoutPayment: [],
  limbo: [],
  refundedTwice: [],
  disagreements: [],
  awaitingMerchant: [],
};

/**
 * Once the vendors have recovered: the money's background work is run until nothing is left to do,
 * as the payments job would over the next hours (payments not heard of are asked about, services
 * owed are called, pending refunds sent, silent ones queried), with its waits cut to now.
 */
export async function recoverMoney(
  dataSource: DataSource,
  tick: () => Promise<void>,
  idle: () => Promise<void> = async () => undefined,
  rounds = 6,
): Promise<void> {
  const past = new Date(Date.now() - 3_600_000);
  for (let round = 0; round < rounds; round++) {
    const payments = dataSource.getRepository(Payment);
    await payments.update({ status: 'paying' }, { updatedAt: past });
    await payments.update({ fulfilment: 'due' }, { fulfilNextAt: past });
    const refunds = dataSource.getRepository(Refund);
    await refunds.update({ status: 'pending' }, { nextAttemptAt: past });
    await refunds.update({ status: In(['processing', 'abnormal']) }, { updatedAt: past });
    await tick();
    await idle();
    const owed = await payments.countBy({ fulfilment: 'due' });
    const open = await refunds.countBy({ status: In(['pending', 'processing']) });
    if (owed + open === 0) return;
  }
}

export const wechatpayOf = (t: TestApp) => t.sandbox.get<WechatPaySimulator>('wechatpay');

/** `recoverMoney` in the test app: its payments job, with WeChat Pay's and our worker's work waited for. */
export function recoverPayments(t: TestApp): Promise<void> {
  const sim = wechatpayOf(t);
  return recoverMoney(
    t.dataSource,
    // The tick's steps themselves, not the job under its lease: the job's own timer may hold that
    // lease (until its TTL when a release was lost), and each step has its own per-payment locks.
    () => t.app.get(PaymentWorker).tick(),
    async () => {
      await sim.idle();
      await t.app.get(PaymentWorker).idle();
    },
  );
}
