import type { KeyObject } from 'node:crypto';
import {
  type Clock,
  HttpTransport,
  parseJsonBody,
  systemClock,
  type TransportResponse,
  VendorApiError,
} from '../core/index.js';
import { parseTradeBill, type TradeBill, tradeBillHash } from './bill.js';
import { assertJsapiParams, assertRefundParams, jsapiBody, refundBody } from './requests.js';
import {
  buildAuthorization,
  buildRequestPayment,
  privateKeyOf,
  publicKeyOf,
  unixSeconds,
  verifyWechatpaySignature,
  wechatpayNonce,
} from './signing.js';
import {
  type JsapiPrepayParams,
  type RefundParams,
  type RequestPaymentParams,
  type TradeBillTicket,
  type TradeBillType,
  WECHATPAY_PATHS,
  WECHATPAY_VENDOR,
  type WechatPayClientOptions,
  type WechatPayRefund,
  type WechatPayTransaction,
} from './types.js';

interface CallOptions {
  method: 'GET' | 'POST';
  path: string;
  query?: string;
  body?: unknown;
  idempotent: boolean;
  /** The bill download is the one answer WeChat Pay does not sign. */
  unsigned?: boolean;
}

/**
 * Client of WeChat Pay APIv3 for a directly connected merchant (直连商户), mini-program payment.
 * Every request is signed `WECHATPAY2-SHA256-RSA2048` with the merchant key; every answer's
 * `Wechatpay-Signature` is checked with the WeChat Pay public key (public-key mode) and an answer
 * older than five minutes is refused. Error answers become `VendorApiError` with WeChat Pay's code.
 */
export class WechatPayClient {
  private readonly transport: HttpTransport;
  private readonly keys: { merchantPrivateKey: KeyObject; platformPublicKey: KeyObject };
  private readonly clock: Clock;

  constructor(private readonly options: WechatPayClientOptions) {
    if (!options.mchid || !options.appid || !options.merchantSerialNo || !options.platformPublicKeyId) {
      throw new Error('wechatpay client needs mchid, appid, merchantSerialNo and platformPublicKeyId');
    }
    if (Buffer.byteLength(options.apiV3Key ?? '', 'utf8') !== 32)
      throw new Error('wechatpay: the APIv3 key must be 32 bytes');
    this.transport = new HttpTransport(WECHATPAY_VENDOR, options);
    this.keys = {
      merchantPrivateKey: privateKeyOf(options.merchantPrivateKey),
      platformPublicKey: publicKeyOf(options.platformPublicKey),
    };
    this.clock = options.clock ?? systemClock;
  }

  /**
   * JSAPI下单 (`POST /v3/pay/transactions/jsapi`): a prepay order for the mini-program. Retried on a
   * lost answer: the same `out_trade_no` with the same content gives the same unpaid order back.
   */
  async jsapiPrepay(params: JsapiPrepayParams): Promise<{ prepayId: string }> {
    assertJsapiParams(params);
    const answer = await this.call<{ prepay_id?: string }>({
      method: 'POST',
      path: WECHATPAY_PATHS.jsapi,
      body: jsapiBody(this.options, params),
      idempotent: true,
    });
    if (!answer.prepay_id) throw this.invalid('JSAPI下单 answered without prepay_id');
    return { prepayId: answer.prepay_id };
  }

  /** 小程序调起支付: the signed parameters for `wx.requestPayment` (no network call). */
  requestPayment(prepayId: string): RequestPaymentParams {
    return buildRequestPayment(this.options.appid, prepayId, this.keys.merchantPrivateKey, this.clock);
  }

  /** 查询订单 by 商户订单号 (`GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=`). */
  async queryByOutTradeNo(outTradeNo: string): Promise<WechatPayTransaction> {
    return this.call<WechatPayTransaction>({
      method: 'GET',
      path: `${WECHATPAY_PATHS.byOutTradeNo}${encodeURIComponent(outTradeNo)}`,
      query: `mchid=${encodeURIComponent(this.options.mchid)}`,
      idempotent: true,
    });
  }

  /**
   * 关闭订单 (`POST …/out-trade-no/{out_trade_no}/close`, 204). An order closed already answers
   * ORDER_CLOSED: reported as `already-closed`, so a retry after a lost answer is not an error.
   */
  async closeOrder(outTradeNo: string): Promise<'closed' | 'already-closed'> {
    try {
      await this.call({
        method: 'POST',
        path: `${WECHATPAY_PATHS.byOutTradeNo}${encodeURIComponent(outTradeNo)}/close`,
        body: { mchid: this.options.mchid },
        idempotent: true,
      });
      return 'closed';
    } catch (error) {
      if (error instanceof VendorApiError && error.code === 'ORDER_CLOSED') return 'already-closed';
      throw error;
    }
  }

  /**
   * 申请退款 (`POST /v3/refund/domestic/refunds`). Accepted is not refunded: the answer is usually
   * PROCESSING and the result comes by notification or `queryRefund`. Retried, because WeChat Pay
   * refunds once per `out_refund_no`.
   */
  async refund(params: RefundParams): Promise<WechatPayRefund> {
    assertRefundParams(params);
    return this.call<WechatPayRefund>({
      method: 'POST',
      path: WECHATPAY_PATHS.refunds,
      body: refundBody(params),
      idempotent: true,
    });
  }

