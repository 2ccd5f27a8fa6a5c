/**
 * What a reconciliation can find wrong between WeChat Pay's trade bill of a day and our books,
 * and what the merchant is told about each (the attention list shows these words).
 */
export const MISMATCH_KINDS = [
  'unknown_payment',
  'not_paid_here',
  'amount_mismatch',
  'transaction_mismatch',
  'unknown_refund',
  'refund_status_mismatch',
  'missing_at_wechat',
  'refund_missing',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export const MISMATCH_WORDS: Record<MismatchKind, { label: string; advice: string }> = {
  unknown_payment: {
    label: '微信已收款，本系统无此订单',
    advice: '请确认是否有其他系统共用此商户号收款；若确属误收，请在微信支付商户平台按商户订单号原路退款给用户。',
  },
  not_paid_here: {
    label: '微信已收款，本系统未记为已支付',
    advice:
      '对账时已向微信支付查单补记：订单未关闭的会开始办理，已关闭的会自动原路退款。请打开订单确认支付状态已更新。',
  },
  amount_mismatch: {
    label: '金额不一致',
    advice:
      '请核对订单金额与微信支付的金额。金额不符的支付系统会自动全额退回，请在“支付与退款”中确认该退款已到账；其他情况请联系技术支持核查。',
  },
  transaction_mismatch: {
    label: '微信支付单号不一致',
    advice: '同一商户订单号在微信支付的单号与本系统记录不同，请在微信支付商户平台查询该订单后联系技术支持核查。',
  },
  unknown_refund: {
    label: '微信有退款，本系统无记录',
    advice: '请确认是否有人在微信支付商户平台手工退款；若是，可在订单中备注；若不是，请立即联系微信支付客服核实。',
  },
  refund_status_mismatch: {
    label: '退款状态不一致',
    advice: '系统会继续向微信支付查询该退款；若次日重新对账仍不一致，请在微信支付商户平台查询该退款单号后处理。',
  },
  missing_at_wechat: {
    label: '本系统已收款，微信账单中没有',
    advice: '请在微信支付商户平台按商户订单号查询该订单；若微信支付确未收款，请暂停为该订单提供服务并联系技术支持。',
  },
  refund_missing: {
    label: '本系统已退款，微信账单中没有',
    advice: '请在微信支付商户平台按商户退款单号查询；若微信支付确未退款，用户没有收到退款，请重新为该订单发起退款。',
  },
};

/** The run's counts by kind, every kind present (0 when none). */
export function emptyCounts(): Record<MismatchKind, number> {
  return Object.fromEntries(MISMATCH_KINDS.map((kind) => [kind, 0])) as Record<MismatchKind, number>;
}
