import { chinaMinute, section, text, yuan } from '../../orders/view/view-format.js';
import type { ViewSection } from '../../orders/view/order-view.js';
import type { MerchantPaymentRowDto } from './merchant-payment.dto.js';
import { PAYMENT_TONES, REFUND_TONES } from './payment-words.js';

/**
 * The 支付 section of a priced order's merchant view, then one section per refund (oldest first):
 * amounts in ¥, statuses in words, China time, WeChat Pay's transaction id masked.
 */
export function paymentSections(payment: MerchantPaymentRowDto): ViewSection[] {
  const paid = payment.paidFen > 0;
  const main = section('payment', '支付', [
    text('支付状态', payment.statusLabel, PAYMENT_TONES[payment.status]),
    text('订单金额', yuan(payment.amountFen)),
    paid && text('实付金额', yuan(payment.paidFen)),
    paid && text('已退金额', yuan(payment.refundedFen)),
    paid && text('可退金额', yuan(payment.refundableFen)),
    text('支付时间', payment.paidAt ? chinaMinute(payment.paidAt) : '未支付'),
    text('支付方式', '微信支付'),
    text('商户订单号', payment.orderNo),
    paid && text('微信支付单号', payment.transactionId),
    text('退款笔数', `${payment.refunds.length} 笔`),
  ]);
  const refunds = payment.refunds.map((refund, index) =>
    section(`payment-refund-${index + 1}`, `退款 ${index + 1} · ${yuan(refund.amountFen)}`, [
      text('退款金额', yuan(refund.amountFen)),
      text('退款状态', refund.statusLabel, REFUND_TONES[refund.status]),
      text('发起方', refund.initiatorLabel),
      text('退款原因', refund.reason),
      text('申请时间', chinaMinute(refund.createdAt)),
      text('到账时间', refund.succeededAt ? chinaMinute(refund.succeededAt) : '—'),
      text('退款单号', refund.outRefundNo),
    ]),
  );
  return [main, ...refunds];
}
