import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { decodeCursor, toPage } from '../../common/keyset.js';
import type { PageQueryDto } from '../../orders/dto/page-query.dto.js';
import { DAY_PATTERN } from './bill-days.js';
import { ReconciliationMismatch } from './reconciliation-mismatch.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';
import type {
  MismatchQueryDto,
  ReconciliationMismatchPageDto,
  ReconciliationRunPageDto,
} from './reconciliation.dto.js';
import { mismatchView, runView } from './reconciliation-view.js';

const encodeDay = (day: string) => Buffer.from(`d:${day}`).toString('base64url');

function decodeDay(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const day = Buffer.from(cursor, 'base64url').toString('utf8').slice(2);
  if (!DAY_PATTERN.test(day)) throw AppError.badRequest('BAD_CURSOR', '分页参数无效，请刷新列表后重试');
  return day;
}

/** What the console reads: the runs, newest day first, and the mismatches, newest first. */
@Injectable()
export class ReconciliationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async runs(query: PageQueryDto): Promise<ReconciliationRunPageDto> {
    const limit = query.limit ?? 20;
    const before = decodeDay(query.cursor);
    const builder = this.dataSource.getRepository(ReconciliationRun).createQueryBuilder('r');
    if (before) builder.where('r.bill_date < :before', { before });
    const rows = await builder
      .orderBy('r.bill_date', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return {
      items: page.map(runView),
      nextCursor: rows.length > limit ? encodeDay(page[page.length - 1].billDate) : null,
    };
  }

  async mismatches(query: MismatchQueryDto): Promise<ReconciliationMismatchPageDto> {
    const limit = query.limit ?? 20;
    const before = decodeCursor(query.cursor);
    const builder = this.dataSource.getRepository(ReconciliationMismatch).createQueryBuilder('m');
    if (query.billDate) builder.andWhere('m.bill_date = :day', { day: query.billDate });
    if (before !== undefined) builder.andWhere('m.id < :before', { before });
    const rows = await builder
      .orderBy('m.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, mismatchView);
  }

  /** Mismatches standing in the latest run of every day (a rerun replaces a day's). */
  count(): Promise<number> {
    return this.dataSource.getRepository(ReconciliationMismatch).count();
  }
}
