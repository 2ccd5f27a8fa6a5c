import { VendorError } from '../core/index.js';
import { rfc3339Beijing } from './time.js';
import { type JsapiPrepayParams, type RefundParams, WECHATPAY_VENDOR, type WechatPayCredentials } from './types.js';

/** A request the client refuses to send because WeChat Pay would refuse it (PARAM_ERROR). */
export class WechatPayRequestError extends VendorError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(WECHATPAY_VENDOR, message);
  }
}

/** 商户订单号 / 商户退款单号 character rules from the field tables. */
export const OUT_TRADE_NO_PATTERN = /^[0-9A-Za-z_\-*]{6,32}$/;
export const OUT_REFUND_NO_PATTERN = /^[0-9A-Za-z_\-|*@]{1,64}$/;

const isFen = (value: number) => Number.isSafeInteger(value) && value > 0;

/** notify_url: http(s), no query string (the document: 不能携带参数). */
export const isNotifyUrl = (url: string): boolean => /^https?:\/\/[^?#\s]+$/i.test(url);

export function assertJsapiParams(params: JsapiPrepayParams): void {
  if (!OUT_TRADE_NO_PATTERN.test(params.outTradeNo)) {
    throw new WechatPayRequestError(
      'out_trade_no',
      `out_trade_no must be 6-32 of [0-9A-Za-z_-*]: ${params.outTradeNo}`,
    );
  }
  if (!params.description || [...params.description].length > 127) {
    throw new WechatPayRequestError('description', 'description must be 1-127 characters');
  }
  if (!isFen(params.totalFen))
    throw new WechatPayRequestError('amount.total', 'amount.total must be a positive fen integer');
  if (!params.openid) throw new WechatPayRequestError('payer.openid', 'payer.openid is required for JSAPI');
  if (!isNotifyUrl(params.notifyUrl)) {
    throw new WechatPayRequestError('notify_url', 'notify_url must be an http(s) URL without query parameters');
  }
}

export function jsapiBody(credentials: Pick<WechatPayCredentials, 'appid' | 'mchid'>, params: JsapiPrepayParams) {
  return {
    appid: credentials.appid,
    mchid: credentials.mchid,
    description: params.description,
    out_trade_no: params.outTradeNo,
    ...(params.timeExpire ? { time_expire: rfc3339Beijing(params.timeExpire.getTime()) } : {}),
    ...(params.attach ? { attach: params.attach } : {}),
    notify_url: params.notifyUrl,
    amount: { total: params.totalFen, currency: 'CNY' },
    payer: { openid: params.openid },
  };
}

export function assertRefundParams(params: RefundParams): void {
  if (!OUT_TRADE_NO_PATTERN.test(params.outTradeNo))
    throw new WechatPayRequestError('out_trade_no', 'bad out_trade_no');
  if (!OUT_REFUND_NO_PATTERN.test(params.outRefundNo)) {
    throw new WechatPayRequestError(
      'out_refund_no',
      `out_refund_no must be 1-64 of [0-9A-Za-z_-|*@]: ${params.outRefundNo}`,
    );
  }
  if (!isFen(params.refundFen) || !isFen(params.totalFen)) {
    throw new WechatPayRequestError('amount', 'amount.refund and amount.total must be positive fen integers');
  }
  if (params.refundFen > params.totalFen)
    throw new WechatPayRequestError('amount.refund', 'a refund cannot exceed the order');
  if (params.notifyUrl !== undefined && !isNotifyUrl(params.notifyUrl)) {
    throw new WechatPayRequestError('notify_url', 'notify_url must be an http(s) URL without query parameters');
  }
}

export function refundBody(params: RefundParams) {
  return {
    out_trade_no: params.outTradeNo,
    out_refund_no: params.outRefundNo,
    ...(params.reason ? { reason: params.reason } : {}),
    ...(params.notifyUrl ? { notify_url: params.notifyUrl } : {}),
    amount: { refund: params.refundFen, total: params.totalFen, currency: 'CNY' },
  };
}
