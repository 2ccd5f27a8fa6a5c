import type { PaymentStatus } from '../entities/payment.entity.js';
import type { RefundStatus } from '../entities/refund.entity.js';

/** A payment's status as the merchant reads it (the user's label says 已退款 ¥x instead). */
export const PAYMENT_STATUS_WORDS: Record<PaymentStatus, string> = {
  created: '待支付',
  paying: '待支付',
  paid: '已支付',
  closed: '已关闭',
  refunding: '退款中',
  partially_refunded: '部分退款',
  refunded: '已退款',
};

export const REFUND_STATUS_WORDS: Record<RefundStatus, string> = {
  pending: '提交中',
  processing: '退款中',
  success: '已退款',
  closed: '退款失败',
  abnormal: '退款异常',
};

type Tone = 'normal' | 'warning' | 'danger' | 'success';

export const PAYMENT_TONES: Record<PaymentStatus, Tone> = {
  created: 'warning',
  paying: 'warning',
  paid: 'success',
  closed: 'normal',
  refunding: 'warning',
  partially_refunded: 'normal',
  refunded: 'normal',
};

export const REFUND_TONES: Record<RefundStatus, Tone> = {
  pending: 'warning',
  processing: 'warning',
  success: 'success',
  closed: 'danger',
  abnormal: 'danger',
};
