import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VendorEvent } from '../../callbacks/vendor-event.entity.js';
import { AppError } from '../../common/errors/app-error.js';
import { chinaDayOf, chinaDayStart, DAY_MS } from '../../orders/china-day.js';
import { ORDER_KINDS, type OrderKind, type OrderStatus } from '../../orders/order-status.js';
import { Order } from '../../orders/order.entity.js';
import type { DashboardDto, KindStatsDto, VendorStatsDto } from './dashboard.dto.js';
import { dialectSql } from './dialect-sql.js';

const MAX_DAYS = 366;

interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
  days: string[];
}

/**
 * The merchant's numbers over a period of China days, each from one GROUP BY over the orders
 * created (or the callbacks received) in it: orders per day and kind, completion and failure rates,
 * completed amounts, mean time to completion, and each vendor's callback error rate.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly dataSource: DataSource) {}

  async summary(from?: string, to?: string): Promise<DashboardDto> {
    const period = this.period(from, to);
    const [perDay, kinds, vendors] = await Promise.all([
      this.perDay(period),
      this.perKind(period),
      this.perVendor(period),
    ]);
    const totals = kinds.reduce(
      (sum, kind) => ({
        orders: sum.orders + kind.total,
        completed: sum.completed + kind.completed,
        failed: sum.failed + kind.failed,
        amountFen: sum.amountFen + kind.amountFen,
      }),
      { orders: 0, completed: 0, failed: 0, amountFen: 0 },
    );
    return { from: period.from, to: period.to, days: period.days, perDay, kinds, vendors, totals };
  }

  private period(from?: string, to?: string): Period {
    const last = to ?? chinaDayOf(new Date());
    const lastStart = chinaDayStart(last);
    const first = from ?? chinaDayOf(new Date(lastStart.getTime() - 6 * DAY_MS));
    const start = chinaDayStart(first);
    const count = Math.round((lastStart.getTime() - start.getTime()) / DAY_MS) + 1;
    if (count < 1) throw AppError.badRequest('BAD_PERIOD', '开始日期不能晚于结束日期');
    if (count > MAX_DAYS) throw AppError.badRequest('BAD_PERIOD', `统计区间最长 ${MAX_DAYS} 天，请缩短区间`);
    const days = Array.from({ length: count }, (_, i) => chinaDayOf(new Date(start.getTime() + i * DAY_MS)));
    return { from: first, to: last, start, end: new Date(lastStart.getTime() + DAY_MS), days };
  }

  private async perDay(period: Period): Promise<DashboardDto['perDay']> {
    const day = dialectSql(this.dataSource).chinaDay('o.created_at');
    const rows = await this.dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .select(day, 'day')
      .addSelect('o.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .where('o.created_at >= :start AND o.created_at < :end', { start: period.start, end: period.end })
      .groupBy(day)
      .addGroupBy('o.kind')
      .getRawMany<{ day: string; kind: OrderKind; count: string | number }>();
    const counts = new Map(rows.map((row) => [`${row.day}|${row.kind}`, Number(row.count)]));
    return period.days.flatMap((each) =>
      ORDER_KINDS.map((kind) => ({ day: each, kind, count: counts.get(`${each}|${kind}`) ?? 0 })),
    );
  }

  private async perKind(period: Period): Promise<KindStatsDto[]> {
    const seconds = dialectSql(this.dataSource).secondsBetween('o.created_at', 'o.status_changed_at');
    const rows = await this.dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .select('o.kind', 'kind')
      .addSelect('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(o.amount_fen)', 'amount')
      .addSelect(`SUM(${seconds})`, 'seconds')
      .where('o.created_at >= :start AND o.created_at < :end', { start: period.start, end: period.end })
      .groupBy('o.kind')
      .addGroupBy('o.status')
      .getRawMany<{
        kind: OrderKind;
        status: OrderStatus;
        count: string;
        amount: string | null;
        seconds: string | null;
      }>();
    return ORDER_KINDS.map((kind) => {
      const of = (status: OrderStatus) => rows.find((row) => row.kind === kind && row.status === status);
      const total = rows.filter((row) => row.kind === kind).reduce((sum, row) => sum + Number(row.count), 0);
      const completedRow = of('completed');
      const completed = Number(completedRow?.count ?? 0);
      const failed = Number(of('failed')?.count ?? 0);
      const cancelled = Number(of('cancelled')?.count ?? 0);
      return {
        kind,
        total,
        completed,
        failed,
        cancelled,
        open: total - completed - failed - cancelled,
        completionRate: rate(completed, total),
        failureRate: rate(failed, total),
        amountFen: Number(completedRow?.amount ?? 0),
        avgCompletionSeconds: completed > 0 ? Math.round(Number(completedRow?.seconds ?? 0) / completed) : null,
      };
    });
  }

  private async perVendor(period: Period): Promise<VendorStatsDto[]> {
    const rows = await this.dataSource
      .getRepository(VendorEvent)
      .createQueryBuilder('e')
      .select('e.vendor', 'vendor')
      .addSelect('e.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('e.received_at >= :start AND e.received_at < :end', { start: period.start, end: period.end })
      .groupBy('e.vendor')
      .addGroupBy('e.status')
      .getRawMany<{ vendor: string; status: string; count: string | number }>();
    const vendors = [...new Set(rows.map((row) => row.vendor))].sort();
    return vendors.map((vendor) => {
      const count = (status: string) =>
        Number(rows.find((row) => row.vendor === vendor && row.status === status)?.count ?? 0);
      const total = rows.filter((row) => row.vendor === vendor).reduce((sum, row) => sum + Number(row.count), 0);
      const rejected = count('rejected');
      const failed = count('failed');
      return { vendor, total, applied: count('applied'), rejected, failed, errorRate: rate(rejected + failed, total) };
    });
  }
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
