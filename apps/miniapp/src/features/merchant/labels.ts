/**
 * Chinese names of what the merchant pages show besides kinds and statuses (those are in `shared/labels.ts`).
 * The desk console reads the same tables (its `shared/labels.ts` re-exports these), so the two never drift.
 */
import type { AuditAction, MerchantRole, VendorCallbackDto } from './api/types';

const VENDOR_LABELS: Record<string, string> = {
  zjz: '证件照（zjzapi）',
  yundou: '云斗票据',
  zhima: '芝麻认证',
  docloud: 'Docloud 车务',
  wechat: '微信',
  wechatpay: '微信支付',
};

export function vendorLabel(vendor: string): string {
  return VENDOR_LABELS[vendor] ?? '其他服务商';
}

export const CALLBACK_STATUS_LABELS: Readonly<Record<VendorCallbackDto['status'], string>> = {
  applied: '已处理',
  rejected: '验签失败',
  failed: '处理失败',
};

export function callbackStatusLabel(status: string): string {
  return (CALLBACK_STATUS_LABELS as Record<string, string>)[status] ?? '其他';
}

const OUTCOME_LABELS: Record<string, string> = {
  transitioned: '状态已更新',
  stale: '过期回调（已忽略）',
  same: '重复状态（已忽略）',
  final: '订单已结束（已忽略）',
  no_order: '找不到订单',
  no_change: '无变化',
};

export function outcomeLabel(outcome: string | null): string {
  if (!outcome) return '—';
  return OUTCOME_LABELS[outcome] ?? outcome;
}

const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  login: '登录',
  login_failed: '登录失败',
  callback_replay: '重放回调',
  order_status_query: '查询服务商状态',
  orders_export: '导出订单',
  account_create: '创建账号',
  account_update: '修改账号',
  password_change_failed: '改密失败（当前密码错误）',
  prices_update: '修改价格',
  order_refund: '订单退款',
  reconciliation_rerun: '重新对账',
  outgoing_call_settle: '核实未知结果的调用',
  order_adopt_vendor_id: '补录服务商单号',
  order_close: '关闭订单',
};

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? '其他操作';
}

export const ROLE_LABELS: Readonly<Record<MerchantRole, string>> = { owner: '管理员', staff: '员工' };

/** `2 小时 5 分` from minutes, for "stuck for …". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`;
  return `${Math.floor(hours / 24)} 天${hours % 24 ? ` ${hours % 24} 小时` : ''}`;
}

/** `1 天 2 小时`, `35 秒` from seconds, for the mean time to completion. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} 秒`;
  return formatMinutes(Math.round(seconds / 60));
}

export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
