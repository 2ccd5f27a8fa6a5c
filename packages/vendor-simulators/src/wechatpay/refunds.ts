import type { SimResponse } from '../core/index.js';
import { isNotifyUrl, OUT_REFUND_NO_PATTERN, type WechatPayRefundStatus } from '@banshi/vendor-clients/wechatpay';
import { errorAnswer, signedAnswer, type WechatPaySimConfig } from './gateway.js';
import type { WechatPayNotifier } from './notifier.js';
import type { WechatPayScenario } from './scenario.js';
import type { SimRefund, WechatPaySimState } from './state.js';

const EVENT: Record<Exclude<WechatPayRefundStatus, 'PROCESSING'>, [string, string]> = {
  SUCCESS: ['REFUND.SUCCESS', '退款成功'],
  ABNORMAL: ['REFUND.ABNORMAL', '退款异常'],
  CLOSED: ['REFUND.CLOSED', '退款关闭'],
};

/** 申请退款, 查询单笔退款 and the refund's way from PROCESSING to its end, with 退款结果通知. */
export class WechatPayRefunds {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly state: WechatPaySimState,
    private readonly config: WechatPaySimConfig,
    private readonly scenario: WechatPayScenario,
    private readonly notifier: WechatPayNotifier,
  ) {}

  create(body: Record<string, unknown> | undefined): SimResponse {
    const param = (message: string) => errorAnswer(this.config, 'PARAM_ERROR', message);
    const invalid = (message: string) => errorAnswer(this.config, 'INVALID_REQUEST', message);
    if (!body) return param('请求体不是JSON对象');
    const outRefundNo = typeof body.out_refund_no === 'string' ? body.out_refund_no : '';
    if (!OUT_REFUND_NO_PATTERN.test(outRefundNo)) return param('out_refund_no 格式错误');
    if (typeof body.out_trade_no !== 'string') return param('transaction_id 和 out_trade_no 必须二选一');
    const amount = body.amount as { refund?: unknown; total?: unknown; currency?: unknown } | undefined;
    if (!amount || !Number.isSafeInteger(amount.refund) || !Number.isSafeInteger(amount.total)) {
      return param('amount.refund 和 amount.total 必须为整数（单位：分）');
    }
    if ((amount.refund as number) < 1) return param('amount.refund 必须大于0');
    if (amount.currency !== 'CNY') return param('amount.currency 必须为CNY');
    if (body.notify_url !== undefined && !isNotifyUrl(String(body.notify_url))) return param('notify_url 格式错误');
    const fingerprint = JSON.stringify(body);
    const existing = this.state.refunds.get(outRefundNo);
    if (existing) {
      // 同一退款单号多次请求只退一笔: the same request gets the same refund back.
      if (existing.fingerprint !== fingerprint) return invalid('商户退款单号已存在，且与原退款参数不一致');
      return signedAnswer(this.config, 200, this.state.refundView(existing));
    }
    const transaction = this.state.current(body.out_trade_no);
    if (!transaction) return errorAnswer(this.config, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (transaction.state !== 'SUCCESS') return invalid('订单未支付，不能退款');
    if (amount.total !== transaction.totalFen) return param('amount.total 与原订单金额不一致');
    if ((amount.refund as number) > transaction.totalFen - transaction.refundedFen) {
      return invalid('申请退款金额超过订单可退金额');
    }
    if (this.scenario.takeNotEnough())
      return errorAnswer(this.config, 'NOT_ENOUGH', '基本账户余额不足，请充值后重新发起');
    const refund: SimRefund = {
      outRefundNo,
      refundId: this.state.newRefundId(),
      outTradeNo: transaction.outTradeNo,
      refundFen: amount.refund as number,
      totalFen: transaction.totalFen,
      reason: typeof body.reason === 'string' ? body.reason : undefined,
      notifyUrl: typeof body.notify_url === 'string' ? body.notify_url : undefined,
      fingerprint,
      createdAt: this.state.clock.now(),
      status: 'PROCESSING',
    };
    this.state.refunds.set(outRefundNo, refund);
    transaction.refundedFen += refund.refundFen;
    this.state.stats.refunds++;
    if (this.scenario.autoCompleteRefunds) this.schedule(refund);
    return signedAnswer(this.config, 200, this.state.refundView(refund));
  }

  query(outRefundNo: string): SimResponse {
    const refund = this.state.refunds.get(outRefundNo);
    if (!refund) return errorAnswer(this.config, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return signedAnswer(this.config, 200, this.state.refundView(refund));
  }

  /** Ends a PROCESSING refund (its scheduled ending, or a test's choice) and notifies. */
  complete(refund: SimRefund, status: Exclude<WechatPayRefundStatus, 'PROCESSING'>): void {
    if (refund.status !== 'PROCESSING') return;
    refund.status = status;
    const transaction = this.state.transactions.get(refund.outTradeNo);
    if (status === 'SUCCESS') {
      refund.successAt = this.state.clock.now();
      this.state.stats.refundedFen += refund.refundFen;
    } else if (status === 'CLOSED' && transaction) {
      transaction.refundedFen -= refund.refundFen;
    }
    const notifyUrl = refund.notifyUrl ?? transaction?.notifyUrl;
    if (!notifyUrl) return;
    const view = this.state.refundView(refund);
    const [eventType, summary] = EVENT[status];
    this.notifier.notify('refund', eventType, summary, refund.outTradeNo, notifyUrl, {
      mchid: this.config.mchid,
      out_trade_no: view.out_trade_no,
      transaction_id: view.transaction_id,
      out_refund_no: view.out_refund_no,
      refund_id: view.refund_id,
      refund_status: view.status,
      ...(view.success_time ? { success_time: view.success_time } : {}),
      user_received_account: view.user_received_account,
      amount: {
        total: view.amount.total,
        refund: view.amount.refund,
        payer_total: view.amount.payer_total,
        payer_refund: view.amount.payer_refund,
      },
    });
  }

  get busy(): boolean {
    return this.timers.size > 0;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(refund: SimRefund): void {
    const ending = this.scenario.takeRefundEnding();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.complete(refund, ending === 'PROCESSING' ? 'SUCCESS' : ending);
    }, this.scenario.refundDelayMs);
    this.timers.add(timer);
  }
}
