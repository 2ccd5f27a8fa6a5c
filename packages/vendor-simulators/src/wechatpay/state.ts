import { randomInt } from 'node:crypto';
import type { Clock } from '@banshi/vendor-clients';
import {
  rfc3339Beijing,
  type WechatPayRefund,
  type WechatPayRefundStatus,
  type WechatPayTradeState,
  type WechatPayTransaction,
} from '@banshi/vendor-clients/wechatpay';

export interface SimTransaction {
  outTradeNo: string;
  prepayId: string;
  appid: string;
  mchid: string;
  description: string;
  totalFen: number;
  openid: string;
  notifyUrl: string;
  attach?: string;
  timeExpireMs?: number;
  /** The JSAPI body as first received: the same out_trade_no with other content is OUT_TRADE_NO_USED. */
  fingerprint: string;
  createdAt: number;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  transactionId?: string;
  successAt?: number;
  /** Refunds accepted (any status but CLOSED), in fen. */
  refundedFen: number;
  /** The user cancelled the payment sheet at least once (the order stays NOTPAY, as at WeChat Pay). */
  cancelledByUser: number;
}

export interface SimRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
  fingerprint: string;
  createdAt: number;
  status: WechatPayRefundStatus;
  successAt?: number;
}

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

/** Orders and refunds of the simulated merchant, with WeChat Pay's views of them. */
export class WechatPaySimState {
  readonly transactions = new Map<string, SimTransaction>();
  readonly byPrepayId = new Map<string, SimTransaction>();
  readonly refunds = new Map<string, SimRefund>();
  /** `bills`: trade bills handed out (申请交易账单 answered with a download address). */
  readonly stats = { prepaid: 0, paid: 0, closed: 0, refunds: 0, refundedFen: 0, paidFen: 0, bills: 0 };

  constructor(readonly clock: Clock) {}

  newPrepayId = (): string => `wx${digits(34)}`;
  newTransactionId = (): string => `4200${digits(24)}`;
  newRefundId = (): string => `50${digits(27)}`;

  add(transaction: SimTransaction): void {
    this.transactions.set(transaction.outTradeNo, transaction);
    this.byPrepayId.set(transaction.prepayId, transaction);
    this.stats.prepaid++;
  }

  /** The order as of now: an unpaid order past its time_expire is closed by WeChat Pay itself. */
  current(outTradeNo: string): SimTransaction | undefined {
    const transaction = this.transactions.get(outTradeNo);
    if (transaction) this.expire(transaction);
    return transaction;
  }

  expire(transaction: SimTransaction): void {
    if (transaction.state === 'NOTPAY' && transaction.timeExpireMs !== undefined) {
      if (this.clock.now() > transaction.timeExpireMs) this.close(transaction);
    }
  }

  close(transaction: SimTransaction): void {
    if (transaction.state !== 'NOTPAY') return;
    transaction.state = 'CLOSED';
    this.stats.closed++;
  }

  refundsOf(outTradeNo: string): SimRefund[] {
    return [...this.refunds.values()].filter((refund) => refund.outTradeNo === outTradeNo);
  }

  tradeState(transaction: SimTransaction): WechatPayTradeState {
    if (transaction.state === 'SUCCESS' && transaction.refundedFen > 0) return 'REFUND';
    return transaction.state;
  }

  /** 查询订单 answer; the TRANSACTION.SUCCESS resource is the same view taken at payment. */
  transactionView(transaction: SimTransaction): WechatPayTransaction {
    const state = this.tradeState(transaction);
    const paid = transaction.state === 'SUCCESS';
    return {
      appid: transaction.appid,
      mchid: transaction.mchid,
      out_trade_no: transaction.outTradeNo,
      ...(paid ? { transaction_id: transaction.transactionId, trade_type: 'JSAPI', bank_type: 'OTHERS' } : {}),
      trade_state: state,
      trade_state_desc: TRADE_STATE_DESC[state],
      ...(paid && transaction.attach ? { attach: transaction.attach } : {}),
      ...(paid
        ? { success_time: rfc3339Beijing(transaction.successAt ?? 0), payer: { openid: transaction.openid } }
        : {}),
      amount: paid
        ? { total: transaction.totalFen, payer_total: transaction.totalFen, currency: 'CNY', payer_currency: 'CNY' }
        : { total: transaction.totalFen, currency: 'CNY' },
    };
  }

  refundView(refund: SimRefund): WechatPayRefund {
    const transaction = this.transactions.get(refund.outTradeNo);
    return {
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      transaction_id: transaction?.transactionId ?? '',
      out_trade_no: refund.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(refund.successAt ? { success_time: rfc3339Beijing(refund.successAt) } : {}),
      create_time: rfc3339Beijing(refund.createdAt),
      status: refund.status,
      funds_account: 'AVAILABLE',
      amount: {
        total: refund.totalFen,
        refund: refund.refundFen,
        payer_total: refund.totalFen,
        payer_refund: refund.refundFen,
        settlement_refund: refund.refundFen,
        settlement_total: refund.totalFen,
        discount_refund: 0,
        currency: 'CNY',
      },
    };
  }
}

const TRADE_STATE_DESC: Record<WechatPayTradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
};
