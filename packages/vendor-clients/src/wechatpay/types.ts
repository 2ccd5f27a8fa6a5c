import type { KeyObject } from 'node:crypto';
import type { Clock, VendorClientOptions } from '../core/index.js';

export const WECHATPAY_VENDOR = 'wechatpay';

/** The production API host; the client takes any `baseUrl` (the simulator in sandbox and tests). */
export const WECHATPAY_API_BASE = 'https://api.mch.weixin.qq.com';

export const WECHATPAY_PATHS = {
  jsapi: '/v3/pay/transactions/jsapi',
  /** + `{out_trade_no}` (query) and `{out_trade_no}/close`. */
  byOutTradeNo: '/v3/pay/transactions/out-trade-no/',
  refunds: '/v3/refund/domestic/refunds',
  tradeBill: '/v3/bill/tradebill',
  billDownload: '/v3/billdownload/file',
} as const;

/** A PEM text (PKCS#8 / SPKI / PKCS#1) or a key object made by `node:crypto`. */
export type KeyInput = string | KeyObject;

/** What the merchant holds: its own key pair, and WeChat Pay's public key (public-key mode). */
export interface WechatPayCredentials {
  /** 直连商户号. */
  mchid: string;
  /** The mini-program's AppID, bound to the merchant number. */
  appid: string;
  /** 商户API证书私钥 (`apiclient_key.pem`). */
  merchantPrivateKey: KeyInput;
  /** 商户API证书序列号, sent as `serial_no` in `Authorization`. */
  merchantSerialNo: string;
  /** 微信支付公钥 (`pub_key.pem`): verifies every answer and notification. */
  platformPublicKey: KeyInput;
  /** 微信支付公钥ID (`PUB_KEY_ID_…`): the `Wechatpay-Serial` an answer must carry. */
  platformPublicKeyId: string;
  /** APIv3密钥: 32 bytes of text, decrypts notification resources (AEAD_AES_256_GCM). */
  apiV3Key: string;
}

export interface WechatPayClientOptions extends VendorClientOptions, WechatPayCredentials {
  /** For the `Wechatpay-Timestamp` window and request timestamps; tests move it. */
  clock?: Clock;
}

export type WechatPayTradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
export type WechatPayRefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** JSAPI下单 request, in our terms (money in fen). */
export interface JsapiPrepayParams {
  /** 商户订单号: 6–32 characters of `[0-9A-Za-z_\-*]`, unique per merchant; the call's idempotency key. */
  outTradeNo: string;
  /** 商品描述, at most 127 characters. */
  description: string;
  totalFen: number;
  /** The payer's openid under `appid`. */
  openid: string;
  notifyUrl: string;
  /** 交易结束时间; WeChat Pay closes the order by itself after it. */
  timeExpire?: Date;
  attach?: string;
}

/** 查询订单 answer (and the decrypted TRANSACTION.SUCCESS resource), fields as WeChat Pay names them. */
export interface WechatPayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: WechatPayTradeState;
  trade_state_desc: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount?: { total?: number; payer_total?: number; currency?: string; payer_currency?: string };
}

export interface RefundParams {
  outTradeNo: string;
  /** 商户退款单号: WeChat Pay refunds once per number, so the call is safe to repeat. */
  outRefundNo: string;
  refundFen: number;
  /** The order's total, which WeChat Pay checks against its own. */
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
}

/** 申请退款 / 查询单笔退款 answer, fields as WeChat Pay names them. */
export interface WechatPayRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel: string;
  user_received_account: string;
  success_time?: string;
  create_time: string;
  status: WechatPayRefundStatus;
  funds_account?: string;
  amount: {
    total: number;
    refund: number;
    payer_total: number;
    payer_refund: number;
    settlement_refund?: number;
    settlement_total?: number;
    discount_refund?: number;
    currency: string;
  };
}

export type TradeBillType = 'ALL' | 'SUCCESS' | 'REFUND';

/** 申请交易账单 answer. */
export interface TradeBillTicket {
  hash_type: 'SHA1';
  hash_value: string;
  download_url: string;
}

/** The parameters `wx.requestPayment` takes (小程序调起支付), built and signed on the server. */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}
