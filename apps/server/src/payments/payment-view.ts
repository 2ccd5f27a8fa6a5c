import type { PaymentViewDto } from './dto/payment.dto.js';
import type { Payment, PaymentStatus } from './entities/payment.entity.js';
import { yuan } from './payment-steps.js';

const LABELS: Record<PaymentStatus, (payment: Payment) => string> = {
  created: () => '待支付',
  paying: () => '待支付',
  paid: () => '已支付',
  closed: () => '已关闭',
  refunding: () => '退款中',
  partially_refunded: (payment) => `已退款 ${yuan(payment.refundedFen)}`,
  refunded: (payment) => `已退款 ${yuan(payment.refundedFen)}`,
};

export function paymentView(payment: Payment): PaymentViewDto {
  return {
    orderNo: payment.outTradeNo,
    status: payment.status,
    label: LABELS[payment.status](payment),
    amountFen: payment.amountFen,
    lines: payment.lines ?? [{ label: payment.description, amountFen: payment.amountFen }],
    paidFen: payment.paidFen,
    refundedFen: payment.refundedFen,
    expiresAt: payment.expiresAt.toISOString(),
    paidAt: payment.paidAt?.toISOString() ?? null,
  };
}
