import { Inject, Injectable, Logger } from '@nestjs/common';
import { VendorApiError } from '@banshi/vendor-clients';
import { type TradeBill, WechatPayClient } from '@banshi/vendor-clients/wechatpay';
import { DataSource, In } from 'typeorm';
import { LeaseService } from '../../common/locks/lease.service.js';
import { isUniqueViolation, Transactions } from '../../database/transactions.js';
import { requireVendor, VENDOR_SETTINGS, type AvailableVendors } from '../../vendors/vendor-settings.js';
import { Payment } from '../entities/payment.entity.js';
import { PaymentsService } from '../payments.service.js';
import { matchBill, type BillMatch, type FoundMismatch } from './bill-matcher.js';
import { CATCH_UP_DAYS, daysUpTo, lastReadyDay } from './bill-days.js';
import { Books } from './books.js';
import { emptyCounts } from './mismatch-kinds.js';
import { missingFromBill } from './other-way.js';
import { ReconciliationMismatch } from './reconciliation-mismatch.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';

/** A day's reconciliation holds this lease: two instances (or the job and a rerun) never do it at once. */
const DAY_LEASE_TTL_MS = 10 * 60_000;
const EMPTY_BILL: TradeBill = {
  lines: [],
  summary: { count: 0, settlementFen: 0, refundFen: 0, feeFen: 0, orderFen: 0, requestedRefundFen: 0 },
};