  /** 查询单笔退款 (`GET /v3/refund/domestic/refunds/{out_refund_no}`). */
  async queryRefund(outRefundNo: string): Promise<WechatPayRefund> {
    return this.call<WechatPayRefund>({
      method: 'GET',
      path: `${WECHATPAY_PATHS.refunds}/${encodeURIComponent(outRefundNo)}`,
      idempotent: true,
    });
  }

  /** 申请交易账单 (`GET /v3/bill/tradebill`) for a Beijing-time day `yyyy-MM-dd`. */
  async applyTradeBill(billDate: string, billType: TradeBillType = 'ALL'): Promise<TradeBillTicket> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate)) throw new Error(`wechatpay: bill_date must be yyyy-MM-dd: ${billDate}`);
    const ticket = await this.call<TradeBillTicket>({
      method: 'GET',
      path: WECHATPAY_PATHS.tradeBill,
      query: `bill_date=${billDate}&bill_type=${billType}`,
      idempotent: true,
    });
    if (!ticket.download_url || ticket.hash_type !== 'SHA1' || !ticket.hash_value) {
      throw this.invalid('申请交易账单 answered without download_url or a SHA1 hash');
    }
    return ticket;
  }

  /**
   * 下载账单: fetches `download_url` (signed like any request, the answer is not) and checks the
   * SHA1 the ticket gave. Returns the bill text.
   */
  async downloadTradeBill(ticket: TradeBillTicket): Promise<string> {
    const url = new URL(ticket.download_url);
    const base = new URL(this.transport.url('/'));
    if (url.origin !== base.origin) throw this.invalid(`download_url is not on ${base.origin}`);
    const response = await this.send({
      method: 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      idempotent: true,
      unsigned: true,
    });
    this.raiseForError(response);
    // fetch's text() drops a leading BOM, which the hashed file carries: check both forms.
    const text = response.text;
    const expected = ticket.hash_value.toLowerCase();
    if (tradeBillHash(text) !== expected && tradeBillHash(`\uFEFF${text}`) !== expected) {
      throw new VendorApiError(WECHATPAY_VENDOR, 'wechatpay: the downloaded bill does not match its SHA1', {
        code: 'BILL_HASH_MISMATCH',
        httpStatus: response.status,
      });
    }
    return text;
  }

  /** Applies for and downloads one day's bill, parsed. */
  async fetchTradeBill(billDate: string, billType: TradeBillType = 'ALL'): Promise<TradeBill> {
    return parseTradeBill(await this.downloadTradeBill(await this.applyTradeBill(billDate, billType)));
  }

  private async call<T>(options: CallOptions): Promise<T> {
    const response = await this.send(options);
    this.raiseForError(response);
    if (response.status === 204 || response.text === '') return undefined as T;
    return parseJsonBody<T>(WECHATPAY_VENDOR, response);
  }

  private async send(options: CallOptions): Promise<TransportResponse> {
    const body = options.body === undefined ? '' : JSON.stringify(options.body);
    const signedUrl = new URL(this.transport.url(options.path, options.query));
    const authorization = buildAuthorization({
      mchid: this.options.mchid,
      serialNo: this.options.merchantSerialNo,
      privateKey: this.keys.merchantPrivateKey,
      method: options.method,
      url: `${signedUrl.pathname}${signedUrl.search}`,
      body,
      timestamp: unixSeconds(this.clock),
      nonce: wechatpayNonce(),
    });
    const response = await this.transport.send({
      method: options.method,
      path: options.path,
      query: options.query,
      body: options.method === 'POST' ? body : undefined,
      idempotent: options.idempotent,
      headers: {
        Authorization: authorization,
        Accept: 'application/json',
        ...(options.method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
        // Public-key mode: asks WeChat Pay to sign its answer with the key of this id.
        'Wechatpay-Serial': this.options.platformPublicKeyId,
      },
    });
    const signed = response.headers.has('Wechatpay-Signature');
    // A 2xx without a signature is forged; an error page from a gateway in between has none either.
    if (!options.unsigned && (signed || (response.status >= 200 && response.status < 300))) {
      verifyWechatpaySignature(response.headers, response.text, {
        publicKey: this.keys.platformPublicKey,
        publicKeyId: this.options.platformPublicKeyId,
        clock: this.clock,
      });
    }
    return response;
  }

  private raiseForError(response: TransportResponse): void {
    if (response.status >= 200 && response.status < 300) return;
    let code = `HTTP_${response.status}`;
    let message = `wechatpay answered HTTP ${response.status}`;
    try {
      const body = JSON.parse(response.text) as { code?: string; message?: string };
      if (body.code) code = body.code;
      if (body.message) message = body.message;
    } catch {
      // Not JSON (a gateway page): the HTTP status is all there is.
    }
    throw new VendorApiError(WECHATPAY_VENDOR, message, {
      code,
      httpStatus: response.status,
      rawBody: response.text.slice(0, 2000),
    });
  }

  private invalid(message: string): VendorApiError {
    return new VendorApiError(WECHATPAY_VENDOR, `wechatpay: ${message}`, { code: 'INVALID_RESPONSE' });
  }
}
