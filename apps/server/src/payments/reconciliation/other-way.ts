import { VendorApiError } from '@banshi/vendor-clients';
import { beijingDate, parseRfc3339, type WechatPayClient } from '@banshi/vendor-clients/wechatpay';
import { REFUND_STATUS_WORDS } from '../merchant/payment-words.js';
import type { BillMatch, BookPayment, BookRefund, FoundMismatch } from './bill-matcher.js';
import type { Books } from './books.js';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const dayOf = (time: string | undefined) => (time ? beijingDate(parseRfc3339(time)) : undefined);

/**
 * The other way: our payments and accepted refunds of the day that the bill lacks. Each is asked
 * about at WeChat Pay first (查询订单 / 查询单笔退款): one that WeChat Pay files under another
 * day (a refund accepted after midnight) is that day's business, not a difference.
 */
export async function missingFromBill(
  billDate: string,
  match: BillMatch,
  books: Books,
  client: WechatPayClient,
): Promise<FoundMismatch[]> {
  const found: FoundMismatch[] = [];
  for (const payment of await books.paidOn(billDate)) {
    if (match.seenPayments.has(payment.outTradeNo)) continue;
    const elsewhere = await paymentDay(client, payment);
    if (elsewhere !== billDate && elsewhere !== undefined) continue;
    found.push({
      kind: 'missing_at_wechat',
      outTradeNo: payment.outTradeNo,
      outRefundNo: null,
      transactionId: payment.transactionId,
      orderId: payment.orderId,
      wechatFen: null,
      ourFen: payment.paidFen,
      wechatStatus: null,
      ourStatus: payment.status,
      detail: `本系统记录 ${billDate} 收款 ${yuan(payment.paidFen)}，微信支付当日账单中没有该订单`,
    });
  }
  for (const refund of await books.refundedAround(billDate)) {
    if (match.seenRefunds.has(refund.outRefundNo)) continue;
    const elsewhere = await refundDay(client, refund);
    if (elsewhere !== billDate && elsewhere !== undefined) continue;
    found.push({
      kind: 'refund_missing',
      outTradeNo: refund.outTradeNo,
      outRefundNo: refund.outRefundNo,
      transactionId: null,
      orderId: refund.orderId,
      wechatFen: null,
      ourFen: refund.amountFen,
      wechatStatus: null,
      ourStatus: refund.status,
      detail: `本系统记录退款 ${yuan(refund.amountFen)}（${REFUND_STATUS_WORDS[refund.status]}），微信支付账单中没有该退款`,
    });
  }
  return found;
}

/** The day WeChat Pay files the payment under; undefined when it has no such paid order. */
async function paymentDay(client: WechatPayClient, payment: BookPayment): Promise<string | undefined> {
  try {
    const transaction = await client.queryByOutTradeNo(payment.outTradeNo);
    const paid = transaction.trade_state === 'SUCCESS' || transaction.trade_state === 'REFUND';
    return paid ? dayOf(transaction.success_time) : undefined;
  } catch (error) {
    if (error instanceof VendorApiError && error.code === 'ORDER_NOT_EXIST') return undefined;
    throw error;
  }
}

/** The day WeChat Pay accepted the refund; undefined when it has no such refund. */
async function refundDay(client: WechatPayClient, refund: BookRefund): Promise<string | undefined> {
  try {
    return dayOf((await client.queryRefund(refund.outRefundNo)).create_time);
  } catch (error) {
    if (error instanceof VendorApiError && error.code === 'RESOURCE_NOT_EXISTS') return undefined;
    throw error;
  }
}
