import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { StorageService } from '../common/storage/storage.service.js';
import { Order } from '../orders/order.entity.js';
import { PaymentsService } from '../payments/payments.service.js';
import type {
  InvoiceMonthsDto,
  InvoicePageDto,
  InvoiceScanDto,
  InvoiceTotalsDto,
  MerchantInvoiceScanDto,
} from './dto/invoice.dto.js';
import type { InvoiceFilterDto, InvoiceListQueryDto } from './dto/invoice-query.dto.js';
import { InvoiceScan } from './entities/invoice-scan.entity.js';
import { toDetailDto, toSummaryDto, type ScanContext } from './invoice-view.js';

/** Most rows an export holds: a year of heavy use; the filters narrow it further. */
export const EXPORT_MAX_ROWS = 10_000;

/** Scan + the context its view needs. */
export type ScanWithContext = { scan: InvoiceScan; context: ScanContext };

/**
 * Reads of a user's scans. Lists are ordered by bill month (newest first) then scan, with a keyset
 * cursor on (month, id), so the mini-program can group them by month while paging. Failed scans that
 * were tried again are left out: the retry stands for them.
 */
@Injectable()
export class InvoiceQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly payments: PaymentsService,
  ) {}

  async list(userId: number, query: InvoiceListQueryDto): Promise<InvoicePageDto> {
    const limit = query.limit ?? 20;
    const rows = this.filtered(userId, query);
    if (query.status) rows.andWhere('s.status = :status', { status: query.status });
    const after = decodeCursor(query.cursor);
    if (after) rows.andWhere('(s.month < :cm OR (s.month = :cm AND s.id < :cid))', { cm: after.month, cid: after.id });
    const scans = await rows
      .orderBy('s.month', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = scans.slice(0, limit);
    const withContext = await this.withContext(page);
    const last = page[page.length - 1];
    return {
      items: withContext.map(({ scan, context }) => toSummaryDto(scan, context)),
      nextCursor: scans.length > limit && last ? encodeCursor(last.month, last.id) : null,
      totals: await this.totals(userId, query),
    };
  }

  async totals(userId: number, filter: InvoiceFilterDto): Promise<InvoiceTotalsDto> {
    const [row] = await this.aggregate(this.filtered(userId, filter)).getRawMany<RawTotals>();
    return readTotals(row);
  }

  async months(userId: number, filter: InvoiceFilterDto): Promise<InvoiceMonthsDto> {
    const rows = await this.aggregate(this.filtered(userId, filter))
      .addSelect('s.month', 'month')
      .groupBy('s.month')
      .orderBy('s.month', 'DESC')
      .getRawMany<RawTotals & { month: string }>();
    return {
      months: rows.map((row) => ({ month: row.month, ...readTotals(row), unfinished: Number(row.unfinished) })),
    };
  }

  async detail(userId: number, scanId: number): Promise<InvoiceScanDto> {
    const scan = await this.dataSource.getRepository(InvoiceScan).findOneBy({ id: scanId, userId });
    if (!scan) throw AppError.notFound('票据记录不存在');
    return this.toDetail(scan);
  }

  /** The scan behind one of the user's orders, for 我的订单. */
  async detailForOrder(userId: number, orderId: number): Promise<InvoiceScanDto> {
    const scan = await this.dataSource.getRepository(InvoiceScan).findOneBy({ orderId, userId });
    if (!scan) throw AppError.notFound('票据记录不存在');
    return this.toDetail(scan);
  }

  async merchantDetail(orderId: number): Promise<MerchantInvoiceScanDto> {
    const scan = await this.dataSource.getRepository(InvoiceScan).findOneBy({ orderId });
    if (!scan) throw AppError.notFound('该订单不是票据识别订单或不存在');
    return { ...(await this.toDetail(scan)), userId: scan.userId };
  }

  /** The recognised scans an export holds, duplicates included (they are flagged in the file). */
  async exportRows(userId: number, filter: InvoiceFilterDto): Promise<ScanWithContext[]> {
    const scans = await this.filtered(userId, filter)
      .andWhere("s.status = 'recognised'")
      .orderBy('s.month', 'DESC')
      .addOrderBy('s.issue_date', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(EXPORT_MAX_ROWS + 1)
      .getMany();
    if (scans.length > EXPORT_MAX_ROWS) {
      throw AppError.unprocessable(
        'EXPORT_TOO_LARGE',
        `一次最多导出 ${EXPORT_MAX_ROWS} 张票据，请按月份或类型筛选后分批导出`,
      );
    }
    return this.withContext(scans);
  }

  private async toDetail(scan: InvoiceScan): Promise<InvoiceScanDto> {
    const [{ context }] = await this.withContext([scan]);
    const file = scan.photoFileId ? await this.storage.find(scan.photoFileId) : null;
    const photoUrl = file ? await this.storage.signedUrl(file, 3600) : null;
    return toDetailDto(scan, context, photoUrl, await this.payments.forOrder(scan.orderId));
  }

  /** Orders and duplicate originals of a page of scans, in two queries. */
  async withContext(scans: InvoiceScan[]): Promise<ScanWithContext[]> {
    const originalIds = [...new Set(scans.map((scan) => scan.duplicateOfId).filter((id): id is number => id !== null))];
    const originals = originalIds.length
      ? await this.dataSource.getRepository(InvoiceScan).find({
          where: { id: In(originalIds) },
          select: { id: true, orderId: true, createdAt: true, reimbursedAt: true },
        })
      : [];
    const orderIds = [...new Set([...scans, ...originals].map((scan) => scan.orderId))];
    const orders = orderIds.length
      ? await this.dataSource
          .getRepository(Order)
          .find({ where: { id: In(orderIds) }, select: { id: true, orderNo: true, status: true } })
      : [];
    const orderById = new Map(orders.map((order) => [order.id, order]));
    const originalById = new Map(originals.map((scan) => [scan.id, scan]));
    return scans.map((scan) => {
      const order = orderById.get(scan.orderId);
      if (!order) throw new Error(`invoice scan ${scan.id} has no order`);
      const original = scan.duplicateOfId ? originalById.get(scan.duplicateOfId) : undefined;
      return {
        scan,
        context: {
          order,
          original: original ? { ...original, orderNo: orderById.get(original.orderId)?.orderNo ?? '' } : null,
        },
      };
    });
  }

  private filtered(userId: number, filter: InvoiceFilterDto): SelectQueryBuilder<InvoiceScan> {
    const query = this.dataSource
      .getRepository(InvoiceScan)
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId })
      .andWhere('s.replaced_by_id IS NULL');
    if (filter.type) query.andWhere('s.bill_type = :type', { type: filter.type });
    if (filter.month) query.andWhere('s.month = :month', { month: filter.month });
    if (filter.reimbursed === true) query.andWhere('s.reimbursed_at IS NOT NULL');
    if (filter.reimbursed === false) query.andWhere('s.reimbursed_at IS NULL');
    return query;
  }

  /** Counted: recognised and not a duplicate. */
  private aggregate(query: SelectQueryBuilder<InvoiceScan>): SelectQueryBuilder<InvoiceScan> {
    const counted = "s.status = 'recognised' AND s.duplicate_of_id IS NULL";
    return query
      .select(`SUM(CASE WHEN ${counted} THEN 1 ELSE 0 END)`, 'count')
      .addSelect(`SUM(CASE WHEN ${counted} THEN COALESCE(s.amount_fen, 0) ELSE 0 END)`, 'amount')
      .addSelect(
        "SUM(CASE WHEN s.status = 'recognised' AND s.duplicate_of_id IS NOT NULL THEN 1 ELSE 0 END)",
        'duplicates',
      )
      .addSelect("SUM(CASE WHEN s.status NOT IN ('recognised', 'closed') THEN 1 ELSE 0 END)", 'unfinished');
  }
}

interface RawTotals {
  count: string | number | null;
  amount: string | number | null;
  duplicates: string | number | null;
  unfinished: string | number | null;
}

/** MySQL answers SUM as a decimal string, SQLite as a number, both NULL over no rows. */
function readTotals(row: RawTotals | undefined): InvoiceTotalsDto {
  return {
    count: Number(row?.count ?? 0),
    amountFen: Number(row?.amount ?? 0),
    duplicates: Number(row?.duplicates ?? 0),
  };
}

function encodeCursor(month: string, id: number): string {
  return Buffer.from(`${month}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { month: string; id: number } | undefined {
  if (!cursor) return undefined;
  const match = /^(\d{4}-\d{2})\|(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw AppError.badRequest('BAD_CURSOR', '分页参数无效，请刷新列表后重试');
  return { month: match[1], id: Number(match[2]) };
}
