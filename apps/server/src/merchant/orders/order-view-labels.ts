import type { VendorEvent } from '../../callbacks/vendor-event.entity.js';
import type { EventActor } from '../../orders/order-event.entity.js';

/** The Chinese words for the codes an order's timeline and its vendor events carry. */
export const ACTOR_LABELS: Record<EventActor, string> = {
  user: '用户',
  vendor: '服务商',
  system: '系统',
  merchant: '商家',
};

const EVENT_TYPE_LABELS: Record<string, string> = {
  created: '下单',
  status_changed: '状态变更',
  ignored_stale: '过时的状态通知（未倒退）',
  ignored_same: '重复的状态通知（无变化）',
  ignored_final: '订单已结束，状态未再改变',
  vendor_error: '服务商报错',
  vendor_result: '服务商返回结果',
  vendor_confirmed: '服务商确认收单',
  duplicate: '发现重复票据',
  retried: '重新识别',
  reimbursed: '标记为已报销',
  reimbursement_undone: '撤销报销标记',
  merchant_replay: '商家重放回调',
  merchant_status_query: '商家查询服务商状态',
  partial_refund: '部分退款',
  shipment: '物流更新',
};

export function eventTypeLabel(type: string): string {
  return EVENT_TYPE_LABELS[type] ?? '记录';
}

const OUTCOME_LABELS: Record<string, string> = {
  transitioned: '已应用，订单状态已推进',
  stale: '过时的通知，状态未倒退',
  same: '状态相同，无变化',
  final: '订单已结束，未改变',
  no_order: '找不到对应订单',
  no_car: '找不到对应车辆',
  updated: '已更新违章记录',
  another_bill: '同一照片中的另一张票据',
  monitor_failed: '违章监控失败，已通知用户',
  monitor_failed_unwatched: '违章监控失败',
  monitor_failed_already_told: '违章监控失败（同一原因已通知过用户）',
  older_list_kept_newer: '较旧的违章列表，已保留较新的记录',
};

export function outcomeLabel(row: Pick<VendorEvent, 'status' | 'outcome'>): string {
  if (row.status === 'rejected') return '验签未通过，未应用';
  if (row.status === 'failed') return '处理失败，可重放';
  if (row.outcome?.startsWith('updated_notified_')) return '已更新违章记录并通知用户';
  return (row.outcome && OUTCOME_LABELS[row.outcome]) ?? '已应用';
}

const VENDOR_LABELS: Record<string, string> = {
  zjz: '证件照服务商',
  yundou: '票据识别服务商',
  zhima: '芝麻认证',
  docloud: '车务服务商',
  wechat: '微信',
  wechatpay: '微信支付',
};

export function vendorLabel(vendor: string): string {
  return VENDOR_LABELS[vendor] ?? '服务商';
}

/** A vendor code with no known words: numbers are shown as codes, anything else as unknown. */
export function unknownVendorStatus(raw: string): string {
  return /^[\d.-]+$/.test(raw) ? `状态码 ${raw}` : '其他状态';
}
