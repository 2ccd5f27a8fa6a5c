import { once } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import type { AuthenticatedMerchant } from '../../auth/auth-tokens.js';
import {
  filteredOrders,
  orderedAfter,
  type MerchantOrderFilter,
  type OrderKeyset,
} from '../../orders/merchant-order-query.js';
import type { MerchantOrderSort } from '../../orders/dto/order.dto.js';
import type { Order } from '../../orders/order.entity.js';
import { chinaDayOf } from '../../orders/china-day.js';
import { User } from '../../users/user.entity.js';
import { MerchantAuditService } from '../audit/merchant-audit.service.js';
import type { ExportFormat } from '../dto/merchant-order.dto.js';
import { csvLine, csvOrderLine, EXPORT_COLUMNS } from './export-rows.js';

const BATCH = 1000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportRequest {
  format: ExportFormat;
  filter: MerchantOrderFilter;
  sort: MerchantOrderSort;
}

/**
 * Streams every order matching the list's filters as CSV (UTF-8 with a BOM, so Excel reads the
 * Chinese) or XLSX, paging through them by keyset in batches of 1000: memory stays flat however
 * many orders match. Only masked data leaves: the phone is shown as 138****5678.
 */
@Injectable()
export class OrderExportService {
  private readonly logger = new Logger(OrderExportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: MerchantAuditService,
  ) {}

  async stream(merchant: AuthenticatedMerchant, request: ExportRequest, ip: string, res: Response): Promise<void> {
    // Filters are checked (a bad date is a 400) before anything is sent.
    const first = await this.batch(request, undefined);
    await this.audit.recordFor(merchant, 'orders_export', 'orders', { format: request.format, ...request.filter }, ip);
    const name = `banshi-orders-${chinaDayOf(new Date()).replace(/-/g, '')}.${request.format}`;
    res.setHeader('Content-Type', request.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`订单导出-${name}`)}`,
    );
    res.setHeader('Cache-Control', 'no-store');
    try {
      if (request.format === 'csv') await this.writeCsv(request, first, res);
      else await this.writeXlsx(request, first, res);
    } catch (error) {
      // Headers are gone: all that is left is to cut the download short, so it cannot pass for complete.
      this.logger.error({ err: error }, 'export failed midway');
      res.destroy(error as Error);
    }
  }

  private async writeCsv(request: ExportRequest, first: ExportBatch, res: Response): Promise<void> {
    await write(res, `\uFEFF${csvLine(EXPORT_COLUMNS.map((column) => column.header))}`);
    for await (const batch of this.batches(request, first)) {
      const text = batch.orders.map((order) => csvOrderLine(order, batch.phones.get(order.userId) ?? null)).join('');
      await write(res, text);
    }
    res.end();
  }

  private async writeXlsx(request: ExportRequest, first: ExportBatch, res: Response): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('订单');
    sheet.columns = EXPORT_COLUMNS.map((column, index) => ({
      key: `c${index}`,
      header: column.header,
      width: column.width,
      style: column.numFmt ? { numFmt: column.numFmt } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for await (const batch of this.batches(request, first)) {
      for (const order of batch.orders) {
        const phone = batch.phones.get(order.userId) ?? null;
        sheet.addRow(EXPORT_COLUMNS.map((column) => column.cell(order, phone))).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  }

  private async *batches(request: ExportRequest, first: ExportBatch): AsyncGenerator<ExportBatch> {
    let batch = first;
    for (;;) {
      yield batch;
      if (batch.orders.length < BATCH) return;
      const last = batch.orders[batch.orders.length - 1];
      batch = await this.batch(request, { createdAt: last.createdAt, id: last.id });
    }
  }

  private async batch(request: ExportRequest, after: OrderKeyset | undefined): Promise<ExportBatch> {
    const orders = await orderedAfter(filteredOrders(this.dataSource, request.filter), request.sort, after)
      .limit(BATCH)
      .getMany();
    const userIds = [...new Set(orders.map((order) => order.userId))];
    const users = userIds.length
      ? await this.dataSource
          .getRepository(User)
          .find({ where: { id: In(userIds) }, select: { id: true, phone: true } })
      : [];
    return { orders, phones: new Map(users.map((user) => [user.id, user.phone])) };
  }
}

interface ExportBatch {
  orders: Order[];
  phones: Map<number, string | null>;
}

/** Writes with backpressure; a client that went away stops the export instead of stalling it. */
async function write(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) throw new Error('the client closed the download');
  if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}
