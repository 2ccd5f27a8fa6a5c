import { formatFen } from '../../shared/format';
import type { InvoiceBillType, InvoiceScanSummary, ScanStatus } from './api/types';

export const BILL_TYPE_LABELS: Readonly<Record<InvoiceBillType, string>> = {
  train: '火车票',
  didi: '滴滴行程单',
  flight: '飞机票',
  taxi: '出租车票',
  coach: '长途客车票',
  quota: '定额发票',
  toll: '过路过桥费',
  utilities: '水电费',
  bus: '公交',
  office_supplies: '办公用品',
  lodging: '住宿费',
  parking: '停车费',
  courier: '快递费',
  phone: '电话费',
  ship: '船票',
  ticket: '门票',
  fuel: '汽油费',
  transit_card: '公交一卡通',
  bank: '银行票据',
  vat_special: '增值税专用发票',
  vat_ordinary: '增值税普通发票',
  other: '其他票据',
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

export const SOURCE_LABELS = { photo: '拍照识别', qr_text: '扫码读取', qr_image: '二维码图片' } as const;

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
