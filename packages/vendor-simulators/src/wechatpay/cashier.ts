import { fenToYuan } from '@banshi/vendor-clients';
import { type SimRequest, type SimResponse } from '../core/index.js';
import type { PayOutcome, WechatPayPayments } from './payments.js';
import type { SimTransaction, WechatPaySimState } from './state.js';

export const CASHIER_PATH = '/sandbox/cashier';
export const CASHIER_SUBMIT_PATH = '/sandbox/cashier/submit';

/** The result the cashier appends to the return URL as `wechatpay_result`. */
export type CashierResult = 'ok' | 'cancel' | 'closed' | 'unknown';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** Adds a parameter to a URL, inside the hash when the app routes by hash (`/#/pages/x?id=1`). */
export function withResult(url: string, result: CashierResult): string {
  const hashAt = url.indexOf('#');
  const [head, hash] = hashAt < 0 ? [url, undefined] : [url.slice(0, hashAt), url.slice(hashAt)];
  const add = (part: string) => `${part}${part.includes('?') ? '&' : '?'}wechatpay_result=${result}`;
  return hash === undefined ? add(head) : `${head}${add(hash)}`;
}

const isReturnUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

function page(title: string, body: string): SimResponse {
  return {
    contentType: 'text/html; charset=utf-8',
    text: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;margin:0}
.card{background:#fff;margin:24px 16px;border-radius:12px;padding:28px 20px;text-align:center}
.sandbox{color:#fa9d3b;font-size:13px}.desc{color:#333;font-size:16px;margin:12px 0 4px}
.amount{font-size:40px;font-weight:600;margin:8px 0 24px}button{display:block;width:100%;border:0;border-radius:8px;
font-size:17px;padding:13px;margin-top:12px}.pay{background:#07c160;color:#fff}.cancel{background:#f2f2f2;color:#07c160}
</style></head><body><div class="card">${body}</div></body></html>`,
  };
}

/**
 * The sandbox cashier: what `wx.requestPayment` shows on a phone, as an H5 page. 确认支付 pays the
 * order (and WeChat Pay notifies the merchant); 取消 leaves it unpaid. Either way the browser goes
 * back to `return_url` with `wechatpay_result`.
 */
export class WechatPayCashier {
  constructor(
    private readonly state: WechatPaySimState,
    private readonly payments: WechatPayPayments,
  ) {}

  show(request: SimRequest): SimResponse {
    const prepayId = request.query.get('prepay_id') ?? '';
    const returnUrl = request.query.get('return_url');
    if (!isReturnUrl(returnUrl)) return { status: 400, ...page('参数错误', '<p>缺少 return_url 或格式错误</p>') };
    const transaction = this.find(prepayId);
    if (!transaction) return { status: 404, ...page('订单不存在', '<p>支付订单不存在</p>') };
    this.state.expire(transaction);
    if (transaction.state !== 'NOTPAY') {
      const text = transaction.state === 'SUCCESS' ? '该订单已支付' : '该订单已关闭，无法支付';
      return page(text, `<p class="desc">${text}</p><a href="${escapeHtml(returnUrl)}">返回商户</a>`);
    }
    const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    return page(
      '微信支付',
      `<div class="sandbox">沙箱收银台 · 模拟微信支付</div>
<div class="desc">${escapeHtml(transaction.description)}</div>
<div class="amount">¥${fenToYuan(transaction.totalFen)}</div>
<form method="post" action="${CASHIER_SUBMIT_PATH}">${hidden('prepay_id', prepayId)}${hidden('return_url', returnUrl)}
<button class="pay" name="action" value="pay" type="submit">确认支付</button>
<button class="cancel" name="action" value="cancel" type="submit">取消</button></form>`,
    );
  }

  submit(request: SimRequest): SimResponse {
    const form = request.form();
    const returnUrl = form.get('return_url');
    if (!isReturnUrl(returnUrl)) return { status: 400, ...page('参数错误', '<p>缺少 return_url 或格式错误</p>') };
    const transaction = this.find(form.get('prepay_id') ?? '');
    let result: CashierResult;
    if (form.get('action') === 'pay') result = resultOf(this.payments.pay(transaction));
    else {
      this.payments.cancel(transaction);
      result = transaction ? 'cancel' : 'unknown';
    }
    return { status: 303, headers: { Location: withResult(returnUrl, result) }, text: '' };
  }

  private find(prepayId: string): SimTransaction | undefined {
    return this.state.byPrepayId.get(prepayId);
  }
}

function resultOf(outcome: PayOutcome): CashierResult {
  if (outcome === 'paid' || outcome === 'already-paid') return 'ok';
  return outcome;
}
