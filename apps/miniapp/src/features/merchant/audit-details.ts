import { formatFen } from '../../shared/format';
import { KIND_LABELS, STATUS_LABELS } from '../../shared/labels';
import { vendorLabel } from './labels';

/**
 * An audit entry's recorded details as one line for a person (账号：clerk；角色：员工), every key and
 * code in words. Both merchant UIs show it (the desk console imports it), so neither shows raw JSON.
 */
const DETAIL_LABELS: Record<string, string> = {
  ok: '成功',
  reason: '原因',
  format: '格式',
  kind: '类型',
  status: '状态',
  orderNo: '订单号',
  username: '账号',
  role: '角色',
  disabled: '停用',
  passwordReset: '重置密码',
  changed: '有变化',
  vendor: '服务商',
  topic: '主题',
  orderId: '订单 ID',
  from: '开始',
  to: '结束',
  phoneLast4: '手机尾号',
  vendorRef: '服务商单号',
  refusal: '拒绝',
  amountFen: '金额',
  outRefundNo: '退款单号',
  changes: '价格',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: { owner: '管理员', staff: '员工' },
  status: { ...STATUS_LABELS, applied: '已处理', failed: '失败', rejected: '验签失败' },
  reason: { bad_password: '密码错误', disabled: '账号已停用', no_query_api: '服务商无查询接口' },
  kind: KIND_LABELS,
  format: { csv: 'CSV', xlsx: 'Excel' },
};

interface PriceChange {
  service: string;
  from?: number;
  to: number;
}

/** Values that are not a word for a code: amounts in fen, the price changes of 修改价格. */
const VALUE_FORMATS: Record<string, (value: unknown) => string> = {
  amountFen: (value) => formatFen(Number(value)),
  changes: (value) =>
    (Array.isArray(value) ? (value as PriceChange[]) : [])
      .map(
        (change) =>
          `${KIND_LABELS[change.service as keyof typeof KIND_LABELS] ?? '服务'} ${formatFen(change.from ?? 0)} → ${formatFen(change.to)}`,
      )
      .join('，'),
};

export function auditDetailText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => {
      const format = VALUE_FORMATS[key];
      const shown = format
        ? format(value)
        : typeof value === 'boolean'
          ? value
            ? '是'
            : '否'
          : typeof value === 'object'
            ? ((value as { message?: string }).message ?? JSON.stringify(value))
            : (VALUE_LABELS[key]?.[String(value)] ?? String(value));
      const shownValue = key === 'vendor' ? vendorLabel(String(value)) : shown;
      // A detail recorded by a newer server than this app: its value still reads, its key does not.
      return `${DETAIL_LABELS[key] ?? '其他'}：${shownValue}`;
    })
    .join('；');
}
