import { BILL_TYPE_LABELS as VENDOR_BILL_TYPE_LABELS, OTHER_BILL_TYPE_LABEL } from '@banshi/vendor-clients/tables';
import { formatFen } from '../../shared/format';
import type { InvoiceBillType, InvoiceScanSummary, ScanSource, ScanStatus } from './api/types';

/** Every bill type's name: the vendor's table (one copy, in vendor-clients), and ours for `other`. */
export const BILL_TYPE_LABELS: Readonly<Record<InvoiceBillType, string>> = {
  ...VENDOR_BILL_TYPE_LABELS,
  other: OTHER_BILL_TYPE_LABEL,
};

/** The types offered as filters: the common ones first. */
export const TYPE_FILTERS: ReadonlyArray<{ value: InvoiceBillType; label: string }> = (
  [
    'vat_special',
    'vat_ordinary',
    'train',
    'flight',
    'taxi',
    'didi',
    'lodging',
    'toll',
    'parking',
    'fuel',
    'other',
  ] as const
).map((value) => ({ value, label: BILL_TYPE_LABELS[value] }));

export const SCAN_STATUS_LABELS: Readonly<Record<ScanStatus, string>> = {
  unpaid: '待支付',
  closed: '已关闭',
  recognising: '识别中',
  recognised: '已识别',
  failed: '识别失败',
};

export const SOURCE_LABELS: Readonly<Record<ScanSource, string>> = {
  photo: '拍照识别',
  qr_text: '扫码读取',
  qr_image: '二维码图片',
};

export function typeLabelOf(scan: Pick<InvoiceScanSummary, 'typeLabel' | 'billType' | 'status'>): string {
  if (scan.typeLabel) return scan.typeLabel;
  if (scan.billType) return BILL_TYPE_LABELS[scan.billType];
  if (scan.status === 'unpaid') return '票据照片（待支付）';
  if (scan.status === 'closed') return '票据照片（未支付）';
  return scan.status === 'failed' ? '未能识别的票据' : '票据识别中';
}

/** `2024年3月` from `2024-03`. */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[1]}年${Number(match[2])}月` : month;
}

/** `2024年03月05日` from `2024-03-05`, as bills print it. */
export function dateLabel(date: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return match ? `${match[1]}年${match[2]}月${match[3]}日` : '—';
}

export function amountLabel(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatFen(fen);
}
