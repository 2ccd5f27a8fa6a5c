import type { OrderEventActor, OrderKind, OrderStatus } from './api/types';

/** The one place where order kinds, statuses and actors get their Chinese names and colours. */

export const KIND_LABELS: Readonly<Record<OrderKind, string>> = {
  id_photo: '证件照回执',
  invoice_scan: '票据识别',
  identity: '实名认证',
  violation_payment: '违章代缴',
  inspection: '年检代办',
};

export const STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  pending: '待处理',
  processing: '处理中',
  action_required: '待补充',
  completed: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/** Text colour of each status tag; `action_required` stands out because the user has something to do. */
export const STATUS_COLORS: Readonly<Record<OrderStatus, string>> = {
  pending: '#576b95',
  processing: '#1677ff',
  action_required: '#ff8f1f',
  completed: '#07c160',
  failed: '#fa5151',
  cancelled: '#9a9a9a',
};

export const ACTOR_LABELS: Readonly<Record<OrderEventActor, string>> = {
  user: '用户',
  merchant: '商户',
  system: '系统',
  vendor: '服务商',
};

export const ORDER_KINDS = Object.keys(KIND_LABELS) as OrderKind[];
export const ORDER_STATUSES = Object.keys(STATUS_LABELS) as OrderStatus[];

/** Labels for values from a newer server than this build: show the raw value rather than nothing. */
export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function statusColor(status: string): string {
  return (STATUS_COLORS as Record<string, string>)[status] ?? STATUS_COLORS.cancelled;
}

export function actorLabel(actor: string): string {
  return (ACTOR_LABELS as Record<string, string>)[actor] ?? actor;
}