/**
 * The daily reconciliation: WeChat Pay's ALL trade bill of a Beijing day (SHA1-checked by the
 * client) matched line by line with our payments and refunds, and our side of the day checked
 * against the bill. One run per day (`bill_date` is unique); a rerun replaces the day's mismatches.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  private readonly books: Books;
  private readonly clock: { now(): number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly client: WechatPayClient,
    private readonly leases: LeaseService,
    private readonly payments: PaymentsService,
    @Inject(VENDOR_SETTINGS) settings: AvailableVendors,
  ) {
    this.books = new Books(dataSource);
    this.clock = requireVendor(settings, 'wechatpay').clock ?? { now: () => Date.now() };
  }

  /** WeChat Pay's time (the system's; in sandbox the simulator's, which tests move). */
  now(): number {
    return this.clock.now();
  }

  /** The job's work: every ready day of the catch-up window that has no finished run. */
  async runDue(): Promise<void> {
    const days = daysUpTo(lastReadyDay(this.now()), CATCH_UP_DAYS);
    const finished = await this.dataSource.getRepository(ReconciliationRun).find({
      where: { billDate: In(days), status: In(['balanced', 'unbalanced']) },
      select: { billDate: true },
    });
    const done = new Set(finished.map((run) => run.billDate));
    for (const day of days.filter((each) => !done.has(each))) {
      const run = await this.reconcile(day);
      if (run !== 'busy' && run.status === 'failed') this.logger.warn(`reconciliation of ${day} failed: ${run.error}`);
    }
  }

  /** Reconciles one day now, unless it is being reconciled elsewhere (`busy`). */
  async reconcile(billDate: string): Promise<ReconciliationRun | 'busy'> {
    const result = await this.leases.runIfFree(`reconcile:${billDate}`, DAY_LEASE_TTL_MS, () =>
      this.reconcileNow(billDate),
    );
    return result.ran ? result.value : 'busy';
  }

  private async reconcileNow(billDate: string): Promise<ReconciliationRun> {
    const run = await this.begin(billDate);
    try {
      const bill = await this.fetch(billDate);
      const match = matchBill(
        bill.lines,
        await this.books.paymentsOf(bill.lines),
        await this.books.refundsOf(bill.lines),
      );
      const missing = await missingFromBill(billDate, match, this.books, this.client);
      await this.settleUnpaid(match.mismatches);
      return await this.finish(run, bill, match, missing);
    } catch (error) {
      return this.fail(run, error);
    }
  }

  private async begin(billDate: string): Promise<ReconciliationRun> {
    const runs = this.dataSource.getRepository(ReconciliationRun);
    const now = new Date();
    if (!(await runs.existsBy({ billDate }))) {
      await runs.insert({ billDate, status: 'running', startedAt: now, createdAt: now }).catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
      });
    }
    await runs.update({ billDate }, { status: 'running', startedAt: now, finishedAt: null, error: null });
    await runs.increment({ billDate }, 'attempts', 1);
    return runs.findOneByOrFail({ billDate });
  }

  /** The day's ALL bill; a day without any trade has no file (NO_STATEMENT_EXIST): an empty bill. */
  private async fetch(billDate: string): Promise<TradeBill> {
    let bill: TradeBill;
    try {
      bill = await this.client.fetchTradeBill(billDate, 'ALL');
    } catch (error) {
      if (error instanceof VendorApiError && error.code === 'NO_STATEMENT_EXIST') return EMPTY_BILL;
      throw error;
    }
    if (bill.summary.count !== bill.lines.length) {
      throw new VendorApiError('wechatpay', 'trade bill summary does not count its lines', { code: 'BILL_INCOMPLETE' });
    }
    return bill;
  }

  /**
   * WeChat Pay took money for an order we hold as unpaid or closed: asked about it (查询订单) and
   * applied as a notification would be — paid and served, or refunded when the order was closed.
   */
  private async settleUnpaid(mismatches: FoundMismatch[]): Promise<void> {
    for (const found of mismatches.filter((each) => each.kind === 'not_paid_here')) {
      const payment = await this.dataSource.getRepository(Payment).findOneBy({ outTradeNo: found.outTradeNo });
      if (!payment) continue;
      const outcome = await this.payments.querySettle(payment).catch((error: unknown) => `error: ${String(error)}`);
      this.logger.log(`reconciliation settled ${found.outTradeNo}: ${outcome}`);
    }
  }

  private async finish(
    run: ReconciliationRun,
    bill: TradeBill,
    match: BillMatch,
    missing: FoundMismatch[],
  ): Promise<ReconciliationRun> {
    const found = dedupe([...match.mismatches, ...missing]);
    const counts = emptyCounts();
    for (const each of found) counts[each.kind]++;
    const sum = (state: 'SUCCESS' | 'REFUND', pick: (fen: TradeBill['lines'][number]) => number) =>
      bill.lines
        .filter((line) => (line.tradeState === 'REFUND') === (state === 'REFUND'))
        .reduce((t, l) => t + pick(l), 0);
    const ours = (kind: string) => missing.filter((m) => m.kind === kind).reduce((t, m) => t + (m.ourFen ?? 0), 0);
    const now = new Date();
    await this.transactions.run(async (manager) => {
      await manager.delete(ReconciliationMismatch, { runId: run.id });
      const rows = found.map((each) => ({
        ...each,
        runId: run.id,
        billDate: run.billDate,
        matchKey: keyOf(each),
        createdAt: now,
      }));
      for (let at = 0; at < rows.length; at += 200)
        await manager.insert(ReconciliationMismatch, rows.slice(at, at + 200));
      await manager.update(
        ReconciliationRun,
        { id: run.id },
        {
          status: found.length ? 'unbalanced' : 'balanced',
          error: null,
          billLines: bill.lines.length,
          matched: match.matched,
          mismatches: found.length,
          counts,
          wechatPaidFen: sum('SUCCESS', (line) => line.orderFen),
          wechatRefundFen: sum('REFUND', (line) => line.refundFen),
          wechatFeeFen: bill.summary.feeFen,
          ourPaidFen: match.ourPaidFen + ours('missing_at_wechat'),
          ourRefundFen: match.ourRefundFen + ours('refund_missing'),
          finishedAt: now,
        },
      );
    });
    return this.dataSource.getRepository(ReconciliationRun).findOneByOrFail({ id: run.id });
  }

  /** The bill could not be had or read: kept as failed with the reason; the job tries again. */
  private async fail(run: ReconciliationRun, error: unknown): Promise<ReconciliationRun> {
    this.logger.warn({ err: error }, `reconciliation of ${run.billDate} failed`);
    await this.dataSource
      .getRepository(ReconciliationRun)
      .update({ id: run.id }, { status: 'failed', error: failureWords(error), finishedAt: new Date() });
    return this.dataSource.getRepository(ReconciliationRun).findOneByOrFail({ id: run.id });
  }
}

const keyOf = (found: FoundMismatch) => `${found.kind}:${found.outTradeNo}:${found.outRefundNo ?? ''}`;

/** A bill naming the same order twice gives one mismatch per kind and number. */
function dedupe(found: FoundMismatch[]): FoundMismatch[] {
  const seen = new Map<string, FoundMismatch>();
  for (const each of found) if (!seen.has(keyOf(each))) seen.set(keyOf(each), each);
  return [...seen.values()];
}

function failureWords(error: unknown): string {
  const code = error instanceof VendorApiError ? error.code : undefined;
  if (error instanceof VendorApiError && (error.httpStatus ?? 0) >= 500)
    return '微信支付暂时不可用，系统稍后会自动重试';
  if (code === 'STATEMENT_CREATING') return '微信支付账单仍在生成中，系统稍后会自动重试';
  if (code === 'BILL_HASH_MISMATCH') return '下载的账单未通过哈希校验，可能传输不完整，系统稍后会自动重试';
  if (code === 'BILL_INCOMPLETE' || code === 'INVALID_BILL') return '账单内容不完整，系统稍后会自动重试';
  if (code) return `微信支付返回错误（${code}），系统稍后会自动重试`;
  return '暂时无法连接微信支付，系统稍后会自动重试';
}
