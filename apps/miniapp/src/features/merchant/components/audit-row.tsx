import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../../shared/format';
import { STATUS_LABELS } from '../../../shared/labels';
import type { AuditLogEntryDto } from '../api/types';
import { auditActionLabel } from '../labels';

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
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: { owner: '管理员', staff: '员工' },
  status: { ...STATUS_LABELS, applied: '已处理', failed: '失败', rejected: '验签失败' },
  reason: { bad_password: '密码错误', disabled: '账号已停用', no_query_api: '服务商无查询接口' },
};

function detailText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => {
      const shown =
        typeof value === 'boolean'
          ? value
            ? '是'
            : '否'
          : typeof value === 'object'
            ? ((value as { message?: string }).message ?? JSON.stringify(value))
            : (VALUE_LABELS[key]?.[String(value)] ?? String(value));
      return `${DETAIL_LABELS[key] ?? key}：${shown}`;
    })
    .join('；');
}

/** One line of the audit log: when, who, what, on what, from where. */
export function AuditRow({ entry }: { entry: AuditLogEntryDto }) {
  const failed = entry.action === 'login_failed' || entry.details?.ok === false;
  return (
    <View className={`audit-row audit-row--${entry.action}${failed ? ' audit-row--failed' : ''}`}>
      <View className="audit-row__head">
        <Text className="audit-row__action">{auditActionLabel(entry.action)}</Text>
        <Text className="audit-row__time">{formatDateTime(entry.createdAt)}</Text>
      </View>
      <View className="audit-row__who">
        {entry.merchantUsername}
        {entry.target ? ` · ${entry.target}` : ''}
        {entry.ip ? ` · ${entry.ip.replace(/^::ffff:/, '')}` : ''}
      </View>
      {entry.details ? <View className="audit-row__details">{detailText(entry.details)}</View> : null}
    </View>
  );
}
