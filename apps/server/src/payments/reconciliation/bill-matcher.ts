import type { TradeBillLine } from '@banshi/vendor-clients/wechatpay';
import type { PaymentStatus } from '../entities/payment.entity.js';
import type { RefundStatus } from '../entities/refund.entity.js';
import { REFUND_STATUS_WORDS } from '../merchant/payment-words.js';
import type { MismatchKind } from './mismatch-kinds.js';

/** Our payment as the reconciliation reads it. */
export interface BookPayment {
  orderId: number;
  outTradeNo: string;
  amountFen: number;
  paidFen: number;
  status: PaymentStatus;
  transactionId: string | null;
}

export interface BookRefund {
  orderId: number;
  outTradeNo: string;
  outRefundNo: string;
  amountFen: number;
  status: RefundStatus;
}

export interface FoundMismatch {
  kind: MismatchKind;
  outTradeNo: string;
  outRefundNo: string | null;
  transactionId: string | null;
  orderId: number | null;
  wechatFen: number | null;
  ourFen: number | null;
  wechatStatus: string | null;
  ourStatus: string | null;
  detail: string;
}

export interface BillMatch {
  matched: number;
  mismatches: FoundMismatch[];
  /** Our side of the bill's lines, in fen (what we hold for the same payments and refunds). */
  ourPaidFen: number;
  ourRefundFen: number;
  /** out_trade_no of the bill's payments and out_refund_no of its refunds (the other way's check). */
  seenPayments: Set<string>;
  seenRefunds: Set<string>;
}

/** A payment that WeChat Pay took money for, in our words. */
export const PAID_HERE: ReadonlySet<PaymentStatus> = new Set(['paid', 'refunding', 'partially_refunded', 'refunded']);

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** 退款状态 of the bill, in the merchant's words. */
const WECHAT_REFUND_WORDS: Record<string, string> = {
  SUCCESS: '退款成功',
  PROCESSING: '退款处理中',
  CLOSED: '退款关闭',
  ABNORMAL: '退款异常',
};

/**
 * Matches each line of a day's ALL bill with our books: a payment line (交易状态 SUCCESS) by
 * out_trade_no, then its transaction id and amount; a refund line (REFUND) by out_refund_no, then
 * its amount and status. Pure: the caller loads the books the lines name.
 */
export function matchBill(
  lines: TradeBillLine[],
  payments: Map<string, BookPayment>,
  refunds: Map<string, BookRefund>,
): BillMatch {
  const result: BillMatch = {
    matched: 0,
    mismatches: [],
    ourPaidFen: 0,
    ourRefundFen: 0,
    seenPayments: new Set(),
    seenRefunds: new Set(),
  };
  for (const line of lines) {
    const found =
      line.tradeState === 'REFUND' ? matchRefund(line, refunds, result) : matchPayment(line, payments, result);
    if (found) result.mismatches.push(found);
    else result.matched++;
  }
  return result;
}

function matchPayment(
  line: TradeBillLine,
  payments: Map<string, BookPayment>,
  result: BillMatch,
): FoundMismatch | null {
  result.seenPayments.add(line.outTradeNo);
  const payment = payments.get(line.outTradeNo);
  const base = paymentBase(line, payment);
  if (!payment) {
    return { ...base, kind: 'unknown_payment', detail: `微信支付收款 ${yuan(line.orderFen)}，本系统没有该商户订单号` };
  }
  if (!PAID_HERE.has(payment.status)) {
    return {
      ...base,
      kind: 'not_paid_here',
      detail: `微信支付收款 ${yuan(line.orderFen)}，本系统该订单状态为未支付或已关闭`,
    };
  }
  result.ourPaidFen += payment.paidFen;
  if (line.orderFen !== payment.paidFen || line.orderFen !== payment.amountFen) {
    return {
      ...base,
      kind: 'amount_mismatch',
      detail: `微信支付收款 ${yuan(line.orderFen)}，本系统记录实收 ${yuan(payment.paidFen)}、订单金额 ${yuan(payment.amountFen)}`,
    };
  }
  if (payment.transactionId !== line.transactionId) {
    return {
      ...base,
      kind: 'transaction_mismatch',
      detail: `微信支付单号为 ${line.transactionId}，本系统记录为 ${payment.transactionId ?? '空'}`,
    };
  }
  return null;
}

function paymentBase(line: TradeBillLine, payment: BookPayment | undefined) {
  return {
    outTradeNo: line.outTradeNo,
    outRefundNo: null,
    transactionId: line.transactionId || null,
    orderId: payment?.orderId ?? null,
    wechatFen: line.orderFen,
    ourFen: payment ? payment.paidFen : null,
    wechatStatus: line.tradeState,
    ourStatus: payment?.status ?? null,
  };
}

/**
 * The bill is a snapshot taken the next morning (账单的数据快照): a refund accepted late in the day
 * may still read PROCESSING there while it has ended since. Only final statuses that disagree, or
 * a refund WeChat Pay finished that we still wait for, are differences.
 */
function refundStatusDiffers(wechat: string, ours: RefundStatus): boolean {
  if (wechat === 'SUCCESS') return ours !== 'success';
  if (wechat === 'CLOSED' || wechat === 'ABNORMAL') return ours === 'success';
  return false;
}

function matchRefund(line: TradeBillLine, refunds: Map<string, BookRefund>, result: BillMatch): FoundMismatch | null {
  result.seenRefunds.add(line.outRefundNo);
  const refund = refunds.get(line.outRefundNo);
  const base = {
    outTradeNo: line.outTradeNo,
    outRefundNo: line.outRefundNo,
    transactionId: line.transactionId || null,
    orderId: refund?.orderId ?? null,
    wechatFen: line.refundFen,
    ourFen: refund ? refund.amountFen : null,
    wechatStatus: line.refundStatus || null,
    ourStatus: refund?.status ?? null,
  };
  if (!refund) {
    return {
      ...base,
      kind: 'unknown_refund',
      detail: `微信支付退款 ${yuan(line.refundFen)}，本系统没有该商户退款单号`,
    };
  }
  result.ourRefundFen += refund.amountFen;
  if (line.refundFen !== refund.amountFen) {
    return {
      ...base,
      kind: 'amount_mismatch',
      detail: `微信支付退款 ${yuan(line.refundFen)}，本系统记录退款 ${yuan(refund.amountFen)}`,
    };
  }
  if (refundStatusDiffers(line.refundStatus, refund.status)) {
    return {
      ...base,
      kind: 'refund_status_mismatch',
      detail: `微信支付退款状态为${WECHAT_REFUND_WORDS[line.refundStatus] ?? line.refundStatus}，本系统为${REFUND_STATUS_WORDS[refund.status]}`,
    };
  }
  return null;
}
