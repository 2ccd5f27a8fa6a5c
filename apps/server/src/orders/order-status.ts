import type { OrderKind } from '../config/order-kinds.js';

export { ORDER_KINDS, type OrderKind } from '../config/order-kinds.js';

/**
 * The normalised statuses every kind maps its vendor's statuses onto. The raw vendor status is
 * kept beside it (`vendor_status`), and `progress` orders the vendor's own steps.
 */
export const ORDER_STATUSES = ['pending', 'processing', 'action_required', 'completed', 'failed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const KIND_LABELS: Record<OrderKind, string> = {
  id_photo: '证件照回执',
  invoice_scan: '票据识别',
  identity: '实名认证',
  violation_payment: '违章代缴',
  inspection: '年检代办',
};

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: '待处理',
  processing: '处理中',
  action_required: '待补充',
  completed: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/** Statuses after which nothing more happens to an order. */
export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['completed', 'failed', 'cancelled']);

/**
 * A step in a vendor lifecycle. `progress` is what makes "never backwards" decidable across
 * kinds: each service numbers its vendor's steps in order (a resubmission after a rejection starts
 * a new round with higher numbers), and a transition applies only if it moves `progress` forward.
 * A step that carries its vendor's `lifecycle` (the status order written down from the vendor's
 * document) is decided by it wherever it knows both statuses: that is what refuses a status that
 * may not follow the current one although its number is higher (a late zjz -2 after 3).
 */
export interface OrderStep {
  status: OrderStatus;
  vendorStatus: string;
  progress: number;
  lifecycle?: Lifecycle;
}

export type TransitionReason = 'stale' | 'same' | 'final' | 'refused';
export type TransitionDecision = { apply: true } | { apply: false; reason: TransitionReason };

export interface CurrentStep {
  status: OrderStatus;
  progress: number;
  vendorStatus?: string | null;
}

/** Decides between two steps from the vendor's status order; undefined leaves it to `progress`. */
export interface Lifecycle {
  decide(current: CurrentStep, next: OrderStep): TransitionDecision | undefined;
}

export function decideTransition(current: CurrentStep, next: OrderStep): TransitionDecision {
  const byVendor = next.lifecycle?.decide(current, next);
  if (byVendor) return byVendor;
  if (next.progress === current.progress) return { apply: false, reason: 'same' };
  if (next.progress < current.progress) return { apply: false, reason: 'stale' };
  // A final order may still move forward within its vendor's lifecycle (done → shipped), never out
  // of a final status into a non-final one.
  if (FINAL_STATUSES.has(current.status) && !FINAL_STATUSES.has(next.status)) return { apply: false, reason: 'final' };
  return { apply: true };
}
