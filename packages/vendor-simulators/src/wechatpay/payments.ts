import type { SimResponse } from '../core/index.js';
import { isNotifyUrl, OUT_TRADE_NO_PATTERN, parseRfc3339 } from '@banshi/vendor-clients/wechatpay';
import { errorAnswer, signedAnswer, type WechatPaySimConfig } from './gateway.js';
import type { WechatPayNotifier } from './notifier.js';
import type { SimTransaction, WechatPaySimState } from './state.js';

export type PayOutcome = 'paid' | 'already-paid' | 'closed' | 'unknown';

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** JSAPI下单, 查询订单, 关闭订单 and the user's side (pay, cancel) of the simulated WeChat Pay. */
export class WechatPayPayments {
  constructor(
    private readonly state: WechatPaySimState,
    private readonly config: WechatPaySimConfig,
    private readonly notifier: WechatPayNotifier,
  ) {}

  /** JSAPI下单: checks the body as WeChat Pay does; the same out_trade_no and content gives the order back. */
  prepay(body: Record<string, unknown> | undefined): SimResponse {
    const problem = this.checkPrepay(body);
    if (problem) return problem;
    const request = body as Record<string, unknown>;
    const amount = request.amount as { total: number };
    const outTradeNo = request.out_trade_no as string;
    const fingerprint = JSON.stringify(request);
    const existing = this.state.current(outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS') return errorAnswer(this.config, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') return errorAnswer(this.config, 'ORDER_CLOSED', '该订单已关闭');
      if (existing.fingerprint !== fingerprint) {
        return errorAnswer(this.config, 'OUT_TRADE_NO_USED', '商户订单号重复，且与原订单参数不一致');
      }
      return signedAnswer(this.config, 200, { prepay_id: existing.prepayId });
    }
    const transaction: SimTransaction = {
      outTradeNo,
      prepayId: this.state.newPrepayId(),
      appid: request.appid as string,
      mchid: request.mchid as string,
      description: request.description as string,
      totalFen: amount.total,
      openid: (request.payer as { openid: string }).openid,
      notifyUrl: request.notify_url as string,
      attach: str(request.attach),
      timeExpireMs: str(request.time_expire) ? parseRfc3339(request.time_expire as string) : undefined,
      fingerprint,
      createdAt: this.state.clock.now(),
      state: 'NOTPAY',
      refundedFen: 0,
      cancelledByUser: 0,
    };
    this.state.add(transaction);
    return signedAnswer(this.config, 200, { prepay_id: transaction.prepayId });
  }

  query(outTradeNo: string, mchid: string | null): SimResponse {
    if (mchid !== this.config.mchid) return errorAnswer(this.config, 'PARAM_ERROR', 'mchid 与请求方商户号不一致');
    const transaction = this.state.current(outTradeNo);
    if (!transaction) return errorAnswer(this.config, 'ORDER_NOT_EXIST', '订单不存在');
    return signedAnswer(this.config, 200, this.state.transactionView(transaction));
  }

  close(outTradeNo: string, body: Record<string, unknown> | undefined): SimResponse {
    if (body?.mchid !== this.config.mchid) return errorAnswer(this.config, 'PARAM_ERROR', 'mchid 与请求方商户号不一致');
    const transaction = this.state.current(outTradeNo);
    if (!transaction) return errorAnswer(this.config, 'ORDER_NOT_EXIST', '订单不存在');
    if (transaction.state === 'SUCCESS') return errorAnswer(this.config, 'ORDERPAID', '订单已支付');
    if (transaction.state === 'CLOSED') return errorAnswer(this.config, 'ORDER_CLOSED', '订单已关闭');
    this.state.close(transaction);
    return signedAnswer(this.config, 204);
  }

  /** The user confirms the payment (requestPayment or the sandbox cashier): paid, and notified. */
  pay(transaction: SimTransaction | undefined): PayOutcome {
    if (!transaction) return 'unknown';
    this.state.expire(transaction);
    if (transaction.state === 'SUCCESS') return 'already-paid';
    if (transaction.state === 'CLOSED') return 'closed';
    transaction.state = 'SUCCESS';
    transaction.transactionId = this.state.newTransactionId();
    transaction.successAt = this.state.clock.now();
    this.state.stats.paid++;
    this.state.stats.paidFen += transaction.totalFen;
    const view = this.state.transactionView(transaction);
    this.notifier.notify(
      'transaction',
      'TRANSACTION.SUCCESS',
      '支付成功',
      transaction.outTradeNo,
      transaction.notifyUrl,
      view,
    );
    return 'paid';
  }

  /** The user closes the payment sheet: WeChat Pay changes nothing, the order stays NOTPAY. */
  cancel(transaction: SimTransaction | undefined): void {
    if (transaction) transaction.cancelledByUser++;
  }

  private checkPrepay(body: Record<string, unknown> | undefined): SimResponse | undefined {
    const param = (message: string) => errorAnswer(this.config, 'PARAM_ERROR', message);
    if (!body) return param('请求体不是JSON对象');
    for (const field of ['appid', 'mchid', 'description', 'out_trade_no', 'notify_url']) {
      if (!str(body[field])) return param(`缺少参数 ${field}`);
    }
    if (body.mchid !== this.config.mchid) return param('mchid 与请求方商户号不一致');
    if (!this.config.appids.has(body.appid as string)) {
      return errorAnswer(this.config, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配，请检查后再试');
    }
    if (!OUT_TRADE_NO_PATTERN.test(body.out_trade_no as string)) return param('out_trade_no 格式错误');
    if ([...(body.description as string)].length > 127) return param('description 超过127个字符');
    if (!isNotifyUrl(body.notify_url as string)) return param('notify_url 格式错误，不能携带参数');
    const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
    if (!amount || !Number.isSafeInteger(amount.total) || (amount.total as number) < 1) {
      return param('amount.total 必须为大于0的整数（单位：分）');
    }
    if (amount.currency !== undefined && amount.currency !== 'CNY') return param('amount.currency 仅支持CNY');
    const payer = body.payer as { openid?: unknown } | undefined;
    if (!str(payer?.openid)) return param('JSAPI下单必须传 payer.openid');
    if (body.time_expire !== undefined && Number.isNaN(parseRfc3339(String(body.time_expire)))) {
      return param('time_expire 格式错误，应为rfc3339格式');
    }
    return undefined;
  }
}
