import { maskPhone } from '../../common/crypto/masking.js';
import { chinaDayOf, CHINA_OFFSET_MS } from '../../orders/china-day.js';
import { KIND_LABELS, STATUS_LABELS } from '../../orders/order-status.js';
import type { Order } from '../../orders/order.entity.js';

/** One column of the export: its Chinese header, and the cell of an order. */
export interface ExportColumn {
  header: string;
  width: number;
  cell(order: Order, phone: string | null): string | number;
  /** Excel number format of a numeric column. */
  numFmt?: string;
}

export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: '订单号', width: 24, cell: (o) => o.orderNo },
  { header: '业务类型', width: 12, cell: (o) => KIND_LABELS[o.kind] ?? o.kind },
  { header: '状态', width: 10, cell: (o) => STATUS_LABELS[o.status] ?? o.status },
  { header: '服务商状态', width: 14, cell: (o) => o.vendorStatus ?? '' },
  { header: '服务商单号', width: 26, cell: (o) => o.vendorRef ?? '' },
  { header: '标题', width: 28, cell: (o) => o.title },
  { header: '金额（元）', width: 12, cell: (o) => o.amountFen / 100, numFmt: '0.00' },
  { header: '用户ID', width: 10, cell: (o) => o.userId },
  { header: '用户手机（脱敏）', width: 16, cell: (_o, phone) => maskPhone(phone) ?? '' },
  { header: '下单时间', width: 20, cell: (o) => chinaTime(o.createdAt) },
  { header: '状态变更时间', width: 20, cell: (o) => chinaTime(o.statusChangedAt) },
  { header: '最后更新时间', width: 20, cell: (o) => chinaTime(o.updatedAt) },
];

/** `2025-03-01 14:05:09`, Beijing time. */
export function chinaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${chinaDayOf(instant)} ${shifted.slice(11, 19)}`;
}

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** An order as a CSV line: money always with two decimals (XLSX gets numbers and a format instead). */
export function csvOrderLine(order: Order, phone: string | null): string {
  return csvLine(
    EXPORT_COLUMNS.map((column) => {
      const value = column.cell(order, phone);
      return column.numFmt && typeof value === 'number' ? value.toFixed(2) : value;
    }),
  );
}

export function csvLine(values: Array<string | number>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
