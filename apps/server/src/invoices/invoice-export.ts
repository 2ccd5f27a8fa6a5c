import ExcelJS from 'exceljs';
import { fenToYuanText, INVOICE_TYPE_LABELS } from './bill-summary.js';
import type { ScanWithContext } from './invoice-queries.service.js';

/** One exported line, already in the words and formats people read. */
export interface ExportRow {
  issueDate: string | null;
  month: string;
  typeLabel: string;
  invoiceCode: string | null;
  invoiceNumber: string | null;
  amountFen: number | null;
  duplicate: boolean;
  duplicateOfOrderNo: string | null;
  reimbursed: boolean;
  source: string;
  scannedAt: string;
  orderNo: string;
}

const SOURCE_LABELS: Record<string, string> = { photo: '拍照识别', qr_text: '扫码', qr_image: '二维码图片' };

const HEADERS = [
  '序号',
  '开票日期',
  '所属月份',
  '票据类型',
  '发票代码',
  '发票号码',
  '金额（元）',
  '是否重复',
  '重复于订单',
  '报销状态',
  '来源',
  '扫描时间',
  '订单号',
];

export function exportRowsOf(scans: ScanWithContext[]): ExportRow[] {
  return scans.map(({ scan, context }) => ({
    issueDate: scan.issueDate,
    month: scan.month,
    typeLabel: scan.typeLabel ?? (scan.billType ? INVOICE_TYPE_LABELS[scan.billType] : '未知票据'),
    invoiceCode: scan.invoiceCode,
    invoiceNumber: scan.invoiceNumber,
    amountFen: scan.amountFen,
    duplicate: scan.duplicateOfId !== null,
    duplicateOfOrderNo: context.original?.orderNo ?? null,
    reimbursed: scan.reimbursedAt !== null,
    source: SOURCE_LABELS[scan.source] ?? scan.source,
    scannedAt: beijingTime(scan.createdAt),
    orderNo: context.order.orderNo,
  }));
}

/** Counted rows (not duplicates): what the totals line adds up. */
export function countedTotal(rows: ExportRow[]): { count: number; amountFen: number } {
  const counted = rows.filter((row) => !row.duplicate && row.amountFen !== null);
  return { count: counted.length, amountFen: counted.reduce((sum, row) => sum + (row.amountFen ?? 0), 0) };
}

/**
 * CSV for Excel: UTF-8 with a BOM (without it Excel reads Chinese as GBK), CRLF lines, RFC 4180 quoting.
 * Codes and numbers get a leading tab, which Excel takes as "text": otherwise it drops leading zeros
 * and shows a 20-digit 数电 number as 2.44E+19. Text that starts like a formula is defused.
 */
export function toCsv(rows: ExportRow[]): Buffer {
  const lines = [HEADERS, ...rows.map((row, index) => cells(row, index))].map((line) => line.map(csvField).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

function cells(row: ExportRow, index: number): string[] {
  return [
    String(index + 1),
    row.issueDate ?? '',
    row.month,
    safeText(row.typeLabel),
    row.invoiceCode ? `\t${row.invoiceCode}` : '',
    row.invoiceNumber ? `\t${row.invoiceNumber}` : '',
    row.amountFen === null ? '' : fenToYuanText(row.amountFen),
    row.duplicate ? '是' : '否',
    row.duplicateOfOrderNo ?? '',
    row.reimbursed ? '已报销' : '未报销',
    row.source,
    row.scannedAt,
    row.orderNo,
  ];
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function safeText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** An Excel workbook: amounts as numbers with two decimals, dates as dates, a totals line without duplicates. */
export async function toXlsx(rows: ExportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '办事 · 票据识别';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('票据', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF7F1' } };
  rows.forEach((row, index) => {
    const line = sheet.addRow([
      index + 1,
      row.issueDate ? excelDate(row.issueDate) : null,
      row.month,
      row.typeLabel,
      row.invoiceCode,
      row.invoiceNumber,
      row.amountFen === null ? null : row.amountFen / 100,
      row.duplicate ? '是' : '否',
      row.duplicateOfOrderNo,
      row.reimbursed ? '已报销' : '未报销',
      row.source,
      row.scannedAt,
      row.orderNo,
    ]);
    if (row.duplicate) line.getCell(8).font = { color: { argb: 'FFFA5151' }, bold: true };
  });
  const total = countedTotal(rows);
  const totals = sheet.addRow(['合计', null, null, `${total.count} 张（不含重复）`, null, null, total.amountFen / 100]);
  totals.font = { bold: true };
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(7).numFmt = '#,##0.00';
  [6, 12, 10, 18, 16, 24, 14, 10, 22, 10, 12, 18, 22].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: HEADERS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A calendar date as Excel's date at midnight, with no time zone shift. */
function excelDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
