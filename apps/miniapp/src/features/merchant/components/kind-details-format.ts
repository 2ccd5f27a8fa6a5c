import { API_BASE_URL } from '../../../shared/api/base-url';
import { formatDateTime, formatFen } from '../../../shared/format';
import { kindLabel, statusLabel } from '../../../shared/labels';

/**
 * Turns a service's merchant details (whatever their shape) into label/value rows: nested objects
 * become sub-lists, arrays numbered items, image URLs thumbnails. Services land at their own pace,
 * so nothing here knows a service's fields; common field names get a Chinese label, others show as
 * they are.
 */
export type DetailNode =
  | { type: 'text'; label: string; value: string }
  | { type: 'image'; label: string; url: string }
  | { type: 'group'; label: string; children: DetailNode[] };

const LABELS: Record<string, string> = {
  status: '状态',
  vendorStatus: '服务商状态',
  vendorStatusLabel: '服务商状态',
  statusLabel: '状态',
  kind: '业务类型',
  title: '标题',
  orderNo: '订单号',
  outOrderNo: '外部单号',
  vendorOrderId: '服务商订单号',
  vendorCarId: '服务商车辆 ID',
  userId: '用户 ID',
  name: '姓名',
  phone: '手机号',
  ownerPhone: '车主手机',
  idNumber: '证件号',
  amountFen: '金额',
  totalFen: '合计',
  priceFen: '价格',
  fineFen: '罚款',
  serviceFeeFen: '服务费',
  markFeeFen: '标记费',
  printPriceFen: '冲印费',
  receiptPriceFen: '回执费',
  totalFineFen: '罚款合计',
  points: '扣分',
  totalPoints: '扣分合计',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  scannedAt: '识别时间',
  recognisedAt: '识别完成',
  reimbursedAt: '报销时间',
  checkedAt: '检查时间',
  queriedAt: '查询时间',
  spec: '规格',
  specName: '证件照规格',
  photo: '照片',
  photoUrl: '照片',
  receipt: '回执',
  receiptUrl: '回执',
  url: '链接',
  previews: '预览',
  logistics: '物流',
  expressName: '快递公司',
  expressNo: '快递单号',
  address: '地址',
  printAddress: '邮寄地址',
  returnAddress: '寄回地址',
  reason: '原因',
  rejectMsg: '驳回原因',
  checkError: '查询错误',
  cancelReason: '取消原因',
  plateNumber: '车牌',
  city: '城市',
  province: '省份',
  district: '区县',
  vin: '车架号',
  engineNo: '发动机号',
  invoiceNumber: '发票号码',
  invoiceCode: '发票代码',
  issueDate: '开票日期',
  billType: '票据类型',
  typeLabel: '类型',
  category: '类别',
  duplicateOf: '重复于',
  fullyDigital: '数电票',
  lines: '明细',
  items: '明细',
  violations: '违章',
  materials: '材料',
  shopName: '检测站',
  shopAddress: '检测站地址',
  shopPhone: '检测站电话',
  inspectionCityName: '年检城市',
  worderStatus: '工单状态',
  worderLabel: '工单状态',
  paymentStatus: '支付状态',
  paymentMode: '支付方式',
  details: '详情',
  summary: '摘要',
  message: '说明',
  time: '时间',
  at: '时间',
  code: '编号',
};

const IMAGE_KEY = /photo|image|preview|receipt|thumb|picture|front|back|url/i;
const IMAGE_URL = /^(https?:\/\/|\/api\/files\/)/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Already on the page (the order, its timeline) or meaningless to a person. */
const SKIPPED = new Set(['order', 'events', 'id']);
const MAX_DEPTH = 4;

export function labelOf(key: string): string {
  return LABELS[key] ?? key;
}

/** A file URL of our own server is relative in H5; in WeChat it needs the API origin. */
export function absoluteUrl(url: string): string {
  return url.startsWith('/') ? `${API_BASE_URL}${url}` : url;
}

function textOf(key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return /Fen$/.test(key) ? formatFen(value) : String(value);
  if (ISO_TIME.test(value)) return formatDateTime(value);
  if (key === 'status') return statusLabel(value);
  if (key === 'kind') return kindLabel(value);
  return value === '' ? '—' : value;
}

function node(key: string, label: string, value: unknown, depth: number): DetailNode | null {
  if (value === null || value === undefined) return { type: 'text', label, value: '—' };
  if (typeof value === 'string' && IMAGE_KEY.test(key) && IMAGE_URL.test(value)) {
    return { type: 'image', label, url: absoluteUrl(value) };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { type: 'text', label, value: textOf(key, value) };
  }
  if (depth >= MAX_DEPTH) return { type: 'text', label, value: JSON.stringify(value) };
  if (Array.isArray(value)) {
    if (value.length === 0) return { type: 'text', label, value: '无' };
    if (value.every((item) => item === null || typeof item !== 'object')) {
      if (value.every((item) => typeof item === 'string' && IMAGE_URL.test(item)) && IMAGE_KEY.test(key)) {
        return {
          type: 'group',
          label,
          children: value.map((url, i) => ({
            type: 'image',
            label: `第 ${i + 1} 张`,
            url: absoluteUrl(url as string),
          })),
        };
      }
      return { type: 'text', label, value: value.map((item) => textOf(key, item as string)).join('、') };
    }
    const children = value
      .map((item, i) => node(key, `第 ${i + 1} 项`, item, depth + 1))
      .filter((child): child is DetailNode => child !== null);
    return { type: 'group', label, children };
  }
  return { type: 'group', label, children: detailNodes(value as Record<string, unknown>, depth + 1) };
}

export function detailNodes(details: Record<string, unknown>, depth = 0): DetailNode[] {
  return Object.entries(details)
    .filter(([key]) => depth > 0 || !SKIPPED.has(key))
    .map(([key, value]) => node(key, labelOf(key), value, depth))
    .filter((child): child is DetailNode => child !== null);
}
