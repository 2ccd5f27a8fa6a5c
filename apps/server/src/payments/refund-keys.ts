/**
 * What a refund's `out_refund_no` carries after `<out_trade_no>R`: who asked for it. The key is
 * WeChat Pay's idempotency key, so it is written once and read back to tell the merchant whether
 * a refund was theirs or automatic; each caller of `RefundsService.request` uses one of these.
 */
export const REFUND_KEYS = {
  /** The paid service could not be delivered (fulfilment). */
  serviceFailed: 'F',
  /** Part of the service was not delivered (e.g. violations Docloud could not pay). */
  undelivered: 'P',
  /** The vendor closed the order after it was placed (Docloud's 已关闭). */
  vendorClosed: 'C',
  /** Money that came in for a closed order, or not the order's amount. */
  unwanted: 'X',
  /** The merchant's manual refund: `M` + the refund dialog's request id. */
  merchant: 'M',
} as const;

export type RefundInitiator = 'merchant' | 'automatic';

/** Who started a refund, read from its `out_refund_no` (see `REFUND_KEYS`). */
export function refundInitiator(outTradeNo: string, outRefundNo: string): RefundInitiator {
  const key = outRefundNo.startsWith(`${outTradeNo}R`) ? outRefundNo.slice(outTradeNo.length + 1) : '';
  return key.startsWith(REFUND_KEYS.merchant) ? 'merchant' : 'automatic';
}

/** Why an automatic refund was made, in words; null for the merchant's own. */
export function automaticRefundCause(outTradeNo: string, outRefundNo: string): string | null {
  const key = outRefundNo.slice(outTradeNo.length + 1);
  if (key.startsWith(REFUND_KEYS.serviceFailed)) return '服务未能完成';
  if (key.startsWith(REFUND_KEYS.undelivered)) return '部分未能办理';
  if (key.startsWith(REFUND_KEYS.vendorClosed)) return '服务商关闭订单';
  if (key.startsWith(REFUND_KEYS.unwanted)) return '订单已关闭或金额不符';
  return null;
}
