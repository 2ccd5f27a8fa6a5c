/** The ledger's names of this module's WeChat Pay calls (settled in payment-calls.ts). */
export const PREPAY_OPERATION = 'prepay';
export const REFUND_OPERATION = 'refund';

/** out_trade_no is WeChat Pay's idempotency key of a prepay: a tap after a lost answer is the same call. */
export function prepayCallKey(outTradeNo: string): string {
  return `wechatpay:prepay:${outTradeNo}`;
}

/** out_refund_no is WeChat Pay's idempotency key of a refund. */
export function refundCallKey(outRefundNo: string): string {
  return `wechatpay:refund:${outRefundNo}`;
}
